<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountPane</name>
    <message>
        <source>Select an account to see its summary.</source>
        <translation>Выберите клиента, чтобы увидеть сводку.</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Грейд:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>LTV 12 m:</source>
        <translation>LTV 12 мес.:</translation>
    </message>
    <message>
        <source>Previous 12 m:</source>
        <translation>Предыдущие 12 мес.:</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Динамика:</translation>
    </message>
    <message>
        <source>Open benefits:</source>
        <translation>Открытые привилегии:</translation>
    </message>
    <message>
        <source>Pending exceptions:</source>
        <translation>Ожидающие исключения:</translation>
    </message>
    <message>
        <source>KAM:</source>
        <translation>KAM:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: хранилище данных</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>KAM Desktop met an unexpected error. Your saved data is safe; the last unsaved action may not have been applied.</source>
        <translation>В KAM Desktop произошла непредвиденная ошибка. Сохранённые данные в безопасности; последнее несохранённое действие могло не выполниться.</translation>
    </message>
    <message>
        <source>A crash report was written to:</source>
        <translation>Отчёт об ошибке записан в файл:</translation>
    </message>
    <message>
        <source>Please send it to your administrator. You can keep working or restart the application.</source>
        <translation>Отправьте его администратору. Можно продолжить работу или перезапустить приложение.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Загрузка портфеля…</translation>
    </message>
    <message>
        <source>The portfolio could not be loaded: %1</source>
        <translation>Не удалось загрузить портфель: %1</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Портфель клиентов</translation>
    </message>
    <message>
        <source>Check that the data store is reachable, then press F5 to try again.</source>
        <translation>Проверьте доступность хранилища данных и нажмите F5, чтобы повторить попытку.</translation>
    </message>
    <message>
        <source>Accounts: %1 / %2</source>
        <translation>Клиенты: %1 / %2</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Демо-данные</translation>
    </message>
    <message>
        <source>This data store already has accounts. The demo company can only be loaded into an empty store: start KAM Desktop with --db and a new file to try it.</source>
        <translation>В этом хранилище уже есть клиенты. Демо-компанию можно загрузить только в пустое хранилище: запустите KAM Desktop с параметром --db и новым файлом.</translation>
    </message>
    <message>
        <source>This data store has no accounts yet.

Load the demo company (KAMs, 200+ accounts, three years of sales, benefits and exception requests) to explore KAM Desktop?</source>
        <translation>В этом хранилище пока нет клиентов.

Загрузить демо-компанию (менеджеры KAM, более 200 клиентов, три года продаж, привилегии и запросы на исключения), чтобы познакомиться с KAM Desktop?</translation>
    </message>
    <message>
        <source>Loading the demo company…</source>
        <translation>Загрузка демо-компании…</translation>
    </message>
    <message>
        <source>The demo company could not be loaded: %1

Nothing was changed in the data store.</source>
        <translation>Не удалось загрузить демо-компанию: %1

Хранилище данных не изменено.</translation>
    </message>
    <message>
        <source>About KAM Desktop</source>
        <translation>О программе KAM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;KAM Desktop&lt;/b&gt; %1&lt;br&gt;The back office of a key account manager running a B2B loyalty program.</source>
        <translation>&lt;b&gt;KAM Desktop&lt;/b&gt; %1&lt;br&gt;Рабочее место менеджера по ключевым клиентам, ведущего программу лояльности B2B.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation>Локальный файл: %1</translation>
    </message>
    <message>
        <source>Offline · no team server</source>
        <translation>Офлайн · командный сервер не настроен</translation>
    </message>
    <message>
        <source>Offline · never synced</source>
        <translation>Офлайн · синхронизации ещё не было</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n изменение ожидает</numerusform>
            <numerusform>%n изменения ожидают</numerusform>
            <numerusform>%n изменений ожидают</numerusform>
        </translation>
    </message>
    <message>
        <source>KAM Desktop — Portfolio</source>
        <translation>KAM Desktop — портфель клиентов</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Refresh portfolio</source>
        <translation>&amp;Обновить портфель</translation>
    </message>
    <message>
        <source>&amp;Find account…</source>
        <translation>&amp;Найти клиента…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Load &amp;demo data…</source>
        <translation>Загрузить &amp;демо-данные…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Открыть папку &amp;данных</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Открыть папку &amp;журналов</translation>
    </message>
    <message>
        <source>Reset column &amp;layout</source>
        <translation>Сбросить &amp;расположение столбцов</translation>
    </message>
    <message>
        <source>&amp;About KAM Desktop</source>
        <translation>&amp;О программе KAM Desktop</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Неактивный</translation>
    </message>
    <message>
        <source>A · Strategic</source>
        <translation>A · Стратегический</translation>
    </message>
    <message>
        <source>B · Development</source>
        <translation>B · Развитие</translation>
    </message>
    <message>
        <source>C · Volume</source>
        <translation>C · Объёмный</translation>
    </message>
    <message>
        <source>P · Partner</source>
        <translation>P · Партнёр</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Account code from the ERP</source>
        <translation>Код контрагента из ERP</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Client company</source>
        <translation>Компания клиента</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Customer or channel partner</source>
        <translation>Клиент или партнёр по каналу продаж</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Грейд</translation>
    </message>
    <message>
        <source>Grade in force (L1 is the best)</source>
        <translation>Действующий грейд (L1 — высший)</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Strategic segment</source>
        <translation>Стратегический сегмент</translation>
    </message>
    <message>
        <source>LTV 12 m</source>
        <translation>LTV 12 мес.</translation>
    </message>
    <message>
        <source>Net revenue over the last 12 months</source>
        <translation>Чистая выручка за последние 12 месяцев</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Динамика</translation>
    </message>
    <message>
        <source>LTV change against the 12 months before</source>
        <translation>Изменение LTV к предыдущим 12 месяцам</translation>
    </message>
    <message>
        <source>Open benefits</source>
        <translation>Открытые привилегии</translation>
    </message>
    <message>
        <source>Benefits proposed, waiting for approval or active</source>
        <translation>Привилегии предложенные, ожидающие утверждения или активные</translation>
    </message>
    <message>
        <source>Pending exceptions</source>
        <translation>Ожидающие исключения</translation>
    </message>
    <message>
        <source>Policy exception requests in draft or submitted</source>
        <translation>Запросы на исключение из политики: черновики и поданные</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>Would drop a grade after the grace period</source>
        <translation>Понизится в грейде после льготного периода</translation>
    </message>
    <message>
        <source>KAM</source>
        <translation>KAM</translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation>Менеджер по ключевым клиентам</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Sales region</source>
        <translation>Регион продаж</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Account status</source>
        <translation>Статус клиента</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>Дата оценки</translation>
    </message>
    <message>
        <source>Date of the grade evaluation in force</source>
        <translation>Дата действующей оценки грейда</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>%1 (the 12 months before: %2)</source>
        <translation>%1 (предыдущие 12 месяцев: %2)</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 accounts</source>
        <translation>%1 из %2 клиентов</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Сбросить столбцы</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Портфель клиентов</translation>
    </message>
    <message>
        <source>Filter by code, name, KAM or region  (Ctrl+F)</source>
        <translation>Фильтр по коду, названию, KAM или региону  (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Team server:</source>
        <translation>Командный сервер:</translation>
    </message>
    <message>
        <source>Data store:</source>
        <translation>Хранилище данных:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Папка данных:</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Папка журналов:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>A verified backup of the local data file is taken before every database upgrade and kept until the next good start. Use “kamctl backup FILE” for a backup at any time.</source>
        <translation>Перед каждым обновлением базы данных создаётся проверенная резервная копия локального файла данных; она хранится до следующего успешного запуска. Резервную копию в любой момент можно сделать командой «kamctl backup ФАЙЛ».</translation>
    </message>
</context>
</TS>
