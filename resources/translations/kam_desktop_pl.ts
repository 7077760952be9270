<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AccountPane</name>
    <message>
        <source>Select an account to see its summary.</source>
        <translation>Wybierz klienta, aby zobaczyć podsumowanie.</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Poziom:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Rodzaj:</translation>
    </message>
    <message>
        <source>LTV 12 m:</source>
        <translation>LTV 12 mies.:</translation>
    </message>
    <message>
        <source>Previous 12 m:</source>
        <translation>Poprzednie 12 mies.:</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Trend:</translation>
    </message>
    <message>
        <source>Open benefits:</source>
        <translation>Otwarte benefity:</translation>
    </message>
    <message>
        <source>Pending exceptions:</source>
        <translation>Oczekujące wyjątki:</translation>
    </message>
    <message>
        <source>KAM:</source>
        <translation>KAM:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
</context>
<context>
    <name>AccountTables</name>
    <message>
        <source>Booked</source>
        <translation>Zaksięgowano</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Pozycja</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartał</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Wygasa</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwaga</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Koszt</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Wykorzystano</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Wyjątek</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>umowa</translation>
    </message>
    <message>
        <source>annex</source>
        <translation>aneks</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>zestawienie</translation>
    </message>
    <message>
        <source>DRAFT (waits for approvals)</source>
        <translation>SZKIC (czeka na zatwierdzenia)</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>wystawiony</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>podpisany</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>zastąpiony</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Wystawiono</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Podpisano</translation>
    </message>
    <message>
        <source>Client&apos;s signatory</source>
        <translation>Podpisujący po stronie klienta</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skany</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Polityka</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Wnioskowano</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Czeka na</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Przewidywany koszt</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Ważny do</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Wnioskodawca</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Client&apos;s total</source>
        <translation>Łącznie u klienta</translation>
    </message>
    <message>
        <source>Ours, 12 m</source>
        <translation>Nasze, 12 m-cy</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>Udział w portfelu</translation>
    </message>
    <message>
        <source>Units total</source>
        <translation>Jednostki łącznie</translation>
    </message>
    <message>
        <source>Units slot</source>
        <translation>Slot w jednostkach</translation>
    </message>
    <message>
        <source>Gathered</source>
        <translation>Zebrano</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Pewność</translation>
    </message>
</context>
<context>
    <name>AccountWorkspace</name>
    <message>
        <source>The account could not be read: %1</source>
        <translation>Nie udało się odczytać klienta: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Przegląd</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potencjał</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Benefity</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Wyjątki</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Rejestr punktów</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakty</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenty</translation>
    </message>
</context>
<context>
    <name>AdjustmentsPane</name>
    <message>
        <source>%1 proposed.</source>
        <translation>Zaproponowano %1.</translation>
    </message>
    <message>
        <source>Above the limit: a second person approves it first.</source>
        <translation>Powyżej limitu: najpierw zatwierdza ją druga osoba.</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 zatwierdzona.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 odrzucona.</translation>
    </message>
    <message>
        <source>%1 booked in the ledger.</source>
        <translation>%1 zaksięgowana w rejestrze.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Uwaga:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zatwierdź</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Odrzuć</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Zaksięguj</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>Pokaż &amp;wszystkie</translation>
    </message>
    <message>
        <source>Propose an adjustment</source>
        <translation>Zaproponuj korektę</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Klient:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Jednostka:</translation>
    </message>
    <message>
        <source>Amount (signed):</source>
        <translation>Kwota (ze znakiem):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message>
        <source>P&amp;ropose</source>
        <translation>Za&amp;proponuj</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: baza danych</translation>
    </message>
</context>
<context>
    <name>ApprovalsInbox</name>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Polityka</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Wnioskowano</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Przewidywany koszt</translation>
    </message>
    <message>
        <source>Incremental margin</source>
        <translation>Marża przyrostowa</translation>
    </message>
    <message>
        <source>Account margin 12 m</source>
        <translation>Marża klienta, 12 m-cy</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Wykorzystanie budżetu</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Wnioskodawca</translation>
    </message>
    <message>
        <source>The inbox could not be read: %1</source>
        <translation>Nie udało się odczytać skrzynki: %1</translation>
    </message>
    <message>
        <source>Nothing waits for your decision.</source>
        <translation>Nic nie czeka na Twoją decyzję.</translation>
    </message>
    <message>
        <source>Select a request to decide it.</source>
        <translation>Wybierz wniosek, aby o nim zdecydować.</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Justification: %1</source>
        <translation>Uzasadnienie: %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Odmowa: %1</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 zatwierdzony.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 odrzucony.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Zatwierdzenia</translation>
    </message>
    <message>
        <source>Deciding as %1 (%2)</source>
        <translation>Decydujesz jako %1 (%2)</translation>
    </message>
    <message>
        <source>only the sales director and finance decide exceptions; use File › Act as</source>
        <translation>o wyjątkach decydują tylko dyrektor sprzedaży i finanse; użyj Plik › Działaj jako</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Uwaga:</translation>
    </message>
    <message>
        <source>why, or under which condition (kept in the audit log)</source>
        <translation>dlaczego lub pod jakim warunkiem (zapisywane w dzienniku audytu)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zatwierdź</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Odrzuć</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>%1 exceeds the policy: %2 asked, the cap is %3</source>
        <translation>%1 przekracza politykę: wnioskowano %2, limit to %3</translation>
    </message>
    <message>
        <source>Add a benefit</source>
        <translation>Dodaj benefit</translation>
    </message>
    <message>
        <source>Benefit:</source>
        <translation>Benefit:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wartość:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Jednostka:</translation>
    </message>
    <message>
        <source>Cost over a year:</source>
        <translation>Koszt w skali roku:</translation>
    </message>
    <message>
        <source>Write the value and the cost as numbers.</source>
        <translation>Wpisz wartość i koszt jako liczby.</translation>
    </message>
    <message>
        <source>Within the commercial policy for %1.</source>
        <translation>W granicach polityki handlowej dla %1.</translation>
    </message>
    <message>
        <source>Add and prepare the &amp;exception request…</source>
        <translation>Dodaj i przygotuj &amp;wniosek o wyjątek…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Dodaj</translation>
    </message>
    <message>
        <source>Write the cost as a number.</source>
        <translation>Wpisz koszt jako liczbę.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nie dodano: %1</translation>
    </message>
</context>
<context>
    <name>BenefitUnits</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dzień</numerusform>
            <numerusform>%n dni</numerusform>
            <numerusform>%n dni</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenefitsTab</name>
    <message>
        <source>Cost vs budget: %1 committed of %2 (%3 of the 12-month gross margin %4 for %5) · %6 used</source>
        <translation>Koszt a budżet: zaangażowano %1 z %2 (%3 marży brutto z 12 m-cy %4 dla %5) · wykorzystano %6</translation>
    </message>
    <message>
        <source>Added; it waits for an approved exception. Prepare the request below.</source>
        <translation>Dodano; czeka na zatwierdzony wyjątek. Przygotuj wniosek poniżej.</translation>
    </message>
    <message>
        <source>Added within the policy.</source>
        <translation>Dodano w granicach polityki.</translation>
    </message>
    <message>
        <source>Select a benefit first.</source>
        <translation>Najpierw wybierz benefit.</translation>
    </message>
    <message>
        <source>Not activated: %1</source>
        <translation>Nie aktywowano: %1</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Aktywny.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Pokaż:</translation>
    </message>
    <message>
        <source>all benefits</source>
        <translation>wszystkie benefity</translation>
    </message>
    <message>
        <source>open (proposed, waiting, active)</source>
        <translation>otwarte (proponowane, oczekujące, aktywne)</translation>
    </message>
    <message>
        <source>used</source>
        <translation>wykorzystane</translation>
    </message>
    <message>
        <source>expired or cancelled</source>
        <translation>wygasłe lub anulowane</translation>
    </message>
    <message>
        <source>&amp;Add benefit…</source>
        <translation>&amp;Dodaj benefit…</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>&amp;Aktywuj</translation>
    </message>
</context>
<context>
    <name>ClaimsPane</name>
    <message>
        <source>%1 approved.</source>
        <translation>%1 zatwierdzony.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 odrzucony.</translation>
    </message>
    <message>
        <source>%1 paid: %2.</source>
        <translation>%1 wypłacony: %2.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Uwaga:</translation>
    </message>
    <message>
        <source>Transfer reference:</source>
        <translation>Nr przelewu:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zatwierdź</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Odrzuć</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Wypłać</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>No logo</source>
        <translation>Brak logo</translation>
    </message>
    <message>
        <source>(not an image)</source>
        <translation>(to nie jest obraz)</translation>
    </message>
    <message>
        <source>Company logo</source>
        <translation>Logo firmy</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Obrazy PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
    <message>
        <source>Company on documents</source>
        <translation>Firma na dokumentach</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>&amp;Signatory:</source>
        <translation>&amp;Podpisujący:</translation>
    </message>
    <message>
        <source>Signatory&apos;s t&amp;itle:</source>
        <translation>&amp;Stanowisko podpisującego:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Strona &amp;WWW:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>One line per address line</source>
        <translation>Jedna linia na każdy wiersz adresu</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>W&amp;ybierz…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>Only a sales director, finance or an admin may change the company identity printed on documents.</source>
        <translation>Dane firmy drukowane na dokumentach może zmienić tylko dyrektor sprzedaży, finanse lub administrator.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>KAM Desktop met an unexpected error. Your saved data is safe; the last unsaved action may not have been applied.</source>
        <translation>W KAM Desktop wystąpił nieoczekiwany błąd. Zapisane dane są bezpieczne; ostatnia niezapisana czynność mogła nie zostać wykonana.</translation>
    </message>
    <message>
        <source>A crash report was written to:</source>
        <translation>Raport o błędzie zapisano w pliku:</translation>
    </message>
    <message>
        <source>Please send it to your administrator. You can keep working or restart the application.</source>
        <translation>Prześlij go administratorowi. Możesz kontynuować pracę lub uruchomić aplikację ponownie.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Grade</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Gross margin 12 m</source>
        <translation>Marża brutto, 12 m-cy</translation>
    </message>
    <message>
        <source>Reward cost</source>
        <translation>Koszt nagród</translation>
    </message>
    <message>
        <source>Cost / margin</source>
        <translation>Koszt / marża</translation>
    </message>
    <message>
        <source>Computing the program&apos;s figures…</source>
        <translation>Obliczanie wskaźników programu…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>Nie udało się obliczyć wskaźników: %1</translation>
    </message>
    <message>
        <source>As of %1 · amounts in %2</source>
        <translation>Stan na %1 · kwoty w %2</translation>
    </message>
    <message>
        <source>Accounts in the program</source>
        <translation>Klienci w programie</translation>
    </message>
    <message>
        <source>LTV 12 m</source>
        <translation>LTV 12 m-cy</translation>
    </message>
    <message>
        <source>%1 against the year before</source>
        <translation>%1 względem poprzedniego roku</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Odejścia (churn)</translation>
    </message>
    <message>
        <source>%1 accounts without an invoice for %2 months</source>
        <translation>%1 klientów bez faktury od %2 miesięcy</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>Udział w portfelu</translation>
    </message>
    <message>
        <source>where potential was gathered</source>
        <translation>tam, gdzie zebrano potencjał</translation>
    </message>
    <message>
        <source>Program ROI</source>
        <translation>ROI programu</translation>
    </message>
    <message>
        <source>millions of %1</source>
        <translation>mln %1</translation>
    </message>
    <message>
        <source>ROI waterfall</source>
        <translation>Kaskada ROI</translation>
    </message>
    <message>
        <source>Cohort retention (share still buying, by quarter since enrolment)</source>
        <translation>Retencja kohort (odsetek wciąż kupujących, wg kwartału od przystąpienia)</translation>
    </message>
    <message>
        <source>Basket before / after enrolment by category</source>
        <translation>Koszyk przed / po przystąpieniu wg kategorii</translation>
    </message>
    <message>
        <source>12 months before</source>
        <translation>12 miesięcy przed</translation>
    </message>
    <message>
        <source>12 months after</source>
        <translation>12 miesięcy po</translation>
    </message>
    <message>
        <source>growth offers</source>
        <translation>oferty wzrostu</translation>
    </message>
    <message>
        <source>volume offers</source>
        <translation>oferty wolumenowe</translation>
    </message>
    <message>
        <source>premium offers</source>
        <translation>oferty premium</translation>
    </message>
    <message>
        <source>add-ons</source>
        <translation>dodatki</translation>
    </message>
    <message>
        <source>Potential matrix (slot per account)</source>
        <translation>Macierz potencjału (slot na klienta)</translation>
    </message>
    <message>
        <source>slot in units</source>
        <translation>slot w jednostkach</translation>
    </message>
    <message>
        <source>slot in thousands of %1</source>
        <translation>slot w tys. %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Grade vs margin vs reward cost</source>
        <translation>Poziom a marża a koszt nagród</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Not issued: %1</source>
        <translation>Nie wystawiono: %1</translation>
    </message>
    <message>
        <source>%1 v%2 issued.</source>
        <translation>Wystawiono %1 v%2.</translation>
    </message>
    <message>
        <source>%1 v%2 is current already.</source>
        <translation>%1 v%2 jest już aktualny.</translation>
    </message>
    <message>
        <source>It prints with a DRAFT mark until its benefits are approved.</source>
        <translation>Drukuje się ze znakiem SZKIC, dopóki benefity nie zostaną zatwierdzone.</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Najpierw wybierz dokument.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Brak podglądu: %1</translation>
    </message>
    <message>
        <source>Opened %1 (print it from the viewer).</source>
        <translation>Otwarto %1 (wydrukuj z przeglądarki).</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>Skan podpisanego dokumentu</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Skany (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Who signed for the client? Write the name.</source>
        <translation>Kto podpisał w imieniu klienta? Wpisz imię i nazwisko.</translation>
    </message>
    <message>
        <source>Not marked signed: %1</source>
        <translation>Nie oznaczono jako podpisany: %1</translation>
    </message>
    <message>
        <source>%1 signed.</source>
        <translation>%1 podpisany.</translation>
    </message>
    <message>
        <source>Issue a&amp;greement</source>
        <translation>Wystaw &amp;umowę</translation>
    </message>
    <message>
        <source>Issue a&amp;nnex</source>
        <translation>Wystaw &amp;aneks</translation>
    </message>
    <message>
        <source>Issue last quarter&apos;s &amp;statement</source>
        <translation>Wystaw &amp;zestawienie za ostatni kwartał</translation>
    </message>
    <message>
        <source>&amp;Preview / print…</source>
        <translation>&amp;Podgląd / druk…</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>Oznacz jako podpisany</translation>
    </message>
    <message>
        <source>Client&apos;s signatory:</source>
        <translation>Podpisujący po stronie klienta:</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Data podpisania:</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>Skan:</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Dołącz skan…</translation>
    </message>
    <message>
        <source>Mark &amp;signed</source>
        <translation>Oznacz jako &amp;podpisany</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>the policy&apos;s cap for the account&apos;s grade</source>
        <translation>limit polityki dla poziomu klienta</translation>
    </message>
    <message>
        <source>Write the requested value as a number.</source>
        <translation>Wpisz wnioskowaną wartość jako liczbę.</translation>
    </message>
    <message>
        <source>Say why: the approver reads the justification first.</source>
        <translation>Podaj powód: zatwierdzający najpierw czyta uzasadnienie.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
    <message>
        <source>Policy exception request</source>
        <translation>Wniosek o wyjątek od polityki</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Rodzaj:</translation>
    </message>
    <message>
        <source>Requested value:</source>
        <translation>Wnioskowana wartość:</translation>
    </message>
    <message>
        <source>Policy cap:</source>
        <translation>Limit polityki:</translation>
    </message>
    <message>
        <source>Expected incremental margin:</source>
        <translation>Oczekiwana marża przyrostowa:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Ważny do:</translation>
    </message>
    <message>
        <source>Justification:</source>
        <translation>Uzasadnienie:</translation>
    </message>
    <message>
        <source>The benefit goes beyond the commercial policy; the request is filled in from the check.</source>
        <translation>Benefit wykracza poza politykę handlową; wniosek wypełniono na podstawie sprawdzenia.</translation>
    </message>
    <message numerus="yes">
        <source>%n more cap(s) exceeded: a request for each is saved with the same justification.</source>
        <translation>
            <numerusform>Przekroczono jeszcze %n limit: dla każdego zapisany zostanie wniosek z tym samym uzasadnieniem.</numerusform>
            <numerusform>Przekroczono jeszcze %n limity: dla każdego zapisany zostanie wniosek z tym samym uzasadnieniem.</numerusform>
            <numerusform>Przekroczono jeszcze %n limitów: dla każdego zapisany zostanie wniosek z tym samym uzasadnieniem.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Zapisz &amp;szkic</translation>
    </message>
    <message>
        <source>Save and &amp;submit</source>
        <translation>Zapisz i &amp;wyślij</translation>
    </message>
</context>
<context>
    <name>ExceptionsTab</name>
    <message>
        <source>sales director</source>
        <translation>dyrektor sprzedaży</translation>
    </message>
    <message>
        <source>sales director, then finance</source>
        <translation>dyrektor sprzedaży, potem finanse</translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation>Ścieżka: %1</translation>
    </message>
    <message>
        <source>Now waiting for: %1</source>
        <translation>Teraz czeka na: %1</translation>
    </message>
    <message>
        <source>Select a request to see its justification and approval steps.</source>
        <translation>Wybierz wniosek, aby zobaczyć uzasadnienie i kroki zatwierdzania.</translation>
    </message>
    <message>
        <source>Justification: %1</source>
        <translation>Uzasadnienie: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Zapisano: %1</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>Wysłano do zatwierdzenia.</translation>
    </message>
    <message>
        <source>Withdrawn.</source>
        <translation>Wycofano.</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>Najpierw wybierz wniosek.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Odmowa: %1</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Nowy wniosek…</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>&amp;Wyślij</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Wy&amp;cofaj</translation>
    </message>
</context>
<context>
    <name>Finance</name>
    <message>
        <source>Refused: %1</source>
        <translation>Odmowa: %1</translation>
    </message>
    <message>
        <source>late sale</source>
        <translation>spóźniona sprzedaż</translation>
    </message>
    <message>
        <source>late return</source>
        <translation>spóźniony zwrot</translation>
    </message>
    <message>
        <source>rebate note</source>
        <translation>nota uznaniowa</translation>
    </message>
    <message>
        <source>next-invoice discount</source>
        <translation>rabat na następnej fakturze</translation>
    </message>
    <message>
        <source>MDF budget</source>
        <translation>budżet MDF</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>zaksięgowana</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>wypłacony</translation>
    </message>
    <message>
        <source>rebate</source>
        <translation>rabat posprzedażowy</translation>
    </message>
    <message>
        <source>volume discount</source>
        <translation>rabat wolumenowy</translation>
    </message>
    <message>
        <source>MDF</source>
        <translation>MDF</translation>
    </message>
    <message>
        <source>service budget</source>
        <translation>budżet serwisowy</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartał</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Cashback change</source>
        <translation>Zmiana cashbacku</translation>
    </message>
    <message>
        <source>Points change</source>
        <translation>Zmiana punktów</translation>
    </message>
    <message>
        <source>Already spent</source>
        <translation>Już wykorzystane</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>Zaksięgowano</translation>
    </message>
    <message>
        <source>Owed back</source>
        <translation>Do zwrotu</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Pobrano</translation>
    </message>
    <message>
        <source>Carried forward</source>
        <translation>Przeniesiono</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>Data klasyfikacji</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Sposób</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Wystawiono</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Zaproponował</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Zatwierdził</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Proofs</source>
        <translation>Dowody</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Działanie</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Otwarcie</translation>
    </message>
    <message>
        <source>Accrued</source>
        <translation>Naliczono</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Wykorzystano</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Wypłacono</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Wygasło</translation>
    </message>
    <message>
        <source>Clawed back</source>
        <translation>Odzyskano</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Korekty</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Zamknięcie</translation>
    </message>
    <message>
        <source>Estimated liability</source>
        <translation>Szacowane zobowiązanie</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Marża brutto</translation>
    </message>
    <message>
        <source>Reward cost</source>
        <translation>Koszt nagród</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budżet</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Ostrzeżenia</translation>
    </message>
</context>
<context>
    <name>FinanceClose</name>
    <message>
        <source>Closing %1…</source>
        <translation>Zamykanie %1…</translation>
    </message>
    <message>
        <source>%1 closed.</source>
        <translation>%1 zamknięty.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Odmowa: %1</translation>
    </message>
    <message>
        <source>%1 is locked: later corrections are booked in the open period.</source>
        <translation>%1 jest zablokowany: późniejsze korekty księguje się w otwartym okresie.</translation>
    </message>
    <message>
        <source>Close a finished quarter: cashback and points for every account, then expiries; late sales and returns of closed quarters are settled too.</source>
        <translation>Zamknij zakończony kwartał: cashback i punkty dla każdego klienta, potem wygaśnięcia; rozliczane są też spóźnione sprzedaże i zwroty zamkniętych kwartałów.</translation>
    </message>
    <message>
        <source>%1: %2 entries for %3 accounts; cashback %4; points %5; %6 expiries.</source>
        <translation>%1: zapisy: %2 dla klientów: %3; cashback %4; punkty %5; wygaśnięcia: %6.</translation>
    </message>
    <message>
        <source>Not graded, skipped: %1</source>
        <translation>Bez poziomu, pominięto: %1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: the grade of %n account(s) was evaluated before the quarter ended; grade the portfolio as of its end.</source>
        <translation>
            <numerusform>Uwaga: poziom %n klienta wyznaczono przed końcem kwartału; sklasyfikuj portfel na jego koniec.</numerusform>
            <numerusform>Uwaga: poziom %n klientów wyznaczono przed końcem kwartału; sklasyfikuj portfel na jego koniec.</numerusform>
            <numerusform>Uwaga: poziom %n klientów wyznaczono przed końcem kwartału; sklasyfikuj portfel na jego koniec.</numerusform>
        </translation>
    </message>
    <message>
        <source>The quarter is locked: what its close still owed was booked in the open period.</source>
        <translation>Kwartał jest zablokowany: to, co jego zamknięcie było jeszcze winne, zaksięgowano w otwartym okresie.</translation>
    </message>
    <message>
        <source>Locked quarters: %1</source>
        <translation>Zablokowane kwartały: %1</translation>
    </message>
    <message>
        <source>Quarter close</source>
        <translation>Zamknięcie kwartału</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>Kwartał:</translation>
    </message>
    <message>
        <source>&amp;Close the quarter</source>
        <translation>&amp;Zamknij kwartał</translation>
    </message>
    <message>
        <source>&amp;Lock the quarter</source>
        <translation>Za&amp;blokuj kwartał</translation>
    </message>
    <message>
        <source>Late sales and returns settled since the previous close</source>
        <translation>Spóźnione sprzedaże i zwroty rozliczone od poprzedniego zamknięcia</translation>
    </message>
    <message>
        <source>Clawbacks</source>
        <translation>Zwroty cashbacku</translation>
    </message>
    <message>
        <source>Grades older than the quarter&apos;s end</source>
        <translation>Poziomy starsze niż koniec kwartału</translation>
    </message>
</context>
<context>
    <name>FinanceLiability</name>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>Nie udało się odczytać danych: %1</translation>
    </message>
    <message>
        <source>Closing per currency: %1. Estimated liability: %2.</source>
        <translation>Saldo końcowe w walutach: %1. Szacowane zobowiązanie: %2.</translation>
    </message>
    <message>
        <source>In the base currency %1: %2%3.</source>
        <translation>W walucie bazowej %1: %2%3.</translation>
    </message>
    <message>
        <source>(covered by %1)</source>
        <translation>(pokrywa %1)</translation>
    </message>
    <message>
        <source>Export the accounting journal</source>
        <translation>Eksport dziennika księgowego</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Odmowa: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n journal line(s) written to %1; they reconcile with the roll-forward.</source>
        <translation>
            <numerusform>Zapisano %n wiersz dziennika do %1; uzgadnia się z zestawieniem zmian.</numerusform>
            <numerusform>Zapisano %n wiersze dziennika do %1; uzgadniają się z zestawieniem zmian.</numerusform>
            <numerusform>Zapisano %n wierszy dziennika do %1; uzgadniają się z zestawieniem zmian.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reward liability</source>
        <translation>Zobowiązania z tytułu nagród</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Od:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Do:</translation>
    </message>
    <message>
        <source>Points in money</source>
        <translation>Punkty w pieniądzu</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Pokaż</translation>
    </message>
    <message>
        <source>&amp;Export journal…</source>
        <translation>&amp;Eksportuj dziennik…</translation>
    </message>
    <message>
        <source>Reward cost against gross margin</source>
        <translation>Koszt nagród a marża brutto</translation>
    </message>
    <message>
        <source>Open the account to request an exception</source>
        <translation>Otwórz klienta, aby złożyć wniosek o wyjątek</translation>
    </message>
</context>
<context>
    <name>FinanceMenu</name>
    <message>
        <source>Fi&amp;nance</source>
        <translation>&amp;Finanse</translation>
    </message>
    <message>
        <source>Quarter &amp;close and lock…</source>
        <translation>&amp;Zamknięcie i blokada kwartału…</translation>
    </message>
    <message>
        <source>&amp;Settlement: payouts, adjustments, MDF</source>
        <translation>&amp;Rozliczenia: wypłaty, korekty, MDF</translation>
    </message>
    <message>
        <source>&amp;Liability, journal export and economics</source>
        <translation>&amp;Zobowiązania, eksport dziennika i ekonomika</translation>
    </message>
    <message>
        <source>Quarter close</source>
        <translation>Zamknięcie kwartału</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Rozliczenia</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Zobowiązania</translation>
    </message>
</context>
<context>
    <name>FinanceSettlement</name>
    <message>
        <source>Settlement</source>
        <translation>Rozliczenia</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Wypłaty</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Korekty</translation>
    </message>
    <message>
        <source>MDF claims</source>
        <translation>Wnioski MDF</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Invoice lines</source>
        <translation>Pozycje faktur</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potencjał</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakty</translation>
    </message>
    <message>
        <source>Opening balances</source>
        <translation>Salda otwarcia</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 z BOM</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250 (środkowoeuropejskie)</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (cyrylica)</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Średnik ;</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Przecinek ,</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Vertical bar |</source>
        <translation>Kreska pionowa |</translation>
    </message>
    <message>
        <source>Decimal comma 1,5</source>
        <translation>Przecinek dziesiętny 1,5</translation>
    </message>
    <message>
        <source>Decimal point 1.5</source>
        <translation>Kropka dziesiętna 1.5</translation>
    </message>
    <message>
        <source>Year first (2026-02-03)</source>
        <translation>Najpierw rok (2026-02-03)</translation>
    </message>
    <message>
        <source>Day first (03.02.2026)</source>
        <translation>Najpierw dzień (03.02.2026)</translation>
    </message>
    <message>
        <source>Month first (02/03/2026)</source>
        <translation>Najpierw miesiąc (02/03/2026)</translation>
    </message>
    <message>
        <source>accounts created</source>
        <translation>utworzeni klienci</translation>
    </message>
    <message>
        <source>accounts updated</source>
        <translation>zaktualizowani klienci</translation>
    </message>
    <message>
        <source>accounts unchanged</source>
        <translation>klienci bez zmian</translation>
    </message>
    <message>
        <source>contacts created</source>
        <translation>utworzone kontakty</translation>
    </message>
    <message>
        <source>contacts updated</source>
        <translation>zaktualizowane kontakty</translation>
    </message>
    <message>
        <source>contacts unchanged</source>
        <translation>kontakty bez zmian</translation>
    </message>
    <message>
        <source>potential slots created</source>
        <translation>utworzone pozycje potencjału</translation>
    </message>
    <message>
        <source>potential slots updated</source>
        <translation>zaktualizowane pozycje potencjału</translation>
    </message>
    <message>
        <source>potential slots unchanged</source>
        <translation>pozycje potencjału bez zmian</translation>
    </message>
    <message>
        <source>invoice lines added</source>
        <translation>dodane pozycje faktur</translation>
    </message>
    <message>
        <source>invoice lines already there</source>
        <translation>pozycje faktur już zapisane</translation>
    </message>
    <message>
        <source>opening balances booked</source>
        <translation>zaksięgowane salda otwarcia</translation>
    </message>
    <message>
        <source>opening balances already there</source>
        <translation>salda otwarcia już zapisane</translation>
    </message>
    <message>
        <source>categories created</source>
        <translation>utworzone kategorie</translation>
    </message>
    <message>
        <source>KAM users created</source>
        <translation>utworzeni użytkownicy KAM</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Czytanie i sprawdzanie pliku…</translation>
    </message>
    <message>
        <source>Writing to the data store…</source>
        <translation>Zapisywanie w bazie danych…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Nagłówek w pliku</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Wykryj</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Wykryto: %1</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Wybierz plik do importu</translation>
    </message>
    <message>
        <source>ERP/CRM exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Eksporty ERP/CRM (*.csv *.txt *.xlsx *.xlsm);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>The saved mapping profiles could not be read: %1</source>
        <translation>Nie udało się odczytać zapisanych profili mapowania: %1</translation>
    </message>
    <message>
        <source>Type a name for the mapping profile: nothing was saved.</source>
        <translation>Wpisz nazwę profilu mapowania: nic nie zapisano.</translation>
    </message>
    <message>
        <source>A mapping profile named “%1” already exists: nothing was saved.</source>
        <translation>Profil mapowania o nazwie „%1” już istnieje: nic nie zapisano.</translation>
    </message>
    <message>
        <source>The mapping profile could not be saved: %1</source>
        <translation>Nie udało się zapisać profilu mapowania: %1</translation>
    </message>
    <message>
        <source>Saved the mapping profile “%1”.</source>
        <translation>Zapisano profil mapowania „%1”.</translation>
    </message>
    <message>
        <source>Save as mapping profile</source>
        <translation>Zapisz jako profil mapowania</translation>
    </message>
    <message>
        <source>Name of the mapping profile (e.g. our ERP&apos;s monthly export):</source>
        <translation>Nazwa profilu mapowania (np. miesięczny eksport z naszego ERP):</translation>
    </message>
    <message>
        <source>A mapping profile named “%1” already exists. Replace it?</source>
        <translation>Profil mapowania o nazwie „%1” już istnieje. Zastąpić go?</translation>
    </message>
    <message>
        <source>The file could not be previewed: %1</source>
        <translation>Nie udało się wyświetlić podglądu pliku: %1</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Błędy (%1)</translation>
    </message>
    <message>
        <source>Ignored columns: %1</source>
        <translation>Pominięte kolumny: %1</translation>
    </message>
    <message>
        <source>No column is ignored.</source>
        <translation>Żadna kolumna nie jest pomijana.</translation>
    </message>
    <message>
        <source>%1 rows read.</source>
        <translation>Wczytano wierszy: %1.</translation>
    </message>
    <message>
        <source>%1 errors: fix the file (or the reading options) and preview again; nothing can be imported until there are none.</source>
        <translation>Błędy: %1. Popraw plik (lub opcje odczytu) i wyświetl podgląd ponownie; dopóki są błędy, nic nie zostanie zaimportowane.</translation>
    </message>
    <message>
        <source>No errors: ready to import.</source>
        <translation>Brak błędów: gotowe do importu.</translation>
    </message>
    <message>
        <source>The file has no data rows.</source>
        <translation>Plik nie zawiera wierszy z danymi.</translation>
    </message>
    <message>
        <source>New categories: %1.</source>
        <translation>Nowe kategorie: %1.</translation>
    </message>
    <message>
        <source>New owners (created as KAM users): %1.</source>
        <translation>Nowi opiekunowie (zostaną utworzeni jako użytkownicy KAM): %1.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 conflicts with the data store.</source>
        <translation>Nic nie zaimportowano: konflikty z bazą danych: %1.</translation>
    </message>
    <message>
        <source>Imported %1 rows from %2: %3.</source>
        <translation>Zaimportowano wierszy: %1 z pliku %2: %3.</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nic nowego</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import anulowany: nic nie zapisano.</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>Import nie powiódł się i nic nie zapisano: %1</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>Podgląd anulowany.</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Import pliku</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Pl&amp;ik:</translation>
    </message>
    <message>
        <source>Choose a CSV or XLSX export…</source>
        <translation>Wybierz eksport CSV lub XLSX…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>None: match headers by name</source>
        <translation>Brak: dopasuj nagłówki po nazwach</translation>
    </message>
    <message>
        <source>A saved mapping profile: reading options and the header of each column, for an export that comes in the same shape every time</source>
        <translation>Zapisany profil mapowania: opcje odczytu i nagłówek każdej kolumny, dla eksportu, który za każdym razem ma ten sam układ</translation>
    </message>
    <message>
        <source>&amp;Save as profile…</source>
        <translation>Zapisz &amp;jako profil…</translation>
    </message>
    <message>
        <source>Save these reading options and this column mapping as a mapping profile of the format</source>
        <translation>Zapisz te opcje odczytu i to przypisanie kolumn jako profil mapowania tego formatu</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodowanie:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Separator:</translation>
    </message>
    <message>
        <source>Decimal &amp;mark:</source>
        <translation>Znak &amp;dziesiętny:</translation>
    </message>
    <message>
        <source>Date &amp;order:</source>
        <translation>K&amp;olejność daty:</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Pierwsze wiersze</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Przypisanie kolumn</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importuj</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Zamknij</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>proposed</source>
        <translation>proponowany</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>czeka na zatwierdzenie</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <source>used</source>
        <translation>wykorzystany</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>wygasły</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>szkic</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>wysłany</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>zatwierdzony</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>odrzucony</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>wycofany</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>rabat</translation>
    </message>
    <message>
        <source>payment terms</source>
        <translation>termin płatności</translation>
    </message>
    <message>
        <source>benefit budget</source>
        <translation>budżet benefitów</translation>
    </message>
    <message>
        <source>gift value</source>
        <translation>wartość upominku</translation>
    </message>
    <message>
        <source>other</source>
        <translation>inne</translation>
    </message>
    <message>
        <source>key account manager</source>
        <translation>opiekun klienta kluczowego</translation>
    </message>
    <message>
        <source>sales director</source>
        <translation>dyrektor sprzedaży</translation>
    </message>
    <message>
        <source>finance</source>
        <translation>finanse</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>purchasing</source>
        <translation>zakupy</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>operacje</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>technika</translation>
    </message>
    <message>
        <source>management</source>
        <translation>zarząd</translation>
    </message>
    <message>
        <source>accrual</source>
        <translation>naliczenie</translation>
    </message>
    <message>
        <source>redemption</source>
        <translation>wykorzystanie</translation>
    </message>
    <message>
        <source>expiry</source>
        <translation>wygaśnięcie</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>storno</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>korekta</translation>
    </message>
    <message>
        <source>points</source>
        <translation>punkty</translation>
    </message>
    <message>
        <source>cashback</source>
        <translation>cashback</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>ankieta</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>wywiad</translation>
    </message>
    <message>
        <source>client&apos;s sales books</source>
        <translation>księgi sprzedaży klienta</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>szacunek</translation>
    </message>
    <message>
        <source>high units, high money: growth offers</source>
        <translation>dużo jednostek, duża wartość: oferty wzrostu</translation>
    </message>
    <message>
        <source>high units, low money: volume offers</source>
        <translation>dużo jednostek, mała wartość: oferty wolumenowe</translation>
    </message>
    <message>
        <source>low units, high money: premium offers</source>
        <translation>mało jednostek, duża wartość: oferty premium</translation>
    </message>
    <message>
        <source>low units, low money: add-ons</source>
        <translation>mało jednostek, mała wartość: dodatki</translation>
    </message>
    <message>
        <source>baseline margin</source>
        <translation>marża bazowa</translation>
    </message>
    <message>
        <source>incremental margin</source>
        <translation>marża przyrostowa</translation>
    </message>
    <message>
        <source>reward cost</source>
        <translation>koszt nagród</translation>
    </message>
    <message>
        <source>operating cost</source>
        <translation>koszt obsługi</translation>
    </message>
    <message>
        <source>net result</source>
        <translation>wynik netto</translation>
    </message>
    <message>
        <source>increment against the control group (accounts not enrolled)</source>
        <translation>przyrost względem grupy kontrolnej (klienci spoza programu)</translation>
    </message>
    <message>
        <source>increment against the accounts&apos; own prior-year trend</source>
        <translation>przyrost względem własnego trendu klientów z poprzedniego roku</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dni</translation>
    </message>
    <message>
        <source>money</source>
        <translation>kwota</translation>
    </message>
    <message>
        <source>units</source>
        <translation>jednostki</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Balance: %1 cashback · %2 points</source>
        <translation>Saldo: %1 cashback · %2 punktów</translation>
    </message>
    <message>
        <source>%1 %2 expire on %3</source>
        <translation>%1 %2 wygasa %3</translation>
    </message>
    <message>
        <source>Expiry schedule: %1</source>
        <translation>Harmonogram wygasania: %1</translation>
    </message>
    <message>
        <source>Nothing is due to expire.</source>
        <translation>Nic nie wygasa.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Wczytywanie portfela…</translation>
    </message>
    <message>
        <source>The share of wallet and slot values could not be read: %1</source>
        <translation>Nie udało się odczytać udziału w portfelu i wartości slotów: %1</translation>
    </message>
    <message>
        <source>The portfolio could not be loaded: %1</source>
        <translation>Nie udało się wczytać portfela: %1</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfel klientów</translation>
    </message>
    <message>
        <source>Check that the data store is reachable, then press F5 to try again.</source>
        <translation>Sprawdź, czy baza danych jest dostępna, i naciśnij F5, aby spróbować ponownie.</translation>
    </message>
    <message>
        <source>Accounts: %1 / %2</source>
        <translation>Klienci: %1 / %2</translation>
    </message>
    <message>
        <source>Open an account first: its agreement, annexes and statements print from its Documents tab.</source>
        <translation>Najpierw otwórz klienta: umowę, aneksy i zestawienia drukuje się z jego karty Dokumenty.</translation>
    </message>
    <message>
        <source>No team server is configured: KAM Desktop works on this computer&apos;s data only. Team mode comes in a later version.</source>
        <translation>Nie skonfigurowano serwera zespołu: KAM Desktop pracuje tylko na danych tego komputera. Tryb zespołowy pojawi się w kolejnej wersji.</translation>
    </message>
    <message>
        <source>Acting as: %1</source>
        <translation>Działasz jako: %1</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dane demonstracyjne</translation>
    </message>
    <message>
        <source>This data store already has accounts. The demo company can only be loaded into an empty store: start KAM Desktop with --db and a new file to try it.</source>
        <translation>Ta baza danych zawiera już klientów. Firmę demonstracyjną można wczytać tylko do pustej bazy: uruchom KAM Desktop z opcją --db i nowym plikiem, aby ją wypróbować.</translation>
    </message>
    <message>
        <source>This data store has no accounts yet.

Load the demo company (KAMs, 200+ accounts, three years of sales, benefits and exception requests) to explore KAM Desktop?</source>
        <translation>Ta baza danych nie zawiera jeszcze klientów.

Wczytać firmę demonstracyjną (opiekunowie KAM, ponad 200 klientów, trzy lata sprzedaży, benefity i wnioski o wyjątki), aby poznać KAM Desktop?</translation>
    </message>
    <message>
        <source>Loading the demo company…</source>
        <translation>Wczytywanie firmy demonstracyjnej…</translation>
    </message>
    <message>
        <source>The demo company could not be loaded: %1

Nothing was changed in the data store.</source>
        <translation>Nie udało się wczytać firmy demonstracyjnej: %1

Baza danych nie została zmieniona.</translation>
    </message>
    <message>
        <source>About KAM Desktop</source>
        <translation>O programie KAM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;KAM Desktop&lt;/b&gt; %1&lt;br&gt;The back office of a key account manager running a B2B loyalty program.</source>
        <translation>&lt;b&gt;KAM Desktop&lt;/b&gt; %1&lt;br&gt;Zaplecze opiekuna klienta kluczowego prowadzącego program lojalnościowy B2B.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serwer: %1</translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation>Plik lokalny: %1</translation>
    </message>
    <message>
        <source>Offline · no team server</source>
        <translation>Offline · brak serwera zespołu</translation>
    </message>
    <message>
        <source>Offline · never synced</source>
        <translation>Offline · nigdy nie synchronizowano</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Ostatnia synchronizacja: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n zmiana czeka</numerusform>
            <numerusform>%n zmiany czekają</numerusform>
            <numerusform>%n zmian czeka</numerusform>
        </translation>
    </message>
    <message>
        <source>KAM Desktop — Portfolio</source>
        <translation>KAM Desktop — portfel klientów</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Kolumny</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <source>&amp;Refresh portfolio</source>
        <translation>&amp;Odśwież portfel</translation>
    </message>
    <message>
        <source>&amp;Find account…</source>
        <translation>&amp;Znajdź klienta…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <source>Load &amp;demo data…</source>
        <translation>Wczytaj &amp;dane demonstracyjne…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importuj…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Otwórz folder &amp;danych</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Otwórz folder &amp;logów</translation>
    </message>
    <message>
        <source>Reset column &amp;layout</source>
        <translation>Przywróć &amp;układ kolumn</translation>
    </message>
    <message>
        <source>&amp;About KAM Desktop</source>
        <translation>&amp;O programie KAM Desktop</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Przejdź</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Klient</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Narzędzia</translation>
    </message>
    <message>
        <source>Act &amp;as</source>
        <translation>Działaj &amp;jako</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>&amp;Otwórz klienta</translation>
    </message>
    <message>
        <source>&amp;New exception request…</source>
        <translation>&amp;Nowy wniosek o wyjątek…</translation>
    </message>
    <message>
        <source>&amp;Print documents…</source>
        <translation>&amp;Drukuj dokumenty…</translation>
    </message>
    <message>
        <source>S&amp;ync with the team server</source>
        <translation>S&amp;ynchronizuj z serwerem zespołu</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Zamknij kartę</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>&amp;Portfel klientów</translation>
    </message>
    <message>
        <source>&amp;Approvals inbox</source>
        <translation>&amp;Skrzynka zatwierdzeń</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>P&amp;ulpit</translation>
    </message>
    <message>
        <source>&amp;What-if simulator…</source>
        <translation>&amp;Symulator „co jeśli”…</translation>
    </message>
    <message>
        <source>&amp;Grade the portfolio now</source>
        <translation>&amp;Oceń portfel teraz</translation>
    </message>
    <message>
        <source>&amp;Close a quarter…</source>
        <translation>Zamknij &amp;kwartał…</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>not graded yet</source>
        <translation>jeszcze bez poziomu</translation>
    </message>
    <message>
        <source>at risk: held once by the downgrade grace</source>
        <translation>zagrożony: utrzymany raz dzięki okresowi ochronnemu</translation>
    </message>
    <message>
        <source>gross margin</source>
        <translation>marża brutto</translation>
    </message>
    <message>
        <source>net revenue</source>
        <translation>przychód netto</translation>
    </message>
    <message>
        <source>%1 (%2, 12 months)</source>
        <translation>%1 (%2, 12 miesięcy)</translation>
    </message>
    <message>
        <source>%1 of %2 (top %3)</source>
        <translation>%1 z %2 (górne %3)</translation>
    </message>
    <message>
        <source>top %1 for %2</source>
        <translation>górne %1 dla %2</translation>
    </message>
    <message>
        <source>no potential gathered</source>
        <translation>nie zebrano potencjału</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>slot %1</translation>
    </message>
    <message>
        <source>Grade the portfolio to see the progress to the next grade.</source>
        <translation>Oceń portfel, aby zobaczyć postęp do następnego poziomu.</translation>
    </message>
    <message>
        <source>The best grade: nothing above it.</source>
        <translation>Najwyższy poziom: nic ponad nim.</translation>
    </message>
    <message>
        <source>Too few accounts for %1.</source>
        <translation>Za mało klientów dla %1.</translation>
    </message>
    <message>
        <source>To %1: %2 more (needs about %3)</source>
        <translation>Do %1: brakuje %2 (potrzeba ok. %3)</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Brak kontaktów.</translation>
    </message>
    <message>
        <source>LTV trend (thousands of %1)</source>
        <translation>Trend LTV (tys. %1)</translation>
    </message>
    <message>
        <source>Net revenue per month</source>
        <translation>Przychód netto w miesiącu</translation>
    </message>
    <message>
        <source>LTV, trailing 12 months</source>
        <translation>LTV, ostatnie 12 miesięcy</translation>
    </message>
    <message>
        <source>Grade and why</source>
        <translation>Poziom i uzasadnienie</translation>
    </message>
    <message>
        <source>Key contacts by role</source>
        <translation>Kluczowe kontakty wg roli</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Poziom:</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>Podstawa:</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>Pozycja:</translation>
    </message>
    <message>
        <source>Cut-off:</source>
        <translation>Próg:</translation>
    </message>
    <message>
        <source>Previous grade:</source>
        <translation>Poprzedni poziom:</translation>
    </message>
    <message>
        <source>Graded on:</source>
        <translation>Ocena z dnia:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Potential:</source>
        <translation>Potencjał:</translation>
    </message>
</context>
<context>
    <name>PayoutsPane</name>
    <message>
        <source>%1 booked: %2 to %3 (%4).</source>
        <translation>Zaksięgowano %1: %2 dla %3 (%4).</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Klient:</translation>
    </message>
    <message>
        <source>Amount (account&apos;s currency):</source>
        <translation>Kwota (w walucie klienta):</translation>
    </message>
    <message>
        <source>Benefit:</source>
        <translation>Benefit:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Okres:</translation>
    </message>
    <message>
        <source>&amp;Pay out</source>
        <translation>&amp;Wypłać</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nieaktywny</translation>
    </message>
    <message>
        <source>A · Strategic</source>
        <translation>A · Strategiczny</translation>
    </message>
    <message>
        <source>B · Development</source>
        <translation>B · Rozwojowy</translation>
    </message>
    <message>
        <source>C · Volume</source>
        <translation>C · Wolumenowy</translation>
    </message>
    <message>
        <source>P · Partner</source>
        <translation>P · Partner</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Account code from the ERP</source>
        <translation>Kod kontrahenta z systemu ERP</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Client company</source>
        <translation>Firma klienta</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Customer or channel partner</source>
        <translation>Klient lub partner handlowy</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <source>Grade in force (L1 is the best)</source>
        <translation>Obowiązujący poziom (L1 – najwyższy)</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Strategic segment</source>
        <translation>Segment strategiczny</translation>
    </message>
    <message>
        <source>LTV 12 m</source>
        <translation>LTV 12 mies.</translation>
    </message>
    <message>
        <source>Net revenue over the last 12 months</source>
        <translation>Przychód netto z ostatnich 12 miesięcy</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>LTV change against the 12 months before</source>
        <translation>Zmiana LTV względem poprzednich 12 miesięcy</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>Udział w portfelu</translation>
    </message>
    <message>
        <source>Our sales over the client&apos;s total spend in the surveyed categories</source>
        <translation>Nasza sprzedaż wobec całkowitych wydatków klienta w zbadanych kategoriach</translation>
    </message>
    <message>
        <source>Slot value</source>
        <translation>Wartość slotów</translation>
    </message>
    <message>
        <source>Potential left to win: the client&apos;s spend beyond our sales, summed over categories</source>
        <translation>Potencjał do zdobycia: wydatki klienta ponad naszą sprzedaż, zsumowane po kategoriach</translation>
    </message>
    <message>
        <source>Open benefits</source>
        <translation>Otwarte benefity</translation>
    </message>
    <message>
        <source>Benefits proposed, waiting for approval or active</source>
        <translation>Benefity zaproponowane, czekające na zatwierdzenie lub aktywne</translation>
    </message>
    <message>
        <source>Pending exceptions</source>
        <translation>Oczekujące wyjątki</translation>
    </message>
    <message>
        <source>Policy exception requests in draft or submitted</source>
        <translation>Wnioski o wyjątek od polityki w wersji roboczej lub złożone</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Zagrożony</translation>
    </message>
    <message>
        <source>Would drop a grade after the grace period</source>
        <translation>Spadnie o poziom po okresie karencji</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Odejście</translation>
    </message>
    <message>
        <source>No invoice for the program&apos;s churn period</source>
        <translation>Brak faktury przez okres odejścia określony w programie</translation>
    </message>
    <message>
        <source>Last statement</source>
        <translation>Ostatnie zestawienie</translation>
    </message>
    <message>
        <source>Quarter of the latest issued quarterly statement</source>
        <translation>Kwartał ostatniego wystawionego zestawienia kwartalnego</translation>
    </message>
    <message>
        <source>KAM</source>
        <translation>KAM</translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation>Opiekun klienta kluczowego</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Sales region</source>
        <translation>Region sprzedaży</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Account status</source>
        <translation>Status klienta</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>Data oceny</translation>
    </message>
    <message>
        <source>Date of the grade evaluation in force</source>
        <translation>Data obowiązującej oceny poziomu</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Odszedł</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nowy</translation>
    </message>
    <message>
        <source>%1 (the 12 months before: %2)</source>
        <translation>%1 (poprzednie 12 miesięcy: %2)</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>Klienci: %n</numerusform>
            <numerusform>Klienci: %n</numerusform>
            <numerusform>Klienci: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 accounts</source>
        <translation>%1 z %2 klientów</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Przywróć kolumny</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfel klientów</translation>
    </message>
    <message>
        <source>Filter by code, name, KAM or region  (Ctrl+F)</source>
        <translation>Filtruj po kodzie, nazwie, KAM lub regionie  (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>PotentialTab</name>
    <message>
        <source>No potential gathered yet for this account.</source>
        <translation>Dla tego klienta nie zebrano jeszcze potencjału.</translation>
    </message>
    <message>
        <source>Slot %1 of %2 total spend · share of wallet %3 · %4</source>
        <translation>Slot %1 z %2 łącznych wydatków · udział w portfelu %3 · %4</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number. Write it like %3.</source>
        <translation>%1: „%2” nie jest liczbą. Wpisz ją np. tak: %3.</translation>
    </message>
    <message>
        <source>Client&apos;s total</source>
        <translation>Łącznie u klienta</translation>
    </message>
    <message>
        <source>Units total</source>
        <translation>Jednostki łącznie</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
    <message>
        <source>Saved. Share of wallet is recalculated.</source>
        <translation>Zapisano. Udział w portfelu przeliczono.</translation>
    </message>
    <message>
        <source>Correct the gathered total</source>
        <translation>Popraw zebrane dane</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <source>Client&apos;s total spend:</source>
        <translation>Łączne wydatki klienta:</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Jednostki:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Źródło:</translation>
    </message>
    <message>
        <source>Gathered on:</source>
        <translation>Data zebrania:</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Pewność:</translation>
    </message>
    <message>
        <source>&amp;Save slot</source>
        <translation>&amp;Zapisz slot</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Portfolio</source>
        <translation>Portfel klientów</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Zatwierdzenia</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Grading the portfolio…</source>
        <translation>Ocenianie portfela…</translation>
    </message>
    <message>
        <source>Graded %1 accounts as of %2.</source>
        <translation>Oceniono %1 klientów na dzień %2.</translation>
    </message>
    <message>
        <source>Close a quarter</source>
        <translation>Zamknij kwartał</translation>
    </message>
    <message>
        <source>Quarter (e.g. %1):</source>
        <translation>Kwartał (np. %1):</translation>
    </message>
    <message>
        <source>Closing %1…</source>
        <translation>Zamykanie %1…</translation>
    </message>
    <message>
        <source>%1 closed: %2 entries booked for %3 accounts, %4 expiries.</source>
        <translation>%1 zamknięty: %2 pozycji dla %3 klientów, %4 wygaśnięć.</translation>
    </message>
    <message>
        <source>Another job is still running.</source>
        <translation>Inne zadanie jeszcze trwa.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Niepowodzenie: %1</translation>
    </message>
    <message>
        <source>Cancelling: the job stops before it writes anything.</source>
        <translation>Anulowanie: zadanie zatrzyma się, zanim cokolwiek zapisze.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The company identity was not saved: %1</source>
        <translation>Dane firmy nie zostały zapisane: %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Ogólne</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Język:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dane</translation>
    </message>
    <message>
        <source>Team server:</source>
        <translation>Serwer zespołu:</translation>
    </message>
    <message>
        <source>Data store:</source>
        <translation>Baza danych:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Folder danych:</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Folder logów:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Kopie zapasowe</translation>
    </message>
    <message>
        <source>A verified backup of the local data file is taken before every database upgrade and kept until the next good start. Use “kamctl backup FILE” for a backup at any time.</source>
        <translation>Przed każdą aktualizacją bazy danych tworzona jest zweryfikowana kopia lokalnego pliku danych, przechowywana do następnego udanego uruchomienia. Kopię w dowolnej chwili wykonasz poleceniem „kamctl backup PLIK”.</translation>
    </message>
</context>
<context>
    <name>SimulatorDialog</name>
    <message>
        <source>Now</source>
        <translation>Teraz</translation>
    </message>
    <message>
        <source>Would be</source>
        <translation>Byłoby</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>What-if: grades and cashback</source>
        <translation>Co jeśli: poziomy i cashback</translation>
    </message>
    <message>
        <source>Terms to try</source>
        <translation>Warunki do sprawdzenia</translation>
    </message>
    <message>
        <source>Cut-off (top % of accounts):</source>
        <translation>Próg (górny % klientów):</translation>
    </message>
    <message>
        <source>Cashback on revenue:</source>
        <translation>Cashback od przychodu:</translation>
    </message>
    <message>
        <source>Cannot simulate: %1</source>
        <translation>Nie można zasymulować: %1</translation>
    </message>
    <message>
        <source>The simulation failed: %1</source>
        <translation>Symulacja nie powiodła się: %1</translation>
    </message>
    <message>
        <source>%1 accounts move up, %2 move down, %3 stay.</source>
        <translation>%1 klientów awansuje, %2 spada, %3 bez zmian.</translation>
    </message>
    <message>
        <source>Cashback cost %1 (%2 of gross margin) → %3 (%4) on a margin of %5.</source>
        <translation>Koszt cashbacku %1 (%2 marży brutto) → %3 (%4) przy marży %5.</translation>
    </message>
    <message>
        <source>Accounts per grade</source>
        <translation>Klienci wg poziomu</translation>
    </message>
    <message>
        <source>now</source>
        <translation>teraz</translation>
    </message>
    <message>
        <source>with these terms</source>
        <translation>przy tych warunkach</translation>
    </message>
</context>
</TS>
