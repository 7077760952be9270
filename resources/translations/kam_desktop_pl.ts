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
    <name>App</name>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: baza danych</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Wczytywanie portfela…</translation>
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
    <name>SettingsDialog</name>
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
</TS>
