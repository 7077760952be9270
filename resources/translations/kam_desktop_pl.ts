<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About KAM Desktop</source>
        <translation>O programie KAM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;KAM Desktop&lt;/b&gt; {version}&lt;br&gt;The back office of a key account manager running a B2B loyalty program.</source>
        <translation>&lt;b&gt;KAM Desktop&lt;/b&gt; {version}&lt;br&gt;Zaplecze opiekuna klienta kluczowego prowadzącego program lojalnościowy B2B.</translation>
    </message>
    <message>
        <source>It is built on these libraries, each under its own licence:</source>
        <translation>Program korzysta z tych bibliotek, każdej na jej własnej licencji:</translation>
    </message>
    <message>
        <source>Bitstream Vera / DejaVu licence (free)</source>
        <translation>licencja Bitstream Vera / DejaVu (wolna)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencja</translation>
    </message>
</context>
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
        <source>the account&apos;s language</source>
        <translation>język klienta</translation>
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
        <source>Decided on</source>
        <translation>Data decyzji</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Odpowiedź</translation>
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
        <source>The account could not be read: {reason}</source>
        <translation>Nie udało się odczytać klienta: {reason}</translation>
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
        <source>KAM Desktop cannot use its data folder {folder}: {reason}

Check that the drive is there, has free space and is not write-protected (a USB stick in portable mode).</source>
        <translation>KAM Desktop nie może użyć folderu danych {folder}: {reason}

Sprawdź, czy dysk jest podłączony, ma wolne miejsce i nie jest zabezpieczony przed zapisem (pendrive w wersji przenośnej).</translation>
    </message>
    <message>
        <source>KAM Desktop: data folder</source>
        <translation>KAM Desktop: folder danych</translation>
    </message>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: baza danych</translation>
    </message>
    <message>
        <source>The key opens the data store. This computer has no password store to keep it in: you will be asked for it at every start (or set KAM_STORE_KEY).</source>
        <translation>Klucz otwiera bazę danych. Ten komputer nie ma magazynu haseł, w którym można go przechować: będzie potrzebny przy każdym uruchomieniu (albo ustaw KAM_STORE_KEY).</translation>
    </message>
    <message>
        <source>The file was moved aside to {path}; nothing was deleted. KAM Desktop starts with an empty store now: on a team laptop, connect to the team server (File › Connect to team server…) and your data comes back.</source>
        <translation>Plik przeniesiono do {path}; niczego nie usunięto. KAM Desktop uruchamia się teraz z pustą bazą danych: na laptopie zespołu połącz się z serwerem zespołu (Plik › Połącz z serwerem zespołu…), a Twoje dane wrócą.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Przywróć kopię zapasową</translation>
    </message>
</context>
<context>
    <name>ApprovalsInbox</name>
    <message>
        <source>≈ {amount} in the base currency</source>
        <translation>≈ {amount} w walucie bazowej</translation>
    </message>
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
        <source>Waiting</source>
        <translation>Czeka</translation>
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
        <source>The inbox could not be read: {reason}</source>
        <translation>Nie udało się odczytać skrzynki: {reason}</translation>
    </message>
    <message>
        <source>Select a request to decide it (Ctrl+click or Shift+click selects several, to decide them with one note).</source>
        <translation>Zaznacz wniosek, aby o nim zdecydować (Ctrl+klik lub Shift+klik zaznacza kilka — jedna notatka dla wszystkich).</translation>
    </message>
    <message>
        <source>{number} · {account} · {kind} · {requested}</source>
        <translation>{number} · {account} · {kind} · {requested}</translation>
    </message>
    <message>
        <source>{number} · {account} ({code})</source>
        <translation>{number} · {account} ({code})</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>Uzasadnienie: {text}</translation>
    </message>
    <message>
        <source>Approve {numbers}? The requester sees your note.</source>
        <translation>Zatwierdzić {numbers}? Wnioskujący zobaczy Twoją notatkę.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Zatwierdź</translation>
    </message>
    <message>
        <source>Note (optional): under which condition</source>
        <translation>Notatka (opcjonalnie): pod jakim warunkiem</translation>
    </message>
    <message>
        <source>{numbers} approved.</source>
        <translation>Zatwierdzono: {numbers}.</translation>
    </message>
    <message>
        <source>{numbers} rejected.</source>
        <translation>Odrzucono: {numbers}.</translation>
    </message>
    <message>
        <source>{number} approved at your step; it now waits for {role}.</source>
        <translation>{number} zatwierdzony na Twoim etapie; teraz czeka na decyzję: {role}.</translation>
    </message>
    <message>
        <source>{number} not decided: {reason}</source>
        <translation>{number} bez decyzji: {reason}</translation>
    </message>
    <message>
        <source>Deciding as {login} ({role})</source>
        <translation>Decydujesz jako {login} ({role})</translation>
    </message>
    <message>
        <source>only the sales director and finance decide exceptions</source>
        <translation>o wyjątkach decydują tylko dyrektor sprzedaży i finanse</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>&amp;Otwórz klienta</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Zatwierdź…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Odrzuć…</translation>
    </message>
    <message>
        <source>Nothing waits for your decision. Requests the KAMs submit for your role appear here (F5 reads again).</source>
        <translation>Nic nie czeka na Twoją decyzję. Wnioski, które KAM-owie złożą dla Twojej roli, pojawią się tutaj (F5 odświeża).</translation>
    </message>
    <message>
        <source>Nothing waits for your decision.</source>
        <translation>Nic nie czeka na Twoją decyzję.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Zatwierdzenia</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zatwierdź</translation>
    </message>
    <message>
        <source>Reject {numbers}? The requester sees the reason in the account&apos;s Exceptions tab.</source>
        <translation>Odrzucić {numbers}? Wnioskujący zobaczy powód w karcie Wyjątki klienta.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <source>Why is it rejected? (required)</source>
        <translation>Dlaczego odrzucasz? (wymagane)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Odrzuć</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>Add a benefit</source>
        <translation>Dodaj benefit</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Jednostka:</translation>
    </message>
    <message>
        <source>Write the value and the cost as numbers.</source>
        <translation>Wpisz wartość i koszt jako liczby.</translation>
    </message>
    <message>
        <source>{kind} exceeds the policy: {requested} asked, the cap is {cap}</source>
        <translation>{kind} przekracza politykę: wnioskowano {requested}, limit to {cap}</translation>
    </message>
    <message>
        <source>Within the commercial policy for {grade}.</source>
        <translation>W granicach polityki handlowej dla {grade}.</translation>
    </message>
    <message>
        <source>Save and prepare the &amp;exception request…</source>
        <translation>Zapisz i przygotuj &amp;wniosek o wyjątek…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
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
        <source>Not saved: {reason}</source>
        <translation>Nie zapisano: {reason}</translation>
    </message>
    <message>
        <source>Edit a benefit</source>
        <translation>Edycja benefitu</translation>
    </message>
    <message>
        <source>&amp;Benefit:</source>
        <translation>&amp;Benefit:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wartość:</translation>
    </message>
    <message>
        <source>&amp;Cost over a year:</source>
        <translation>&amp;Koszt w skali roku:</translation>
    </message>
    <message>
        <source>Valid &amp;from – to:</source>
        <translation>Ważny &amp;od – do:</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>bez daty końca</translation>
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
        <source>Added within the policy.</source>
        <translation>Dodano w granicach polityki.</translation>
    </message>
    <message>
        <source>Select a benefit first.</source>
        <translation>Najpierw wybierz benefit.</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Aktywny.</translation>
    </message>
    <message>
        <source>Cost vs budget: {committed} committed of {budget} ({share} of the 12-month gross margin {margin} for {grade}) · {use} used</source>
        <translation>Koszt a budżet: zaangażowano {committed} z {budget} ({share} marży brutto z 12 m-cy {margin} dla {grade}) · wykorzystano {use}</translation>
    </message>
    <message>
        <source>Active: the client may use it (Record usage…).</source>
        <translation>Aktywny: klient może z niego korzystać (Zarejestruj wykorzystanie…).</translation>
    </message>
    <message>
        <source>Within the commercial policy: it becomes active when the client signs the annex that lists it, or now with Activate.</source>
        <translation>W granicach polityki handlowej: stanie się aktywny, gdy klient podpisze aneks, który go zawiera, albo od razu przez Aktywuj.</translation>
    </message>
    <message>
        <source>Every cap it exceeds is covered by an approved exception: Activate makes it active.</source>
        <translation>Każdy przekroczony limit pokrywa zatwierdzony wyjątek: Aktywuj uczyni go aktywnym.</translation>
    </message>
    <message>
        <source>Not active yet:</source>
        <translation>Jeszcze nieaktywny:</translation>
    </message>
    <message>
        <source>it is {status}: only a proposed or pending benefit becomes active</source>
        <translation>ma status „{status}”: aktywny może stać się tylko benefit proponowany lub oczekujący</translation>
    </message>
    <message>
        <source>its exception {number} is {status}</source>
        <translation>jego wyjątek {number} ma status „{status}”</translation>
    </message>
    <message>
        <source>: “{note}”</source>
        <translation>: „{note}”</translation>
    </message>
    <message>
        <source>{kind}: {requested} is beyond the cap {cap}</source>
        <translation>{kind}: {requested} przekracza limit {cap}</translation>
    </message>
    <message>
        <source>no exception requested yet: ask for one in the Exceptions tab</source>
        <translation>nie złożono jeszcze wniosku o wyjątek: złóż go w karcie Wyjątki</translation>
    </message>
    <message>
        <source>{number} was rejected</source>
        <translation>{number} został odrzucony</translation>
    </message>
    <message>
        <source>{number} waits for {role}</source>
        <translation>{number} czeka na decyzję: {role}</translation>
    </message>
    <message>
        <source>{number} allows only {allows}</source>
        <translation>{number} pozwala tylko na {allows}</translation>
    </message>
    <message>
        <source>{number} is {status}</source>
        <translation>{number} ma status „{status}”</translation>
    </message>
    <message>
        <source>Select a proposed or pending benefit to edit it.</source>
        <translation>Zaznacz proponowany lub oczekujący benefit, aby go edytować.</translation>
    </message>
    <message>
        <source>Saved; it waits for an approved exception. Prepare the request below.</source>
        <translation>Zapisano; czeka na zatwierdzony wyjątek. Przygotuj wniosek poniżej.</translation>
    </message>
    <message>
        <source>Saved within the policy.</source>
        <translation>Zapisano w granicach polityki.</translation>
    </message>
    <message>
        <source>Select an active benefit to record what the client used.</source>
        <translation>Zaznacz aktywny benefit, aby zapisać, ile klient wykorzystał.</translation>
    </message>
    <message>
        <source>Recorded: {used} used so far ({status}).</source>
        <translation>Zapisano: dotąd wykorzystano {used} ({status}).</translation>
    </message>
    <message>
        <source>Select a proposed, pending or active benefit to cancel it.</source>
        <translation>Zaznacz proponowany, oczekujący lub aktywny benefit, aby go anulować.</translation>
    </message>
    <message>
        <source>Cancel a benefit</source>
        <translation>Anulowanie benefitu</translation>
    </message>
    <message>
        <source>Cancel {benefit} of {code}? It cannot be undone: grant it again to restore it.</source>
        <translation>Anulować {benefit} klienta {code}? Tego nie da się cofnąć: aby go przywrócić, przyznaj go ponownie.</translation>
    </message>
    <message>
        <source>Why is it cancelled? (required)</source>
        <translation>Dlaczego anulujesz? (wymagane)</translation>
    </message>
    <message>
        <source>Cancel the &amp;benefit</source>
        <translation>Anuluj &amp;benefit</translation>
    </message>
    <message>
        <source>Not cancelled: {reason}</source>
        <translation>Nie anulowano: {reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Anulowano.</translation>
    </message>
    <message>
        <source>Not activated: {reason}</source>
        <translation>Nie aktywowano: {reason}</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Pokaż:</translation>
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
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <source>Record &amp;usage…</source>
        <translation>Zarejestruj &amp;wykorzystanie…</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>&amp;Aktywuj</translation>
    </message>
    <message>
        <source>&amp;Cancel benefit…</source>
        <translation>&amp;Anuluj benefit…</translation>
    </message>
    <message>
        <source>No benefits yet. Add one from the catalog (Add benefit…): the commercial policy is checked as you type.</source>
        <translation>Brak benefitów. Dodaj benefit z katalogu (Dodaj benefit…): polityka handlowa jest sprawdzana w trakcie pisania.</translation>
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
        <source>Cannot read {file}: {reason}</source>
        <translation>Nie można odczytać {file}: {reason}</translation>
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
    <name>Conflicts</name>
    <message>
        <source>Account</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Ten laptop</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Re-applied: this laptop&apos;s value goes to the server at the next sync.</source>
        <translation>Zastosowano ponownie: wartość z tego laptopa trafi na serwer przy następnej synchronizacji.</translation>
    </message>
    <message>
        <source>Dismissed: the server&apos;s value stays.</source>
        <translation>Odrzucono: zostaje wartość z serwera.</translation>
    </message>
    <message>
        <source>Choose a conflict first.</source>
        <translation>Najpierw wybierz konflikt.</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Konflikty synchronizacji</translation>
    </message>
    <message>
        <source>&amp;Re-apply mine</source>
        <translation>&amp;Zastosuj moją ponownie</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Odrzuć</translation>
    </message>
    <message>
        <source>No conflicts: everything this laptop changed reached the server.</source>
        <translation>Brak konfliktów: wszystko, co zmieniono na tym laptopie, dotarło na serwer.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Połączono: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address and your login.</source>
        <translation>Podaj adres serwera i swój login.</translation>
    </message>
    <message>
        <source>This computer has no password store: the password is kept until the app closes.</source>
        <translation>Ten komputer nie ma magazynu haseł: hasło jest pamiętane do zamknięcia aplikacji.</translation>
    </message>
    <message>
        <source>Connect to team server</source>
        <translation>Połącz z serwerem zespołu</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serwer:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Sprawdź połączenie</translation>
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
        <source>Accounts in the program</source>
        <translation>Klienci w programie</translation>
    </message>
    <message>
        <source>LTV 12 m</source>
        <translation>LTV 12 m-cy</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Odejścia (churn)</translation>
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
        <source>The figures could not be computed: {reason}</source>
        <translation>Nie udało się obliczyć wskaźników: {reason}</translation>
    </message>
    <message>
        <source>As of {day} · amounts in {currency}</source>
        <translation>Stan na {day} · kwoty w {currency}</translation>
    </message>
    <message>
        <source>the accounts of {login}</source>
        <translation>klienci użytkownika {login}</translation>
    </message>
    <message>
        <source>My accounts</source>
        <translation>Moi klienci</translation>
    </message>
    <message>
        <source>{trend} against the year before</source>
        <translation>{trend} względem poprzedniego roku</translation>
    </message>
    <message>
        <source>{count} accounts without an invoice for {months} months</source>
        <translation>{count} klientów bez faktury od {months} miesięcy</translation>
    </message>
    <message>
        <source>before the program&apos;s operating cost</source>
        <translation>przed kosztami obsługi programu</translation>
    </message>
    <message>
        <source>ROI of my portfolio</source>
        <translation>ROI mojego portfela</translation>
    </message>
    <message>
        <source>millions of {currency}</source>
        <translation>mln {currency}</translation>
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
        <source>slot in thousands of {currency}</source>
        <translation>slot w tys. {currency}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>My portfolio</source>
        <translation>Mój portfel</translation>
    </message>
    <message>
        <source>Grade vs margin vs reward cost</source>
        <translation>Poziom a marża a koszt nagród</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Nothing was printed: the printer did not start.</source>
        <translation>Nic nie wydrukowano: drukarka nie ruszyła.</translation>
    </message>
    <message>
        <source>Printing stopped: the printer refused a page.</source>
        <translation>Drukowanie przerwane: drukarka odrzuciła stronę.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to %1.</source>
        <translation>
            <numerusform>Wysłano %n stronę do %1.</numerusform>
            <numerusform>Wysłano %n strony do %1.</numerusform>
            <numerusform>Wysłano %n stron do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Zapisz dokument jako</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation>Nie zapisano w %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Zapisano jako %1.</translation>
    </message>
    <message>
        <source>Opened %1 in the system viewer.</source>
        <translation>Otwarto %1 w przeglądarce systemowej.</translation>
    </message>
    <message>
        <source>No PDF viewer opened %1; print here or save it with Save as….</source>
        <translation>Żadna przeglądarka PDF nie otworzyła %1; wydrukuj tutaj lub zapisz przez „Zapisz jako…”.</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Podgląd: %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drukuj…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Zapisz jako…</translation>
    </message>
    <message>
        <source>&amp;Open in viewer</source>
        <translation>&amp;Otwórz w przeglądarce</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
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
        <translation>Drukuje się ze znakiem PROJEKT, dopóki benefity nie zostaną zatwierdzone.</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Najpierw wybierz dokument.</translation>
    </message>
    <message>
        <source>Issue a document</source>
        <translation>Wystawienie dokumentu</translation>
    </message>
    <message>
        <source>Issue the participation agreement of %1? It gets a number and is kept unchanged in the register.</source>
        <translation>Wystawić umowę uczestnictwa dla %1? Otrzyma numer i zostanie zapisana w rejestrze bez możliwości zmiany.</translation>
    </message>
    <message>
        <source>Issue the benefit annex of %1? It gets a number and is kept unchanged in the register.</source>
        <translation>Wystawić aneks z benefitami dla %1? Otrzyma numer i zostanie zapisany w rejestrze bez możliwości zmiany.</translation>
    </message>
    <message>
        <source>Issue the statement of %1 for %2? It gets a number and is kept unchanged in the register.</source>
        <translation>Wystawić zestawienie dla %1 za %2? Otrzyma numer i zostanie zapisane w rejestrze bez możliwości zmiany.</translation>
    </message>
    <message>
        <source>Nothing was issued.</source>
        <translation>Nic nie wystawiono.</translation>
    </message>
    <message>
        <source>Issue %1 version %2? Version %3 becomes superseded.</source>
        <translation>Wystawić %1 w wersji %2? Wersja %3 zostanie zastąpiona.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Brak podglądu: %1</translation>
    </message>
    <message>
        <source>%1 is shown in the preview.</source>
        <translation>%1 jest widoczny w podglądzie.</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Nie zweryfikowano: %1</translation>
    </message>
    <message>
        <source>%1 v%2 is intact: SHA-256 %3 matches the register.</source>
        <translation>%1 v%2 jest nienaruszony: SHA-256 %3 zgadza się z rejestrem.</translation>
    </message>
    <message>
        <source>%1 v%2 does NOT match its recorded SHA-256 %3: the stored file changed.</source>
        <translation>%1 v%2 NIE zgadza się z zapisanym SHA-256 %3: zapisany plik został zmieniony.</translation>
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
        <source>Scan not attached: %1</source>
        <translation>Nie dołączono skanu: %1</translation>
    </message>
    <message>
        <source>Scan %1 attached to %2.</source>
        <translation>Skan %1 dołączono do %2.</translation>
    </message>
    <message>
        <source>No scan: %1</source>
        <translation>Brak skanu: %1</translation>
    </message>
    <message>
        <source>%1 has no scan attached.</source>
        <translation>%1 nie ma dołączonego skanu.</translation>
    </message>
    <message>
        <source>Opened the scan %1.</source>
        <translation>Otwarto skan %1.</translation>
    </message>
    <message>
        <source>No viewer opened the scan; it is saved as %1.</source>
        <translation>Żadna przeglądarka nie otworzyła skanu; zapisano go jako %1.</translation>
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
        <source>Issue &amp;statement for</source>
        <translation>Wystaw &amp;zestawienie za</translation>
    </message>
    <message>
        <source>&amp;Reissue as a new version…</source>
        <translation>Wystaw &amp;ponownie jako nową wersję…</translation>
    </message>
    <message>
        <source>&amp;Verify SHA-256</source>
        <translation>&amp;Sprawdź SHA-256</translation>
    </message>
    <message>
        <source>Attach a scan &amp;later…</source>
        <translation>Dołącz skan &amp;później…</translation>
    </message>
    <message>
        <source>Open s&amp;can</source>
        <translation>Otwórz s&amp;kan</translation>
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
        <source>Write the requested value as a number.</source>
        <translation>Wpisz wnioskowaną wartość jako liczbę.</translation>
    </message>
    <message>
        <source>Say why: the approver reads the justification first.</source>
        <translation>Podaj powód: zatwierdzający najpierw czyta uzasadnienie.</translation>
    </message>
    <message>
        <source>Policy exception request</source>
        <translation>Wniosek o wyjątek od polityki</translation>
    </message>
    <message>
        <source>Policy cap:</source>
        <translation>Limit polityki:</translation>
    </message>
    <message>
        <source>The cap could not be read: {reason}</source>
        <translation>Nie udało się odczytać limitu: {reason}</translation>
    </message>
    <message>
        <source>{cap} for {grade} (policy “{policy}”)</source>
        <translation>{cap} dla {grade} (polityka „{policy}”)</translation>
    </message>
    <message>
        <source>the requested value is within the cap: no exception is needed</source>
        <translation>wnioskowana wartość mieści się w limicie: wyjątek nie jest potrzebny</translation>
    </message>
    <message>
        <source>Write the expected incremental margin as a number, or leave it empty.</source>
        <translation>Wpisz oczekiwaną dodatkową marżę jako liczbę albo zostaw puste.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nie zapisano: {reason}</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <source>&amp;Requested value:</source>
        <translation>&amp;Wnioskowana wartość:</translation>
    </message>
    <message>
        <source>Expected incremental &amp;margin:</source>
        <translation>Oczekiwana &amp;dodatkowa marża:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Ważny do:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Uzasadnienie:</translation>
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
        <source>Route: {route}</source>
        <translation>Ścieżka: {route}</translation>
    </message>
    <message>
        <source>✔ Approved by {who} ({role}) on {day}</source>
        <translation>✔ Zatwierdził(a) {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>✖ Rejected by {who} ({role}) on {day}</source>
        <translation>✖ Odrzucił(a) {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>: “{note}”</source>
        <translation>: „{note}”</translation>
    </message>
    <message>
        <source>Now waiting for: {role}</source>
        <translation>Teraz czeka na: {role}</translation>
    </message>
    <message>
        <source>Withdrawn by the requester.</source>
        <translation>Wycofany przez wnioskującego.</translation>
    </message>
    <message>
        <source>Withdrawn by the requester: “{note}”</source>
        <translation>Wycofany przez wnioskującego: „{note}”</translation>
    </message>
    <message>
        <source>Select a request to see its justification, the decisions and their notes.</source>
        <translation>Zaznacz wniosek, aby zobaczyć uzasadnienie, decyzje i ich notatki.</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>Uzasadnienie: {text}</translation>
    </message>
    <message>
        <source>Saved: {numbers}</source>
        <translation>Zapisano: {numbers}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Odmowa: {reason}</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Wycofaj…</translation>
    </message>
    <message>
        <source>No policy exception requests for this account yet. When a benefit goes beyond the commercial policy, ask for one here (New request…, Ctrl+N).</source>
        <translation>Ten klient nie ma jeszcze wniosków o wyjątek. Gdy benefit przekracza politykę handlową, złóż wniosek tutaj (Nowy wniosek…, Ctrl+N).</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>Wysłano do zatwierdzenia.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Wycofaj</translation>
    </message>
    <message>
        <source>Withdraw {number}? It cannot be submitted again: a new request would be needed.</source>
        <translation>Wycofać {number}? Nie da się go złożyć ponownie: potrzebny będzie nowy wniosek.</translation>
    </message>
    <message>
        <source>Why is it withdrawn? (required)</source>
        <translation>Dlaczego wycofujesz? (wymagane)</translation>
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
        <source>The file is not encrypted (the store is): keep it safe.</source>
        <translation>Plik nie jest zaszyfrowany (baza danych jest): przechowuj go bezpiecznie.</translation>
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
        <source>&amp;Exchange rates…</source>
        <translation>&amp;Kursy walut…</translation>
    </message>
    <message>
        <source>&amp;Import history and reversals…</source>
        <translation>&amp;Historia importów i odwrócenia…</translation>
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
    <name>FxRates</name>
    <message>
        <source>Day</source>
        <translation>Dzień</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
</context>
<context>
    <name>FxRatesDialog</name>
    <message>
        <source>Write the rate as a positive number.</source>
        <translation>Wpisz kurs jako liczbę dodatnią.</translation>
    </message>
    <message>
        <source>1 {currency} = {rate} {base} from {day}.</source>
        <translation>1 {currency} = {rate} {base} od {day}.</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Kursy walut</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Waluta:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Kurs:</translation>
    </message>
    <message>
        <source>From &amp;day:</source>
        <translation>Od &amp;dnia:</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>&amp;Dodaj kurs</translation>
    </message>
    <message>
        <source>No exchange rates yet. Add the rate of each currency your clients pay in: grades and KPIs count every account in the base currency.</source>
        <translation>Nie ma jeszcze kursów walut. Dodaj kurs każdej waluty, w której płacą klienci: poziomy i wskaźniki liczą każdego klienta w walucie bazowej.</translation>
    </message>
    <message>
        <source>Only finance and the administrator set exchange rates.</source>
        <translation>Kursy walut ustala tylko dział finansów i administrator.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>KAM Desktop — user guide</source>
        <translation>KAM Desktop — przewodnik</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of KAM Desktop.</source>
        <translation>Ta kopia KAM Desktop nie zawiera przewodnika.</translation>
    </message>
    <message>
        <source>*This guide is not translated yet; here it is in English.*</source>
        <translation>*Ten przewodnik nie jest jeszcze przetłumaczony; oto wersja angielska.*</translation>
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
        <source>Detect</source>
        <translation>Wykryj</translation>
    </message>
    <message>
        <source>Detected: {value}</source>
        <translation>Wykryto: {value}</translation>
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
        <source>Type a name for the mapping profile: nothing was saved.</source>
        <translation>Wpisz nazwę profilu mapowania: nic nie zapisano.</translation>
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
        <source>No errors: ready to import.</source>
        <translation>Brak błędów: gotowe do importu.</translation>
    </message>
    <message>
        <source>The file has no data rows.</source>
        <translation>Plik nie zawiera wierszy z danymi.</translation>
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
        <source>The saved mapping profiles could not be read: {reason}</source>
        <translation>Nie udało się odczytać zapisanych profili mapowania: {reason}</translation>
    </message>
    <message>
        <source>A mapping profile named “{name}” already exists: nothing was saved.</source>
        <translation>Profil mapowania o nazwie „{name}” już istnieje: nic nie zapisano.</translation>
    </message>
    <message>
        <source>The mapping profile could not be saved: {reason}</source>
        <translation>Nie udało się zapisać profilu mapowania: {reason}</translation>
    </message>
    <message>
        <source>Saved the mapping profile “{name}”.</source>
        <translation>Zapisano profil mapowania „{name}”.</translation>
    </message>
    <message>
        <source>A mapping profile named “{name}” already exists. Replace it?</source>
        <translation>Profil mapowania o nazwie „{name}” już istnieje. Zastąpić go?</translation>
    </message>
    <message>
        <source>The file could not be previewed: {reason}</source>
        <translation>Nie udało się wyświetlić podglądu pliku: {reason}</translation>
    </message>
    <message>
        <source>Errors ({count})</source>
        <translation>Błędy ({count})</translation>
    </message>
    <message>
        <source>New names ({count})</source>
        <translation>Nowe nazwy ({count})</translation>
    </message>
    <message>
        <source>Not imported: {columns}</source>
        <translation>Nieimportowane: {columns}</translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation>Importowana jest każda kolumna.</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}.</source>
        <translation>Wybierz kolumnę dla: {fields}.</translation>
    </message>
    <message>
        <source>{count} rows read.</source>
        <translation>Wczytano wierszy: {count}.</translation>
    </message>
    <message>
        <source>{count} errors: fix the file (or the reading options or the column mapping) and preview again; nothing can be imported until there are none.</source>
        <translation>Błędy: {count}. Popraw plik (albo ustawienia odczytu lub mapowanie kolumn) i odśwież podgląd; import będzie możliwy dopiero bez błędów.</translation>
    </message>
    <message>
        <source>New categories: {names}.</source>
        <translation>Nowe kategorie: {names}.</translation>
    </message>
    <message>
        <source>New owners: {names}.</source>
        <translation>Nowi opiekunowie: {names}.</translation>
    </message>
    <message>
        <source>The file names no category or person this store does not know.</source>
        <translation>Plik nie zawiera kategorii ani osób nieznanych w tej bazie.</translation>
    </message>
    <message>
        <source>Say what each new name is before importing: {names}. A name like an existing one is never added as a near-duplicate; only an administrator adds people.</source>
        <translation>Przed importem wskaż, czym jest każda nowa nazwa: {names}. Nazwa podobna do istniejącej nigdy nie zostanie dodana jako prawie-duplikat; osoby dodaje tylko administrator.</translation>
    </message>
    <message>
        <source>Every new name is decided: mapped to an existing one, or added as new.</source>
        <translation>Każda nowa nazwa ma decyzję: przypisana do istniejącej albo dodana jako nowa.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} conflicts with the data store.</source>
        <translation>Nic nie zaimportowano: konflikty z bazą danych: {count}.</translation>
    </message>
    <message>
        <source>Imported {count} rows from {file}: {what}.</source>
        <translation>Zaimportowano wierszy: {count} z pliku {file}: {what}.</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: {reason}</source>
        <translation>Import nie powiódł się i nic nie zapisano: {reason}</translation>
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
    <message>
        <source>Account code</source>
        <translation>Kod klienta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Kind (customer or partner)</source>
        <translation>Rodzaj (klient lub partner)</translation>
    </message>
    <message>
        <source>KAM (login)</source>
        <translation>KAM (login)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branża</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Data przystąpienia</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Numer faktury</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>Numer pozycji</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Data faktury</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Kategoria produktów</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Ilość</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Kwota netto</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Marża brutto</translation>
    </message>
    <message>
        <source>Client&apos;s total (units)</source>
        <translation>Suma klienta (sztuki)</translation>
    </message>
    <message>
        <source>Client&apos;s total (money)</source>
        <translation>Suma klienta (kwota)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Gathered on</source>
        <translation>Data zebrania</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Pewność</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwaga</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Job title</source>
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
        <source>Cashback balance</source>
        <translation>Saldo cashbacku</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Saldo punktów</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Wygasa</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Wiersze</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Odwrócenie</translation>
    </message>
    <message>
        <source>reversed by {id}</source>
        <translation>odwrócony przez {id}</translation>
    </message>
    <message>
        <source>reverses {id}: {reason}</source>
        <translation>odwraca {id}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Reverse import {id} of {file} ({lines} rows)? Its lines stay in the store; a linked batch of negated lines is added and the portfolio&apos;s figures change.</source>
        <translation>Odwrócić import {id} pliku {file} (wierszy: {lines})? Jego wiersze zostają w bazie; dodana zostanie powiązana partia wierszy z przeciwnym znakiem, a liczby portfela się zmienią.</translation>
    </message>
    <message>
        <source>Reversed: {lines} lines undone by import {id}.</source>
        <translation>Odwrócono: cofnięte wiersze: {lines}, import {id}.</translation>
    </message>
    <message>
        <source>Its lines fall in locked quarters ({quarters}): settled in the open period.</source>
        <translation>Jego wiersze przypadają na zamknięte kwartały ({quarters}): rozliczone w otwartym okresie.</translation>
    </message>
    <message>
        <source>Reverse import</source>
        <translation>Odwróć import</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Historia importów</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <source>why this import is undone (kept in the audit log)</source>
        <translation>dlaczego import jest cofany (zapisane w dzienniku audytu)</translation>
    </message>
    <message>
        <source>Re&amp;verse import…</source>
        <translation>&amp;Odwróć import…</translation>
    </message>
    <message>
        <source>No imports yet. Files are imported with File › Import.</source>
        <translation>Nie ma jeszcze importów. Pliki importuje się przez Plik › Importuj.</translation>
    </message>
</context>
<context>
    <name>InboxTexts</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dzień</numerusform>
            <numerusform>%n dni</numerusform>
            <numerusform>%n dni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) selected</source>
        <translation>
            <numerusform>zaznaczono %n wniosek</numerusform>
            <numerusform>zaznaczono %n wnioski</numerusform>
            <numerusform>zaznaczono %n wniosków</numerusform>
        </translation>
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
        <source>Balance: {cashback} cashback · {points} points</source>
        <translation>Saldo: {cashback} cashback · {points} punktów</translation>
    </message>
    <message>
        <source>{amount} {unit} expire on {day}</source>
        <translation>{amount} {unit} wygasa {day}</translation>
    </message>
    <message>
        <source>Expiry schedule: {lines}</source>
        <translation>Harmonogram wygasania: {lines}</translation>
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
        <source>Portfolio</source>
        <translation>Portfel klientów</translation>
    </message>
    <message>
        <source>Check that the data store is reachable, then press F5 to try again.</source>
        <translation>Sprawdź, czy baza danych jest dostępna, i naciśnij F5, aby spróbować ponownie.</translation>
    </message>
    <message>
        <source>Open an account first: its agreement, annexes and statements print from its Documents tab.</source>
        <translation>Najpierw otwórz klienta: umowę, aneksy i zestawienia drukuje się z jego karty Dokumenty.</translation>
    </message>
    <message>
        <source>This laptop&apos;s data store is encrypted now.</source>
        <translation>Baza danych tego laptopa jest teraz zaszyfrowana.</translation>
    </message>
    <message>
        <source>No backup was made: {reason}</source>
        <translation>Nie utworzono kopii zapasowej: {reason}</translation>
    </message>
    <message>
        <source>A verified backup was written to {path}.</source>
        <translation>Zweryfikowana kopia zapasowa została zapisana w {path}.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Przywracanie kopii zapasowej</translation>
    </message>
    <message>
        <source>KAM Desktop backups (*.sqlite)</source>
        <translation>Kopie zapasowe KAM Desktop (*.sqlite)</translation>
    </message>
    <message>
        <source>Replace all the data with the backup {path}? The current content is saved first.</source>
        <translation>Zastąpić wszystkie dane kopią zapasową {path}? Bieżąca zawartość zostanie najpierw zachowana.</translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}</source>
        <translation>Kopia zapasowa nie została przywrócona: {reason}</translation>
    </message>
    <message>
        <source>Restored from {path}; the previous content was saved to {safety}.</source>
        <translation>Przywrócono z {path}; poprzednia zawartość została zapisana w {safety}.</translation>
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
        <source>The file is not encrypted (the store is): keep it safe.</source>
        <translation>Plik nie jest zaszyfrowany (baza danych jest): przechowuj go bezpiecznie.</translation>
    </message>
    <message>
        <source>The folder could not be opened here. Its path was copied to the clipboard:
{path}</source>
        <translation>Nie udało się tu otworzyć folderu. Jego ścieżkę skopiowano do schowka:
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Otwórz folder</translation>
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
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Last sync: {day} {time}</source>
        <translation>Ostatnia synchronizacja: {day} {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n zmiana czeka</numerusform>
            <numerusform>%n zmiany czekają</numerusform>
            <numerusform>%n zmian czeka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikty</numerusform>
            <numerusform>%n konfliktów</numerusform>
        </translation>
    </message>
    <message>
        <source>KAM Desktop — Portfolio (portable)</source>
        <translation>KAM Desktop — portfel klientów (wersja przenośna)</translation>
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
        <source>Issue quarterly &amp;statements…</source>
        <translation>Wystaw &amp;wyciągi kwartalne…</translation>
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
        <source>Back &amp;up now</source>
        <translation>Zrób kopię &amp;zapasową teraz</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Przywróć kopię zapasową…</translation>
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
        <source>&amp;User guide</source>
        <translation>&amp;Przewodnik</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <source>&amp;Export the portfolio view…</source>
        <translation>&amp;Eksportuj widok portfela…</translation>
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
        <source>&amp;Connect to team server…</source>
        <translation>&amp;Połącz z serwerem zespołu…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>&amp;Konflikty synchronizacji…</translation>
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
        <source>The share of wallet and slot values could not be read: {reason}</source>
        <translation>Nie udało się odczytać udziału w portfelu i wartości slotów: {reason}</translation>
    </message>
    <message>
        <source>The portfolio could not be loaded: {reason}</source>
        <translation>Nie udało się wczytać portfela: {reason}</translation>
    </message>
    <message>
        <source>Accounts: {shown} / {total}</source>
        <translation>Klienci: {shown} / {total}</translation>
    </message>
    <message>
        <source>This laptop is not connected to a team server yet.</source>
        <translation>Ten laptop nie jest jeszcze połączony z serwerem zespołu.</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Synchronizacja z serwerem zespołu…</translation>
    </message>
    <message>
        <source>Synced: {pushed} sent, {pulled} received, {conflicts} new conflicts.</source>
        <translation>Zsynchronizowano: wysłano {pushed}, odebrano {pulled}, nowe konflikty: {conflicts}.</translation>
    </message>
    <message>
        <source>This laptop&apos;s data store is not encrypted yet (no password store on this computer, the store was busy, or converting it failed): it is tried again at the next sync.</source>
        <translation>Baza danych tego laptopa nie jest jeszcze zaszyfrowana (brak magazynu haseł na tym komputerze, baza była zajęta albo jej przekształcenie się nie powiodło): kolejna próba nastąpi przy następnej synchronizacji.</translation>
    </message>
    <message>
        <source>Not synced: {reason}</source>
        <translation>Nie zsynchronizowano: {reason}</translation>
    </message>
    <message>
        <source>Acting as: {name}</source>
        <translation>Działasz jako: {name}</translation>
    </message>
    <message>
        <source>&amp;My portfolio dashboard</source>
        <translation>&amp;Pulpit mojego portfela</translation>
    </message>
    <message>
        <source>The demo company could not be loaded: {reason}

Nothing was changed in the data store.</source>
        <translation>Nie udało się wczytać firmy demonstracyjnej: {reason}

Baza danych nie została zmieniona.</translation>
    </message>
    <message>
        <source>Open the account (in the portfolio or the search box)</source>
        <translation>Otwórz klienta (w portfelu lub polu wyszukiwania)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>From the search box to the first result</source>
        <translation>Z pola wyszukiwania do pierwszego wyniku</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Strzałka w dół</translation>
    </message>
    <message>
        <source>Copy the selected accounts</source>
        <translation>Kopiuj zaznaczonych klientów</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Wyczyść wyszukiwanie</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Export the portfolio view</source>
        <translation>Eksport widoku portfela</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Skoroszyt Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>{count} accounts exported to {file}.</source>
        <translation>Wyeksportowano klientów: {count} do pliku {file}.</translation>
    </message>
    <message>
        <source>The view was not exported: {reason}</source>
        <translation>Nie wyeksportowano widoku: {reason}</translation>
    </message>
    <message>
        <source>Server: {location}</source>
        <translation>Serwer: {location}</translation>
    </message>
    <message>
        <source>Local file: {name}</source>
        <translation>Plik lokalny: {name}</translation>
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
    <name>NumberField</name>
    <message>
        <source>Required.</source>
        <translation>Pole wymagane.</translation>
    </message>
    <message>
        <source>“{text}” is not a number: write it like {example}.</source>
        <translation>„{text}” nie jest liczbą: wpisz ją np. tak: {example}.</translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation>Wpisz liczbę całkowitą.</translation>
    </message>
    <message>
        <source>At most {places} decimal places.</source>
        <translation>Najwyżej {places} miejsca po przecinku.</translation>
    </message>
    <message>
        <source>At least {minimum}.</source>
        <translation>Co najmniej {minimum}.</translation>
    </message>
    <message>
        <source>At most {maximum}.</source>
        <translation>Najwyżej {maximum}.</translation>
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
        <source>no potential gathered</source>
        <translation>nie zebrano potencjału</translation>
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
        <source>No contacts yet.</source>
        <translation>Brak kontaktów.</translation>
    </message>
    <message>
        <source>{amount} ({basis}, 12 months)</source>
        <translation>{amount} ({basis}, 12 miesięcy)</translation>
    </message>
    <message>
        <source>{rank} of {population} (top {share})</source>
        <translation>{rank} z {population} (górne {share})</translation>
    </message>
    <message>
        <source>top {share} for {grade}</source>
        <translation>górne {share} dla {grade}</translation>
    </message>
    <message>
        <source>slot {amount}</source>
        <translation>slot {amount}</translation>
    </message>
    <message>
        <source>Too few accounts for {grade}.</source>
        <translation>Za mało klientów dla {grade}.</translation>
    </message>
    <message>
        <source>To {grade}: {gap} more (needs about {needed})</source>
        <translation>Do {grade}: brakuje {gap} (potrzeba ok. {needed})</translation>
    </message>
    <message>
        <source>LTV trend (thousands of {currency})</source>
        <translation>Trend LTV (tys. {currency})</translation>
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
        <source>{amount} (the 12 months before: {previous})</source>
        <translation>{amount} (poprzednie 12 miesięcy: {previous})</translation>
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
        <source>Save this filter…</source>
        <translation>Zapisz ten filtr…</translation>
    </message>
    <message>
        <source>Delete a saved filter</source>
        <translation>Usuń zapisany filtr</translation>
    </message>
    <message>
        <source>Save this filter</source>
        <translation>Zapisz ten filtr</translation>
    </message>
    <message>
        <source>A name for the filter “{text}”:</source>
        <translation>Nazwa filtra „{text}”:</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts</source>
        <translation>{shown} z {total} klientów</translation>
    </message>
    <message>
        <source>This data store has no accounts yet.

Import your accounts from the ERP (a CSV or Excel export), or load the demo company to try KAM Desktop first.</source>
        <translation>Ta baza nie ma jeszcze klientów.

Zaimportuj klientów z ERP (eksport CSV lub Excel) albo wczytaj firmę demonstracyjną, aby najpierw wypróbować KAM Desktop.</translation>
    </message>
    <message>
        <source>&amp;Import accounts…</source>
        <translation>&amp;Importuj klientów…</translation>
    </message>
    <message>
        <source>No account matches “{text}”.

The search looks in codes, names, KAMs, regions, tax IDs and contacts; every word must match.</source>
        <translation>Żaden klient nie pasuje do „{text}”.

Wyszukiwanie obejmuje kody, nazwy, KAM-ów, regiony, NIP-y i osoby kontaktowe; pasować musi każde słowo.</translation>
    </message>
    <message>
        <source>&amp;Clear the filter</source>
        <translation>&amp;Wyczyść filtr</translation>
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
        <source>Code, name, tax ID, contact, KAM, region (Ctrl+F)</source>
        <translation>Kod, nazwa, NIP, kontakt, KAM, region (Ctrl+F)</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Zapisane filtry</translation>
    </message>
    <message>
        <source>Apply, save or delete a named filter</source>
        <translation>Użyj, zapisz lub usuń nazwany filtr</translation>
    </message>
    <message>
        <source>Load the &amp;demo company…</source>
        <translation>Wczytaj firmę &amp;demonstracyjną…</translation>
    </message>
</context>
<context>
    <name>PotentialTab</name>
    <message>
        <source>No potential gathered yet for this account: choose a category on the right, write what the client spends on it in total, and save.</source>
        <translation>Dla tego klienta nie zebrano jeszcze potencjału: wybierz kategorię po prawej, wpisz łączne wydatki klienta na nią i zapisz.</translation>
    </message>
    <message>
        <source>Slot {slot} of {total} total spend · share of wallet {share} · {quadrant}</source>
        <translation>Slot {slot} z {total} łącznych wydatków · udział w portfelu {share} · {quadrant}</translation>
    </message>
    <message>
        <source>Every category already has a slot: select one in the table to correct it.</source>
        <translation>Każda kategoria ma już slot: zaznacz ją w tabeli, aby go poprawić.</translation>
    </message>
    <message>
        <source>Client&apos;s total</source>
        <translation>Łącznie u klienta</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Sztuki</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nie zapisano: {reason}</translation>
    </message>
    <message>
        <source>Gathered total</source>
        <translation>Zebrana suma</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ka&amp;tegoria:</translation>
    </message>
    <message>
        <source>Client&apos;s total &amp;spend:</source>
        <translation>Łączne &amp;wydatki klienta:</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>&amp;Sztuki:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>Ź&amp;ródło:</translation>
    </message>
    <message>
        <source>&amp;Gathered on:</source>
        <translation>Data &amp;zebrania:</translation>
    </message>
    <message>
        <source>Con&amp;fidence:</source>
        <translation>&amp;Pewność:</translation>
    </message>
    <message>
        <source>Add a &amp;category…</source>
        <translation>Dodaj &amp;kategorię…</translation>
    </message>
    <message>
        <source>No potential gathered yet. Choose a category on the right, write the client&apos;s total spend on it and save: the slot and share of wallet follow.</source>
        <translation>Nie zebrano jeszcze potencjału. Wybierz kategorię po prawej, wpisz łączne wydatki klienta i zapisz: slot i udział w portfelu policzą się same.</translation>
    </message>
    <message>
        <source>Saved. Share of wallet is recalculated.</source>
        <translation>Zapisano. Udział w portfelu przeliczono.</translation>
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
        <source>My portfolio</source>
        <translation>Mój portfel</translation>
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
        <source>Graded {count} accounts as of {day}.</source>
        <translation>Oceniono {count} klientów na dzień {day}.</translation>
    </message>
    <message>
        <source>Quarter (e.g. {example}):</source>
        <translation>Kwartał (np. {example}):</translation>
    </message>
    <message>
        <source>Closing {quarter}…</source>
        <translation>Zamykanie {quarter}…</translation>
    </message>
    <message>
        <source>{quarter} closed: {booked} entries booked for {accounts} accounts, {expiries} expiries.</source>
        <translation>{quarter} zamknięty: {booked} pozycji dla {accounts} klientów, {expiries} wygaśnięć.</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Niepowodzenie: {reason}</translation>
    </message>
    <message>
        <source>Close a quarter</source>
        <translation>Zamknij kwartał</translation>
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
        <source>Cancelling: the job stops before it writes anything.</source>
        <translation>Anulowanie: zadanie zatrzyma się, zanim cokolwiek zapisze.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The company identity was not saved: {reason}</source>
        <translation>Dane firmy nie zostały zapisane: {reason}</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klawisze</translation>
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
        <source>Cannot simulate: {reason}</source>
        <translation>Nie można zasymulować: {reason}</translation>
    </message>
    <message>
        <source>The simulation failed: {reason}</source>
        <translation>Symulacja nie powiodła się: {reason}</translation>
    </message>
    <message>
        <source>{up} accounts move up, {down} move down, {same} stay.</source>
        <translation>{up} klientów awansuje, {down} spada, {same} bez zmian.</translation>
    </message>
    <message>
        <source>Cashback cost {now} ({now_ratio} of gross margin) → {then} ({then_ratio}) on a margin of {margin}.</source>
        <translation>Koszt cashbacku {now} ({now_ratio} marży brutto) → {then} ({then_ratio}) przy marży {margin}.</translation>
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
<context>
    <name>SingleInstance</name>
    <message>
        <source>KAM Desktop is already running for this data folder; its window was brought to the front.</source>
        <translation>KAM Desktop już działa dla tego folderu danych; jego okno przeniesiono na wierzch.</translation>
    </message>
    <message>
        <source>KAM Desktop is already running for this data folder but did not answer; wait a moment or close it, then start it again.</source>
        <translation>KAM Desktop już działa dla tego folderu danych, ale nie odpowiada; poczekaj chwilę lub zamknij go, a potem uruchom ponownie.</translation>
    </message>
</context>
<context>
    <name>StatementsBatchDialog</name>
    <message>
        <source>Issue the quarterly statements of {quarter} for every account you are responsible for? Each is a legal document with its own number; statements already issued for {quarter} are kept, not issued again.</source>
        <translation>Wystawić wyciągi kwartalne za {quarter} dla wszystkich klientów, za których odpowiadasz? Każdy jest dokumentem z własnym numerem; wyciągi już wystawione za {quarter} zostają i nie są wystawiane ponownie.</translation>
    </message>
    <message>
        <source>Issuing the statements of {quarter}…</source>
        <translation>Wystawianie wyciągów za {quarter}…</translation>
    </message>
    <message>
        <source>Stopping after the current statement…</source>
        <translation>Zatrzymanie po bieżącym wyciągu…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} z {total}</translation>
    </message>
    <message>
        <source>{quarter}: {issued} issued now, {existing} already issued, {failed} failed.</source>
        <translation>{quarter}: wystawione teraz: {issued}, wystawione wcześniej: {existing}, nieudane: {failed}.</translation>
    </message>
    <message>
        <source>Stopped: the statements issued so far are kept; start again to issue the rest.</source>
        <translation>Zatrzymano: dotąd wystawione wyciągi zostają; uruchom ponownie, aby wystawić resztę.</translation>
    </message>
    <message>
        <source>{account}: {reason}</source>
        <translation>{account}: {reason}</translation>
    </message>
    <message>
        <source>Issue statements</source>
        <translation>Wystawianie wyciągów</translation>
    </message>
    <message>
        <source>Issue quarterly statements</source>
        <translation>Wystaw wyciągi kwartalne</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>&amp;Kwartał:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>Each account&apos;s language</source>
        <translation>Język każdego klienta</translation>
    </message>
    <message>
        <source>English</source>
        <translation>angielski</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polski</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>rosyjski</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Wystaw…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
</context>
<context>
    <name>StoreKeyDialog</name>
    <message>
        <source>KAM Desktop: key of the data store</source>
        <translation>KAM Desktop: klucz bazy danych</translation>
    </message>
    <message>
        <source>The key of the data store (64 characters, 0-9 and a-f):</source>
        <translation>Klucz bazy danych (64 znaki, 0-9 i a-f):</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: baza danych</translation>
    </message>
    <message>
        <source>Restore the backup {name}</source>
        <translation>Przywróć kopię zapasową {name}</translation>
    </message>
    <message>
        <source>The newest verified backup is {path}. The damaged file is kept beside it, not deleted.</source>
        <translation>Najnowsza zweryfikowana kopia zapasowa to {path}. Uszkodzony plik zostanie zachowany obok, nie usunięty.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Spróbuj ponownie</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>Enter the key…</source>
        <translation>Wprowadź klucz…</translation>
    </message>
    <message>
        <source>Set the file aside and start afresh</source>
        <translation>Odłóż plik na bok i zacznij od nowa</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Przywróć kopię zapasową…</translation>
    </message>
    <message>
        <source>The data on this laptop is encrypted; its key is kept by this computer&apos;s password store (on Windows, the Credential Manager of your user account). If you kept the key elsewhere (your IT department may have it), enter it: it is kept again for the next start.

On a team laptop your data is on the team server: set this file aside, start with an empty store and connect to the server again (File › Connect to team server…); everything you may see comes back. Changes not yet synced stay in the file set aside, which opens only with its key.

A backup opens only if it is not encrypted or you have the key it was made with.</source>
        <translation>Dane na tym laptopie są zaszyfrowane; ich klucz przechowuje magazyn haseł tego komputera (w systemie Windows: Menedżer poświadczeń Twojego konta). Jeśli zachowałeś klucz w innym miejscu (może go mieć Twój dział IT), wprowadź go: zostanie ponownie zapamiętany na następne uruchomienie.

Na laptopie zespołu Twoje dane są na serwerze zespołu: odłóż ten plik na bok, zacznij z pustą bazą danych i połącz się ponownie z serwerem (Plik › Połącz z serwerem zespołu…); wróci wszystko, co możesz widzieć. Zmiany jeszcze niezsynchronizowane zostają w odłożonym pliku, który otwiera się tylko jego kluczem.

Kopia zapasowa otworzy się tylko wtedy, gdy nie jest zaszyfrowana albo masz klucz, którym ją wykonano.</translation>
    </message>
</context>
<context>
    <name>UsageDialog</name>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>Nie zapisano: {reason}</translation>
    </message>
    <message>
        <source>Record usage</source>
        <translation>Wykorzystanie benefitu</translation>
    </message>
    <message>
        <source>{benefit}: {used} used of {cost}; {left} left.</source>
        <translation>{benefit}: wykorzystano {used} z {cost}; zostało {left}.</translation>
    </message>
    <message>
        <source>&amp;Amount ({currency}):</source>
        <translation>&amp;Kwota ({currency}):</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Dzień:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notatka:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Zapisz</translation>
    </message>
</context>
</TS>
