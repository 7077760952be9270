<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About KAM Desktop</source>
        <translation>О программе KAM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;KAM Desktop&lt;/b&gt; {version}&lt;br&gt;The back office of a key account manager running a B2B loyalty program.</source>
        <translation>&lt;b&gt;KAM Desktop&lt;/b&gt; {version}&lt;br&gt;Рабочее место менеджера по ключевым клиентам, ведущего программу лояльности B2B.</translation>
    </message>
    <message>
        <source>It is built on these libraries, each under its own licence:</source>
        <translation>Программа построена на этих библиотеках, каждая — под своей лицензией:</translation>
    </message>
    <message>
        <source>Bitstream Vera / DejaVu licence (free)</source>
        <translation>лицензия Bitstream Vera / DejaVu (свободная)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
</context>
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
    <name>AccountTables</name>
    <message>
        <source>Booked</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Привилегия</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>договор</translation>
    </message>
    <message>
        <source>annex</source>
        <translation>приложение</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>выписка</translation>
    </message>
    <message>
        <source>DRAFT (waits for approvals)</source>
        <translation>ЧЕРНОВИК (ждёт согласований)</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>выпущен</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>подписан</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>заменён</translation>
    </message>
    <message>
        <source>the account&apos;s language</source>
        <translation>язык клиента</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выпущен</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписан</translation>
    </message>
    <message>
        <source>Client&apos;s signatory</source>
        <translation>Подписант клиента</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Сканы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Политика</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Ожидаемые затраты</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Инициатор</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Client&apos;s total</source>
        <translation>Всего у клиента</translation>
    </message>
    <message>
        <source>Ours, 12 m</source>
        <translation>Наши, 12 мес.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Слот</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>Доля кошелька</translation>
    </message>
    <message>
        <source>Units total</source>
        <translation>Единиц всего</translation>
    </message>
    <message>
        <source>Units slot</source>
        <translation>Слот в единицах</translation>
    </message>
    <message>
        <source>Gathered</source>
        <translation>Собрано</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Достоверность</translation>
    </message>
</context>
<context>
    <name>AccountWorkspace</name>
    <message>
        <source>The account could not be read: {reason}</source>
        <translation>Не удалось прочитать клиента: {reason}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Потенциал</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Привилегии</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Исключения</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Журнал баллов</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
</context>
<context>
    <name>AdjustmentsPane</name>
    <message>
        <source>%1 proposed.</source>
        <translation>%1 предложена.</translation>
    </message>
    <message>
        <source>Above the limit: a second person approves it first.</source>
        <translation>Выше лимита: сначала её утверждает второй сотрудник.</translation>
    </message>
    <message>
        <source>%1 approved.</source>
        <translation>%1 утверждена.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 отклонена.</translation>
    </message>
    <message>
        <source>%1 booked in the ledger.</source>
        <translation>%1 проведена в реестре.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Утвердить</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Провести</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>Показать &amp;все</translation>
    </message>
    <message>
        <source>Propose an adjustment</source>
        <translation>Предложить корректировку</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Единица:</translation>
    </message>
    <message>
        <source>Amount (signed):</source>
        <translation>Сумма (со знаком):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>P&amp;ropose</source>
        <translation>&amp;Предложить</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>KAM Desktop cannot use its data folder {folder}: {reason}

Check that the drive is there, has free space and is not write-protected (a USB stick in portable mode).</source>
        <translation>KAM Desktop не может использовать папку данных {folder}: {reason}

Проверьте, что диск подключён, на нём есть свободное место и он не защищён от записи (флешка в портативном режиме).</translation>
    </message>
    <message>
        <source>KAM Desktop: data folder</source>
        <translation>KAM Desktop: папка данных</translation>
    </message>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: хранилище данных</translation>
    </message>
    <message>
        <source>The key opens the data store. This computer has no password store to keep it in: you will be asked for it at every start (or set KAM_STORE_KEY).</source>
        <translation>Ключ открывает хранилище данных. На этом компьютере нет хранилища паролей, чтобы его сохранить: его придётся вводить при каждом запуске (или задайте KAM_STORE_KEY).</translation>
    </message>
    <message>
        <source>The file was moved aside to {path}; nothing was deleted. KAM Desktop starts with an empty store now: on a team laptop, connect to the team server (File › Connect to team server…) and your data comes back.</source>
        <translation>Файл перенесён в {path}; ничего не удалено. Теперь KAM Desktop запускается с пустым хранилищем данных: на ноутбуке команды подключитесь к серверу команды (Файл › Подключиться к серверу команды…), и ваши данные вернутся.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановить резервную копию</translation>
    </message>
</context>
<context>
    <name>ApprovalsInbox</name>
    <message>
        <source>≈ {amount} in the base currency</source>
        <translation>≈ {amount} в базовой валюте</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Политика</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Ожидаемые затраты</translation>
    </message>
    <message>
        <source>Incremental margin</source>
        <translation>Дополнительная маржа</translation>
    </message>
    <message>
        <source>Account margin 12 m</source>
        <translation>Маржа клиента, 12 мес.</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Использование бюджета</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Инициатор</translation>
    </message>
    <message>
        <source>The inbox could not be read: {reason}</source>
        <translation>Не удалось прочитать входящие: {reason}</translation>
    </message>
    <message>
        <source>Select a request to decide it (Ctrl+click or Shift+click selects several, to decide them with one note).</source>
        <translation>Выберите запрос, чтобы принять решение (Ctrl+щелчок или Shift+щелчок выделяет несколько — одна заметка для всех).</translation>
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
        <translation>Обоснование: {text}</translation>
    </message>
    <message>
        <source>Approve {numbers}? The requester sees your note.</source>
        <translation>Утвердить {numbers}? Автор запроса увидит вашу заметку.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Утвердить</translation>
    </message>
    <message>
        <source>Note (optional): under which condition</source>
        <translation>Заметка (необязательно): на каком условии</translation>
    </message>
    <message>
        <source>{numbers} approved.</source>
        <translation>Утверждено: {numbers}.</translation>
    </message>
    <message>
        <source>{numbers} rejected.</source>
        <translation>Отклонено: {numbers}.</translation>
    </message>
    <message>
        <source>{number} approved at your step; it now waits for {role}.</source>
        <translation>{number} утверждён на вашем этапе; теперь ждёт решения: {role}.</translation>
    </message>
    <message>
        <source>{number} not decided: {reason}</source>
        <translation>{number} не решён: {reason}</translation>
    </message>
    <message>
        <source>Deciding as {login} ({role})</source>
        <translation>Решение принимает {login} ({role})</translation>
    </message>
    <message>
        <source>only the sales director and finance decide exceptions</source>
        <translation>об исключениях решают только директор по продажам и финансы</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>&amp;Открыть клиента</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Утвердить…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Отклонить…</translation>
    </message>
    <message>
        <source>Nothing waits for your decision. Requests the KAMs submit for your role appear here (F5 reads again).</source>
        <translation>Ничто не ждёт вашего решения. Запросы, которые KAM направят вашей роли, появятся здесь (F5 — обновить).</translation>
    </message>
    <message>
        <source>Nothing waits for your decision.</source>
        <translation>Ничто не ждёт вашего решения.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Согласования</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Утвердить</translation>
    </message>
    <message>
        <source>Reject {numbers}? The requester sees the reason in the account&apos;s Exceptions tab.</source>
        <translation>Отклонить {numbers}? Автор запроса увидит причину во вкладке «Исключения» клиента.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Why is it rejected? (required)</source>
        <translation>Почему отклонено? (обязательно)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>Add a benefit</source>
        <translation>Добавить привилегию</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Единица:</translation>
    </message>
    <message>
        <source>Write the value and the cost as numbers.</source>
        <translation>Введите значение и затраты числами.</translation>
    </message>
    <message>
        <source>{kind} exceeds the policy: {requested} asked, the cap is {cap}</source>
        <translation>{kind} выходит за рамки политики: запрошено {requested}, лимит {cap}</translation>
    </message>
    <message>
        <source>Within the commercial policy for {grade}.</source>
        <translation>В рамках коммерческой политики для {grade}.</translation>
    </message>
    <message>
        <source>Save and prepare the &amp;exception request…</source>
        <translation>Сохранить и подготовить &amp;запрос на исключение…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Add and prepare the &amp;exception request…</source>
        <translation>Добавить и подготовить &amp;запрос на исключение…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Edit a benefit</source>
        <translation>Изменение привилегии</translation>
    </message>
    <message>
        <source>&amp;Benefit:</source>
        <translation>&amp;Привилегия:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Значение:</translation>
    </message>
    <message>
        <source>&amp;Cost over a year:</source>
        <translation>&amp;Стоимость за год:</translation>
    </message>
    <message>
        <source>Valid &amp;from – to:</source>
        <translation>Действует &amp;с – по:</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>без даты окончания</translation>
    </message>
</context>
<context>
    <name>BenefitUnits</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenefitsTab</name>
    <message>
        <source>Added within the policy.</source>
        <translation>Добавлено в рамках политики.</translation>
    </message>
    <message>
        <source>Select a benefit first.</source>
        <translation>Сначала выберите привилегию.</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Активно.</translation>
    </message>
    <message>
        <source>Cost vs budget: {committed} committed of {budget} ({share} of the 12-month gross margin {margin} for {grade}) · {use} used</source>
        <translation>Затраты и бюджет: задействовано {committed} из {budget} ({share} валовой маржи за 12 мес. {margin} для {grade}) · использовано {use}</translation>
    </message>
    <message>
        <source>Active: the client may use it (Record usage…).</source>
        <translation>Активна: клиент может ею пользоваться (Записать использование…).</translation>
    </message>
    <message>
        <source>Within the commercial policy: it becomes active when the client signs the annex that lists it, or now with Activate.</source>
        <translation>В рамках коммерческой политики: станет активной, когда клиент подпишет приложение с ней, или сразу кнопкой «Активировать».</translation>
    </message>
    <message>
        <source>Every cap it exceeds is covered by an approved exception: Activate makes it active.</source>
        <translation>Каждый превышенный лимит покрыт утверждённым исключением: «Активировать» сделает её активной.</translation>
    </message>
    <message>
        <source>Not active yet:</source>
        <translation>Пока не активна:</translation>
    </message>
    <message>
        <source>it is {status}: only a proposed or pending benefit becomes active</source>
        <translation>статус «{status}»: активной становится только предложенная или ожидающая привилегия</translation>
    </message>
    <message>
        <source>its exception {number} is {status}</source>
        <translation>её исключение {number} в статусе «{status}»</translation>
    </message>
    <message>
        <source>: “{note}”</source>
        <translation>: «{note}»</translation>
    </message>
    <message>
        <source>{kind}: {requested} is beyond the cap {cap}</source>
        <translation>{kind}: {requested} сверх лимита {cap}</translation>
    </message>
    <message>
        <source>no exception requested yet: ask for one in the Exceptions tab</source>
        <translation>запроса на исключение ещё нет: подайте его во вкладке «Исключения»</translation>
    </message>
    <message>
        <source>{number} was rejected</source>
        <translation>{number} отклонён</translation>
    </message>
    <message>
        <source>{number} waits for {role}</source>
        <translation>{number} ждёт решения: {role}</translation>
    </message>
    <message>
        <source>{number} allows only {allows}</source>
        <translation>{number} разрешает только {allows}</translation>
    </message>
    <message>
        <source>{number} is {status}</source>
        <translation>{number} в статусе «{status}»</translation>
    </message>
    <message>
        <source>Select a proposed or pending benefit to edit it.</source>
        <translation>Выберите предложенную или ожидающую привилегию, чтобы её изменить.</translation>
    </message>
    <message>
        <source>Saved; it waits for an approved exception. Prepare the request below.</source>
        <translation>Сохранено; ждёт утверждённого исключения. Подготовьте запрос ниже.</translation>
    </message>
    <message>
        <source>Saved within the policy.</source>
        <translation>Сохранено в рамках политики.</translation>
    </message>
    <message>
        <source>Select an active benefit to record what the client used.</source>
        <translation>Выберите активную привилегию, чтобы записать, сколько использовал клиент.</translation>
    </message>
    <message>
        <source>Recorded: {used} used so far ({status}).</source>
        <translation>Записано: всего использовано {used} ({status}).</translation>
    </message>
    <message>
        <source>Select a proposed, pending or active benefit to cancel it.</source>
        <translation>Выберите предложенную, ожидающую или активную привилегию, чтобы её отменить.</translation>
    </message>
    <message>
        <source>Cancel a benefit</source>
        <translation>Отмена привилегии</translation>
    </message>
    <message>
        <source>Cancel {benefit} of {code}? It cannot be undone: grant it again to restore it.</source>
        <translation>Отменить «{benefit}» клиента {code}? Это необратимо: чтобы вернуть, предоставьте её заново.</translation>
    </message>
    <message>
        <source>Why is it cancelled? (required)</source>
        <translation>Почему отменяется? (обязательно)</translation>
    </message>
    <message>
        <source>Cancel the &amp;benefit</source>
        <translation>Отменить &amp;привилегию</translation>
    </message>
    <message>
        <source>Not cancelled: {reason}</source>
        <translation>Не отменено: {reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Not activated: {reason}</source>
        <translation>Не активировано: {reason}</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>all benefits</source>
        <translation>все привилегии</translation>
    </message>
    <message>
        <source>open (proposed, waiting, active)</source>
        <translation>открытые (предложенные, ожидающие, активные)</translation>
    </message>
    <message>
        <source>used</source>
        <translation>использованные</translation>
    </message>
    <message>
        <source>expired or cancelled</source>
        <translation>истёкшие или отменённые</translation>
    </message>
    <message>
        <source>&amp;Add benefit…</source>
        <translation>&amp;Добавить привилегию…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Record &amp;usage…</source>
        <translation>Записать &amp;использование…</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>&amp;Активировать</translation>
    </message>
    <message>
        <source>&amp;Cancel benefit…</source>
        <translation>&amp;Отменить привилегию…</translation>
    </message>
    <message>
        <source>No benefits yet. Add one from the catalog (Add benefit…): the commercial policy is checked as you type.</source>
        <translation>Привилегий пока нет. Добавьте из каталога («Добавить привилегию…»): коммерческая политика проверяется по мере ввода.</translation>
    </message>
</context>
<context>
    <name>ClaimsPane</name>
    <message>
        <source>%1 approved.</source>
        <translation>%1 утверждена.</translation>
    </message>
    <message>
        <source>%1 rejected.</source>
        <translation>%1 отклонена.</translation>
    </message>
    <message>
        <source>%1 paid: %2.</source>
        <translation>%1 оплачена: %2.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Transfer reference:</source>
        <translation>Номер платежа:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Утвердить</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Оплатить</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>No logo</source>
        <translation>Без логотипа</translation>
    </message>
    <message>
        <source>(not an image)</source>
        <translation>(не изображение)</translation>
    </message>
    <message>
        <source>Company logo</source>
        <translation>Логотип компании</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Не удаётся прочитать {file}: {reason}</translation>
    </message>
    <message>
        <source>Company on documents</source>
        <translation>Компания в документах</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Signatory:</source>
        <translation>&amp;Подписант:</translation>
    </message>
    <message>
        <source>Signatory&apos;s t&amp;itle:</source>
        <translation>&amp;Должность подписанта:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Веб-сайт:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Логотип:</translation>
    </message>
    <message>
        <source>One line per address line</source>
        <translation>Одна строка на каждую строку адреса</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Вы&amp;брать…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Only a sales director, finance or an admin may change the company identity printed on documents.</source>
        <translation>Реквизиты компании, печатаемые в документах, может изменить только директор по продажам, финансы или администратор.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Re-applied: this laptop&apos;s value goes to the server at the next sync.</source>
        <translation>Применено повторно: значение с этого ноутбука уйдёт на сервер при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Dismissed: the server&apos;s value stays.</source>
        <translation>Отклонено: остаётся значение сервера.</translation>
    </message>
    <message>
        <source>Choose a conflict first.</source>
        <translation>Сначала выберите конфликт.</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <source>&amp;Re-apply mine</source>
        <translation>&amp;Применить моё снова</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>No conflicts: everything this laptop changed reached the server.</source>
        <translation>Конфликтов нет: всё, что изменено на этом ноутбуке, дошло до сервера.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Подключено: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address and your login.</source>
        <translation>Укажите адрес сервера и свой логин.</translation>
    </message>
    <message>
        <source>This computer has no password store: the password is kept until the app closes.</source>
        <translation>На этом компьютере нет хранилища паролей: пароль хранится до закрытия программы.</translation>
    </message>
    <message>
        <source>Connect to team server</source>
        <translation>Подключение к серверу команды</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
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
    <name>Dashboard</name>
    <message>
        <source>Grade</source>
        <translation>Грейд</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Gross margin 12 m</source>
        <translation>Валовая маржа, 12 мес.</translation>
    </message>
    <message>
        <source>Reward cost</source>
        <translation>Затраты на вознаграждения</translation>
    </message>
    <message>
        <source>Cost / margin</source>
        <translation>Затраты / маржа</translation>
    </message>
    <message>
        <source>Computing the program&apos;s figures…</source>
        <translation>Расчёт показателей программы…</translation>
    </message>
    <message>
        <source>Accounts in the program</source>
        <translation>Клиенты в программе</translation>
    </message>
    <message>
        <source>LTV 12 m</source>
        <translation>LTV 12 мес.</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Отток</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>Доля кошелька</translation>
    </message>
    <message>
        <source>where potential was gathered</source>
        <translation>где собран потенциал</translation>
    </message>
    <message>
        <source>Program ROI</source>
        <translation>ROI программы</translation>
    </message>
    <message>
        <source>The figures could not be computed: {reason}</source>
        <translation>Не удалось рассчитать показатели: {reason}</translation>
    </message>
    <message>
        <source>As of {day} · amounts in {currency}</source>
        <translation>На {day} · суммы в {currency}</translation>
    </message>
    <message>
        <source>the accounts of {login}</source>
        <translation>клиенты пользователя {login}</translation>
    </message>
    <message>
        <source>My accounts</source>
        <translation>Мои клиенты</translation>
    </message>
    <message>
        <source>{trend} against the year before</source>
        <translation>{trend} к предыдущему году</translation>
    </message>
    <message>
        <source>{count} accounts without an invoice for {months} months</source>
        <translation>{count} клиентов без счетов {months} мес.</translation>
    </message>
    <message>
        <source>before the program&apos;s operating cost</source>
        <translation>до операционных затрат программы</translation>
    </message>
    <message>
        <source>ROI of my portfolio</source>
        <translation>ROI моего портфеля</translation>
    </message>
    <message>
        <source>millions of {currency}</source>
        <translation>млн {currency}</translation>
    </message>
    <message>
        <source>ROI waterfall</source>
        <translation>Каскад ROI</translation>
    </message>
    <message>
        <source>Cohort retention (share still buying, by quarter since enrolment)</source>
        <translation>Удержание когорт (доля продолжающих покупать, по кварталам с вступления)</translation>
    </message>
    <message>
        <source>Basket before / after enrolment by category</source>
        <translation>Корзина до / после вступления по категориям</translation>
    </message>
    <message>
        <source>12 months before</source>
        <translation>12 месяцев до</translation>
    </message>
    <message>
        <source>12 months after</source>
        <translation>12 месяцев после</translation>
    </message>
    <message>
        <source>growth offers</source>
        <translation>предложения роста</translation>
    </message>
    <message>
        <source>volume offers</source>
        <translation>объёмные предложения</translation>
    </message>
    <message>
        <source>premium offers</source>
        <translation>премиум-предложения</translation>
    </message>
    <message>
        <source>add-ons</source>
        <translation>дополнения</translation>
    </message>
    <message>
        <source>Potential matrix (slot per account)</source>
        <translation>Матрица потенциала (слот по клиенту)</translation>
    </message>
    <message>
        <source>slot in units</source>
        <translation>слот в единицах</translation>
    </message>
    <message>
        <source>slot in thousands of {currency}</source>
        <translation>слот в тыс. {currency}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Панель показателей</translation>
    </message>
    <message>
        <source>My portfolio</source>
        <translation>Мой портфель</translation>
    </message>
    <message>
        <source>Grade vs margin vs reward cost</source>
        <translation>Грейд, маржа и затраты на вознаграждения</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Nothing was printed: the printer did not start.</source>
        <translation>Ничего не напечатано: принтер не запустился.</translation>
    </message>
    <message>
        <source>Printing stopped: the printer refused a page.</source>
        <translation>Печать остановлена: принтер отказался принять страницу.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to %1.</source>
        <translation>
            <numerusform>Отправлена %n страница на %1.</numerusform>
            <numerusform>Отправлено %n страницы на %1.</numerusform>
            <numerusform>Отправлено %n страниц на %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Сохранить документ как</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation>Не сохранено в %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Сохранено как %1.</translation>
    </message>
    <message>
        <source>Opened %1 in the system viewer.</source>
        <translation>%1 открыт в системной программе просмотра.</translation>
    </message>
    <message>
        <source>No PDF viewer opened %1; print here or save it with Save as….</source>
        <translation>Ни одна программа просмотра PDF не открыла %1; напечатайте здесь или сохраните через «Сохранить как…».</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Просмотр: %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Сохранить как…</translation>
    </message>
    <message>
        <source>&amp;Open in viewer</source>
        <translation>&amp;Открыть в программе просмотра</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Not issued: %1</source>
        <translation>Не выпущено: %1</translation>
    </message>
    <message>
        <source>%1 v%2 issued.</source>
        <translation>Выпущен %1 v%2.</translation>
    </message>
    <message>
        <source>%1 v%2 is current already.</source>
        <translation>%1 v%2 уже актуален.</translation>
    </message>
    <message>
        <source>It prints with a DRAFT mark until its benefits are approved.</source>
        <translation>Печатается с отметкой ПРОЕКТ, пока привилегии не утверждены.</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Сначала выберите документ.</translation>
    </message>
    <message>
        <source>Issue a document</source>
        <translation>Выпуск документа</translation>
    </message>
    <message>
        <source>Issue the participation agreement of %1? It gets a number and is kept unchanged in the register.</source>
        <translation>Выпустить договор участия для %1? Он получит номер и будет храниться в реестре без изменений.</translation>
    </message>
    <message>
        <source>Issue the benefit annex of %1? It gets a number and is kept unchanged in the register.</source>
        <translation>Выпустить приложение о льготах для %1? Оно получит номер и будет храниться в реестре без изменений.</translation>
    </message>
    <message>
        <source>Issue the statement of %1 for %2? It gets a number and is kept unchanged in the register.</source>
        <translation>Выпустить выписку для %1 за %2? Она получит номер и будет храниться в реестре без изменений.</translation>
    </message>
    <message>
        <source>Nothing was issued.</source>
        <translation>Ничего не выпущено.</translation>
    </message>
    <message>
        <source>Issue %1 version %2? Version %3 becomes superseded.</source>
        <translation>Выпустить %1 в версии %2? Версия %3 будет заменена.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Нет предпросмотра: %1</translation>
    </message>
    <message>
        <source>%1 is shown in the preview.</source>
        <translation>%1 показан в окне просмотра.</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Не проверено: %1</translation>
    </message>
    <message>
        <source>%1 v%2 is intact: SHA-256 %3 matches the register.</source>
        <translation>%1 v%2 не изменён: SHA-256 %3 совпадает с реестром.</translation>
    </message>
    <message>
        <source>%1 v%2 does NOT match its recorded SHA-256 %3: the stored file changed.</source>
        <translation>%1 v%2 НЕ совпадает с записанным SHA-256 %3: сохранённый файл изменён.</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>Скан подписанного документа</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Сканы (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Scan not attached: %1</source>
        <translation>Скан не приложен: %1</translation>
    </message>
    <message>
        <source>Scan %1 attached to %2.</source>
        <translation>Скан %1 приложен к %2.</translation>
    </message>
    <message>
        <source>No scan: %1</source>
        <translation>Нет скана: %1</translation>
    </message>
    <message>
        <source>%1 has no scan attached.</source>
        <translation>К %1 не приложен скан.</translation>
    </message>
    <message>
        <source>Opened the scan %1.</source>
        <translation>Скан %1 открыт.</translation>
    </message>
    <message>
        <source>No viewer opened the scan; it is saved as %1.</source>
        <translation>Ни одна программа просмотра не открыла скан; он сохранён как %1.</translation>
    </message>
    <message>
        <source>Who signed for the client? Write the name.</source>
        <translation>Кто подписал со стороны клиента? Введите имя.</translation>
    </message>
    <message>
        <source>Not marked signed: %1</source>
        <translation>Не отмечено как подписанное: %1</translation>
    </message>
    <message>
        <source>%1 signed.</source>
        <translation>%1 подписан.</translation>
    </message>
    <message>
        <source>Issue a&amp;greement</source>
        <translation>Выпустить &amp;договор</translation>
    </message>
    <message>
        <source>Issue a&amp;nnex</source>
        <translation>Выпустить &amp;приложение</translation>
    </message>
    <message>
        <source>Issue &amp;statement for</source>
        <translation>Выпустить &amp;выписку за</translation>
    </message>
    <message>
        <source>&amp;Reissue as a new version…</source>
        <translation>Выпустить &amp;новую версию…</translation>
    </message>
    <message>
        <source>&amp;Verify SHA-256</source>
        <translation>&amp;Проверить SHA-256</translation>
    </message>
    <message>
        <source>Attach a scan &amp;later…</source>
        <translation>Приложить скан &amp;позже…</translation>
    </message>
    <message>
        <source>Open s&amp;can</source>
        <translation>Открыть с&amp;кан</translation>
    </message>
    <message>
        <source>&amp;Preview / print…</source>
        <translation>П&amp;росмотр / печать…</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>Отметить подписание</translation>
    </message>
    <message>
        <source>Client&apos;s signatory:</source>
        <translation>Подписант клиента:</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Дата подписания:</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>Скан:</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Приложить скан…</translation>
    </message>
    <message>
        <source>Mark &amp;signed</source>
        <translation>Отметить как &amp;подписанное</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Write the requested value as a number.</source>
        <translation>Введите запрашиваемое значение числом.</translation>
    </message>
    <message>
        <source>Say why: the approver reads the justification first.</source>
        <translation>Укажите причину: согласующий сначала читает обоснование.</translation>
    </message>
    <message>
        <source>Policy exception request</source>
        <translation>Запрос на исключение из политики</translation>
    </message>
    <message>
        <source>Policy cap:</source>
        <translation>Лимит политики:</translation>
    </message>
    <message>
        <source>The cap could not be read: {reason}</source>
        <translation>Не удалось прочитать лимит: {reason}</translation>
    </message>
    <message>
        <source>{cap} for {grade} (policy “{policy}”)</source>
        <translation>{cap} для {grade} (политика «{policy}»)</translation>
    </message>
    <message>
        <source>the requested value is within the cap: no exception is needed</source>
        <translation>запрошенное значение в пределах лимита: исключение не нужно</translation>
    </message>
    <message>
        <source>Write the expected incremental margin as a number, or leave it empty.</source>
        <translation>Введите ожидаемую дополнительную маржу числом или оставьте пустым.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>&amp;Requested value:</source>
        <translation>&amp;Запрошенное значение:</translation>
    </message>
    <message>
        <source>Expected incremental &amp;margin:</source>
        <translation>Ожидаемая дополнительная &amp;маржа:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Действует до:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Обоснование:</translation>
    </message>
    <message>
        <source>The benefit goes beyond the commercial policy; the request is filled in from the check.</source>
        <translation>Привилегия выходит за рамки коммерческой политики; запрос заполнен по результатам проверки.</translation>
    </message>
    <message numerus="yes">
        <source>%n more cap(s) exceeded: a request for each is saved with the same justification.</source>
        <translation>
            <numerusform>Превышен ещё %n лимит: для каждого будет сохранён запрос с тем же обоснованием.</numerusform>
            <numerusform>Превышено ещё %n лимита: для каждого будет сохранён запрос с тем же обоснованием.</numerusform>
            <numerusform>Превышено ещё %n лимитов: для каждого будет сохранён запрос с тем же обоснованием.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Сохранить &amp;черновик</translation>
    </message>
    <message>
        <source>Save and &amp;submit</source>
        <translation>Сохранить и &amp;отправить</translation>
    </message>
</context>
<context>
    <name>ExceptionsTab</name>
    <message>
        <source>sales director</source>
        <translation>директор по продажам</translation>
    </message>
    <message>
        <source>sales director, then finance</source>
        <translation>директор по продажам, затем финансы</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>Маршрут: {route}</translation>
    </message>
    <message>
        <source>✔ Approved by {who} ({role}) on {day}</source>
        <translation>✔ Утвердил(а) {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>✖ Rejected by {who} ({role}) on {day}</source>
        <translation>✖ Отклонил(а) {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>: “{note}”</source>
        <translation>: «{note}»</translation>
    </message>
    <message>
        <source>Now waiting for: {role}</source>
        <translation>Сейчас ожидает: {role}</translation>
    </message>
    <message>
        <source>Withdrawn by the requester.</source>
        <translation>Отозван автором запроса.</translation>
    </message>
    <message>
        <source>Withdrawn by the requester: “{note}”</source>
        <translation>Отозван автором запроса: «{note}»</translation>
    </message>
    <message>
        <source>Select a request to see its justification, the decisions and their notes.</source>
        <translation>Выберите запрос, чтобы увидеть обоснование, решения и заметки к ним.</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>Обоснование: {text}</translation>
    </message>
    <message>
        <source>Saved: {numbers}</source>
        <translation>Сохранено: {numbers}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Отказано: {reason}</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Отозвать…</translation>
    </message>
    <message>
        <source>No policy exception requests for this account yet. When a benefit goes beyond the commercial policy, ask for one here (New request…, Ctrl+N).</source>
        <translation>У клиента пока нет запросов на исключение. Если привилегия выходит за коммерческую политику, подайте запрос здесь («Новый запрос…», Ctrl+N).</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>Отправлено на согласование.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Withdraw {number}? It cannot be submitted again: a new request would be needed.</source>
        <translation>Отозвать {number}? Повторно подать его нельзя: понадобится новый запрос.</translation>
    </message>
    <message>
        <source>Why is it withdrawn? (required)</source>
        <translation>Почему отзывается? (обязательно)</translation>
    </message>
    <message>
        <source>Withdrawn.</source>
        <translation>Отозвано.</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>Сначала выберите запрос.</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Новый запрос…</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>О&amp;тправить</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Ото&amp;звать</translation>
    </message>
</context>
<context>
    <name>Finance</name>
    <message>
        <source>Refused: %1</source>
        <translation>Отказано: %1</translation>
    </message>
    <message>
        <source>late sale</source>
        <translation>поздняя продажа</translation>
    </message>
    <message>
        <source>late return</source>
        <translation>поздний возврат</translation>
    </message>
    <message>
        <source>rebate note</source>
        <translation>кредит-нота</translation>
    </message>
    <message>
        <source>next-invoice discount</source>
        <translation>скидка в следующем счёте</translation>
    </message>
    <message>
        <source>MDF budget</source>
        <translation>бюджет MDF</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>проведена</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачена</translation>
    </message>
    <message>
        <source>rebate</source>
        <translation>ретро-бонус</translation>
    </message>
    <message>
        <source>volume discount</source>
        <translation>скидка за объём</translation>
    </message>
    <message>
        <source>MDF</source>
        <translation>MDF</translation>
    </message>
    <message>
        <source>service budget</source>
        <translation>сервисный бюджет</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>Cashback change</source>
        <translation>Изменение кэшбэка</translation>
    </message>
    <message>
        <source>Points change</source>
        <translation>Изменение баллов</translation>
    </message>
    <message>
        <source>Already spent</source>
        <translation>Уже потрачено</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Owed back</source>
        <translation>К возврату</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Удержано</translation>
    </message>
    <message>
        <source>Carried forward</source>
        <translation>Перенесено</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>Дата оценки</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>С НДС</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Предложил</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Утвердил</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Proofs</source>
        <translation>Подтверждения</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Accrued</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Сторнировано</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Выплачено</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Сгорело</translation>
    </message>
    <message>
        <source>Clawed back</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Корректировки</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Estimated liability</source>
        <translation>Оценка обязательства</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Валовая маржа</translation>
    </message>
    <message>
        <source>Reward cost</source>
        <translation>Стоимость вознаграждений</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
</context>
<context>
    <name>FinanceClose</name>
    <message>
        <source>Closing %1…</source>
        <translation>Закрытие %1…</translation>
    </message>
    <message>
        <source>%1 closed.</source>
        <translation>%1 закрыт.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Отказано: %1</translation>
    </message>
    <message>
        <source>%1 is locked: later corrections are booked in the open period.</source>
        <translation>%1 заблокирован: последующие корректировки проводятся в открытом периоде.</translation>
    </message>
    <message>
        <source>Close a finished quarter: cashback and points for every account, then expiries; late sales and returns of closed quarters are settled too.</source>
        <translation>Закройте завершённый квартал: кэшбэк и баллы по каждому клиенту, затем сгорание; поздние продажи и возвраты закрытых кварталов тоже рассчитываются.</translation>
    </message>
    <message>
        <source>%1: %2 entries for %3 accounts; cashback %4; points %5; %6 expiries.</source>
        <translation>%1: записей: %2 по клиентам: %3; кэшбэк %4; баллы %5; сгораний: %6.</translation>
    </message>
    <message>
        <source>Not graded, skipped: %1</source>
        <translation>Без уровня, пропущены: %1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: the grade of %n account(s) was evaluated before the quarter ended; grade the portfolio as of its end.</source>
        <translation>
            <numerusform>Внимание: уровень %n клиента оценён до конца квартала; оцените портфель на его конец.</numerusform>
            <numerusform>Внимание: уровень %n клиентов оценён до конца квартала; оцените портфель на его конец.</numerusform>
            <numerusform>Внимание: уровень %n клиентов оценён до конца квартала; оцените портфель на его конец.</numerusform>
        </translation>
    </message>
    <message>
        <source>The quarter is locked: what its close still owed was booked in the open period.</source>
        <translation>Квартал заблокирован: то, что его закрытие ещё было должно, проведено в открытом периоде.</translation>
    </message>
    <message>
        <source>Locked quarters: %1</source>
        <translation>Заблокированные кварталы: %1</translation>
    </message>
    <message>
        <source>Quarter close</source>
        <translation>Закрытие квартала</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>Квартал:</translation>
    </message>
    <message>
        <source>&amp;Close the quarter</source>
        <translation>&amp;Закрыть квартал</translation>
    </message>
    <message>
        <source>&amp;Lock the quarter</source>
        <translation>За&amp;блокировать квартал</translation>
    </message>
    <message>
        <source>Late sales and returns settled since the previous close</source>
        <translation>Поздние продажи и возвраты, рассчитанные с прошлого закрытия</translation>
    </message>
    <message>
        <source>Clawbacks</source>
        <translation>Возвраты кэшбэка</translation>
    </message>
    <message>
        <source>Grades older than the quarter&apos;s end</source>
        <translation>Уровни старше конца квартала</translation>
    </message>
</context>
<context>
    <name>FinanceLiability</name>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>Не удалось прочитать данные: %1</translation>
    </message>
    <message>
        <source>Closing per currency: %1. Estimated liability: %2.</source>
        <translation>Конечный остаток по валютам: %1. Оценка обязательства: %2.</translation>
    </message>
    <message>
        <source>In the base currency %1: %2%3.</source>
        <translation>В базовой валюте %1: %2%3.</translation>
    </message>
    <message>
        <source>(covered by %1)</source>
        <translation>(покрывает %1)</translation>
    </message>
    <message>
        <source>Export the accounting journal</source>
        <translation>Выгрузка бухгалтерского журнала</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Отказано: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n journal line(s) written to %1; they reconcile with the roll-forward.</source>
        <translation>
            <numerusform>В %1 записана %n строка журнала; она сходится с движением обязательств.</numerusform>
            <numerusform>В %1 записаны %n строки журнала; они сходятся с движением обязательств.</numerusform>
            <numerusform>В %1 записано %n строк журнала; они сходятся с движением обязательств.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not encrypted (the store is): keep it safe.</source>
        <translation>Файл не зашифрован (в отличие от хранилища данных): храните его в надёжном месте.</translation>
    </message>
    <message>
        <source>Reward liability</source>
        <translation>Обязательства по вознаграждениям</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Points in money</source>
        <translation>Баллы в деньгах</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>&amp;Export journal…</source>
        <translation>&amp;Выгрузить журнал…</translation>
    </message>
    <message>
        <source>Reward cost against gross margin</source>
        <translation>Стоимость вознаграждений против валовой маржи</translation>
    </message>
    <message>
        <source>Open the account to request an exception</source>
        <translation>Открыть клиента, чтобы запросить исключение</translation>
    </message>
</context>
<context>
    <name>FinanceMenu</name>
    <message>
        <source>Fi&amp;nance</source>
        <translation>&amp;Финансы</translation>
    </message>
    <message>
        <source>&amp;Exchange rates…</source>
        <translation>&amp;Курсы валют…</translation>
    </message>
    <message>
        <source>&amp;Import history and reversals…</source>
        <translation>&amp;История импорта и отмены…</translation>
    </message>
    <message>
        <source>Quarter &amp;close and lock…</source>
        <translation>&amp;Закрытие и блокировка квартала…</translation>
    </message>
    <message>
        <source>&amp;Settlement: payouts, adjustments, MDF</source>
        <translation>&amp;Расчёты: выплаты, корректировки, MDF</translation>
    </message>
    <message>
        <source>&amp;Liability, journal export and economics</source>
        <translation>&amp;Обязательства, выгрузка журнала и экономика</translation>
    </message>
    <message>
        <source>Quarter close</source>
        <translation>Закрытие квартала</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Расчёты</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Обязательства</translation>
    </message>
</context>
<context>
    <name>FinanceSettlement</name>
    <message>
        <source>Settlement</source>
        <translation>Расчёты</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Выплаты</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Корректировки</translation>
    </message>
    <message>
        <source>MDF claims</source>
        <translation>Заявки MDF</translation>
    </message>
</context>
<context>
    <name>FxRates</name>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Курс</translation>
    </message>
</context>
<context>
    <name>FxRatesDialog</name>
    <message>
        <source>Write the rate as a positive number.</source>
        <translation>Введите курс положительным числом.</translation>
    </message>
    <message>
        <source>1 {currency} = {rate} {base} from {day}.</source>
        <translation>1 {currency} = {rate} {base} с {day}.</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Курсы валют</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Курс:</translation>
    </message>
    <message>
        <source>From &amp;day:</source>
        <translation>С &amp;даты:</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>&amp;Добавить курс</translation>
    </message>
    <message>
        <source>No exchange rates yet. Add the rate of each currency your clients pay in: grades and KPIs count every account in the base currency.</source>
        <translation>Курсов валют пока нет. Добавьте курс каждой валюты, в которой платят клиенты: грейды и показатели считают каждого клиента в базовой валюте.</translation>
    </message>
    <message>
        <source>Only finance and the administrator set exchange rates.</source>
        <translation>Курсы валют устанавливают только финансы и администратор.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>KAM Desktop — user guide</source>
        <translation>KAM Desktop — руководство</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of KAM Desktop.</source>
        <translation>В этой копии KAM Desktop нет руководства.</translation>
    </message>
    <message>
        <source>*This guide is not translated yet; here it is in English.*</source>
        <translation>*Это руководство ещё не переведено; вот английская версия.*</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Invoice lines</source>
        <translation>Строки счетов</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Потенциал</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Opening balances</source>
        <translation>Начальные остатки</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 с BOM</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250 (центральноевропейская)</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (кириллица)</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Точка с запятой ;</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Запятая ,</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>Vertical bar |</source>
        <translation>Вертикальная черта |</translation>
    </message>
    <message>
        <source>Decimal comma 1,5</source>
        <translation>Десятичная запятая 1,5</translation>
    </message>
    <message>
        <source>Decimal point 1.5</source>
        <translation>Десятичная точка 1.5</translation>
    </message>
    <message>
        <source>Year first (2026-02-03)</source>
        <translation>Сначала год (2026-02-03)</translation>
    </message>
    <message>
        <source>Day first (03.02.2026)</source>
        <translation>Сначала день (03.02.2026)</translation>
    </message>
    <message>
        <source>Month first (02/03/2026)</source>
        <translation>Сначала месяц (02/03/2026)</translation>
    </message>
    <message>
        <source>accounts created</source>
        <translation>клиентов создано</translation>
    </message>
    <message>
        <source>accounts updated</source>
        <translation>клиентов обновлено</translation>
    </message>
    <message>
        <source>accounts unchanged</source>
        <translation>клиентов без изменений</translation>
    </message>
    <message>
        <source>contacts created</source>
        <translation>контактов создано</translation>
    </message>
    <message>
        <source>contacts updated</source>
        <translation>контактов обновлено</translation>
    </message>
    <message>
        <source>contacts unchanged</source>
        <translation>контактов без изменений</translation>
    </message>
    <message>
        <source>potential slots created</source>
        <translation>позиций потенциала создано</translation>
    </message>
    <message>
        <source>potential slots updated</source>
        <translation>позиций потенциала обновлено</translation>
    </message>
    <message>
        <source>potential slots unchanged</source>
        <translation>позиций потенциала без изменений</translation>
    </message>
    <message>
        <source>invoice lines added</source>
        <translation>строк счетов добавлено</translation>
    </message>
    <message>
        <source>invoice lines already there</source>
        <translation>строк счетов уже было</translation>
    </message>
    <message>
        <source>opening balances booked</source>
        <translation>начальных остатков проведено</translation>
    </message>
    <message>
        <source>opening balances already there</source>
        <translation>начальных остатков уже было</translation>
    </message>
    <message>
        <source>categories created</source>
        <translation>категорий создано</translation>
    </message>
    <message>
        <source>KAM users created</source>
        <translation>пользователей KAM создано</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Чтение и проверка файла…</translation>
    </message>
    <message>
        <source>Writing to the data store…</source>
        <translation>Запись в базу данных…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>Detected: {value}</source>
        <translation>Определено: {value}</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Выберите файл для импорта</translation>
    </message>
    <message>
        <source>ERP/CRM exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Выгрузки ERP/CRM (*.csv *.txt *.xlsx *.xlsm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Type a name for the mapping profile: nothing was saved.</source>
        <translation>Введите имя профиля сопоставления: ничего не сохранено.</translation>
    </message>
    <message>
        <source>Save as mapping profile</source>
        <translation>Сохранить как профиль сопоставления</translation>
    </message>
    <message>
        <source>Name of the mapping profile (e.g. our ERP&apos;s monthly export):</source>
        <translation>Имя профиля сопоставления (например, ежемесячная выгрузка из нашей ERP):</translation>
    </message>
    <message>
        <source>No errors: ready to import.</source>
        <translation>Ошибок нет: можно импортировать.</translation>
    </message>
    <message>
        <source>The file has no data rows.</source>
        <translation>В файле нет строк с данными.</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>ничего нового</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Импорт отменён: ничего не записано.</translation>
    </message>
    <message>
        <source>The saved mapping profiles could not be read: {reason}</source>
        <translation>Не удалось прочитать сохранённые профили сопоставления: {reason}</translation>
    </message>
    <message>
        <source>A mapping profile named “{name}” already exists: nothing was saved.</source>
        <translation>Профиль сопоставления «{name}» уже существует: ничего не сохранено.</translation>
    </message>
    <message>
        <source>The mapping profile could not be saved: {reason}</source>
        <translation>Не удалось сохранить профиль сопоставления: {reason}</translation>
    </message>
    <message>
        <source>Saved the mapping profile “{name}”.</source>
        <translation>Профиль сопоставления «{name}» сохранён.</translation>
    </message>
    <message>
        <source>A mapping profile named “{name}” already exists. Replace it?</source>
        <translation>Профиль сопоставления «{name}» уже существует. Заменить его?</translation>
    </message>
    <message>
        <source>The file could not be previewed: {reason}</source>
        <translation>Не удалось показать файл: {reason}</translation>
    </message>
    <message>
        <source>Errors ({count})</source>
        <translation>Ошибки ({count})</translation>
    </message>
    <message>
        <source>New names ({count})</source>
        <translation>Новые имена ({count})</translation>
    </message>
    <message>
        <source>Not imported: {columns}</source>
        <translation>Не импортируются: {columns}</translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation>Импортируется каждый столбец.</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}.</source>
        <translation>Выберите столбец для: {fields}.</translation>
    </message>
    <message>
        <source>{count} rows read.</source>
        <translation>Прочитано строк: {count}.</translation>
    </message>
    <message>
        <source>{count} errors: fix the file (or the reading options or the column mapping) and preview again; nothing can be imported until there are none.</source>
        <translation>Ошибок: {count}. Исправьте файл (или настройки чтения, или сопоставление столбцов) и обновите просмотр; импорт возможен только без ошибок.</translation>
    </message>
    <message>
        <source>New categories: {names}.</source>
        <translation>Новые категории: {names}.</translation>
    </message>
    <message>
        <source>New owners: {names}.</source>
        <translation>Новые менеджеры: {names}.</translation>
    </message>
    <message>
        <source>The file names no category or person this store does not know.</source>
        <translation>В файле нет категорий или людей, неизвестных этой базе.</translation>
    </message>
    <message>
        <source>Say what each new name is before importing: {names}. A name like an existing one is never added as a near-duplicate; only an administrator adds people.</source>
        <translation>Перед импортом укажите, что означает каждое новое имя: {names}. Имя, похожее на существующее, никогда не добавляется как почти-дубликат; людей добавляет только администратор.</translation>
    </message>
    <message>
        <source>Every new name is decided: mapped to an existing one, or added as new.</source>
        <translation>По каждому новому имени есть решение: сопоставлено с существующим или добавлено как новое.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} conflicts with the data store.</source>
        <translation>Ничего не импортировано: конфликтов с базой данных: {count}.</translation>
    </message>
    <message>
        <source>Imported {count} rows from {file}: {what}.</source>
        <translation>Импортировано строк: {count} из файла {file}: {what}.</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: {reason}</source>
        <translation>Импорт не удался, ничего не записано: {reason}</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>Просмотр отменён.</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Импорт файла</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <source>Choose a CSV or XLSX export…</source>
        <translation>Выберите выгрузку CSV или XLSX…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Профиль:</translation>
    </message>
    <message>
        <source>None: match headers by name</source>
        <translation>Нет: сопоставлять заголовки по названиям</translation>
    </message>
    <message>
        <source>A saved mapping profile: reading options and the header of each column, for an export that comes in the same shape every time</source>
        <translation>Сохранённый профиль сопоставления: параметры чтения и заголовок каждого столбца — для выгрузки, которая каждый раз приходит в одном и том же виде</translation>
    </message>
    <message>
        <source>&amp;Save as profile…</source>
        <translation>&amp;Сохранить как профиль…</translation>
    </message>
    <message>
        <source>Save these reading options and this column mapping as a mapping profile of the format</source>
        <translation>Сохранить эти параметры чтения и это сопоставление столбцов как профиль сопоставления формата</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <source>Decimal &amp;mark:</source>
        <translation>&amp;Десятичный знак:</translation>
    </message>
    <message>
        <source>Date &amp;order:</source>
        <translation>П&amp;орядок даты:</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Первые строки</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Сопоставление столбцов</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Account code</source>
        <translation>Код клиента</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Kind (customer or partner)</source>
        <translation>Вид (клиент или партнёр)</translation>
    </message>
    <message>
        <source>KAM (login)</source>
        <translation>KAM (логин)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Дата вступления</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Номер счёта</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>Номер строки</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Дата счёта</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Категория продуктов</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Сумма нетто</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Валовая маржа</translation>
    </message>
    <message>
        <source>Client&apos;s total (units)</source>
        <translation>Общий объём клиента (штуки)</translation>
    </message>
    <message>
        <source>Client&apos;s total (money)</source>
        <translation>Общий объём клиента (сумма)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Gathered on</source>
        <translation>Дата сбора</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Cashback balance</source>
        <translation>Остаток кэшбэка</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Остаток баллов</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Сгорает</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>reversed by {id}</source>
        <translation>отменён импортом {id}</translation>
    </message>
    <message>
        <source>reverses {id}: {reason}</source>
        <translation>отменяет {id}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Reverse import {id} of {file} ({lines} rows)? Its lines stay in the store; a linked batch of negated lines is added and the portfolio&apos;s figures change.</source>
        <translation>Отменить импорт {id} файла {file} (строк: {lines})? Его строки остаются в базе; добавляется связанная партия строк с обратным знаком, и показатели портфеля изменятся.</translation>
    </message>
    <message>
        <source>Reversed: {lines} lines undone by import {id}.</source>
        <translation>Отменено: отменённых строк: {lines}, импорт {id}.</translation>
    </message>
    <message>
        <source>Its lines fall in locked quarters ({quarters}): settled in the open period.</source>
        <translation>Его строки относятся к закрытым кварталам ({quarters}): учтены в открытом периоде.</translation>
    </message>
    <message>
        <source>Reverse import</source>
        <translation>Отмена импорта</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>История импорта</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>why this import is undone (kept in the audit log)</source>
        <translation>почему импорт отменяется (сохраняется в журнале аудита)</translation>
    </message>
    <message>
        <source>Re&amp;verse import…</source>
        <translation>&amp;Отменить импорт…</translation>
    </message>
    <message>
        <source>No imports yet. Files are imported with File › Import.</source>
        <translation>Импортов пока нет. Файлы импортируются через Файл › Импорт.</translation>
    </message>
</context>
<context>
    <name>InboxTexts</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) selected</source>
        <translation>
            <numerusform>выбран %n запрос</numerusform>
            <numerusform>выбрано %n запроса</numerusform>
            <numerusform>выбрано %n запросов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>proposed</source>
        <translation>предложена</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>ожидает согласования</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>used</source>
        <translation>использована</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истекла</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждён</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>отозван</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>скидка</translation>
    </message>
    <message>
        <source>payment terms</source>
        <translation>отсрочка платежа</translation>
    </message>
    <message>
        <source>benefit budget</source>
        <translation>бюджет привилегий</translation>
    </message>
    <message>
        <source>gift value</source>
        <translation>стоимость подарка</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>key account manager</source>
        <translation>менеджер по ключевым клиентам</translation>
    </message>
    <message>
        <source>sales director</source>
        <translation>директор по продажам</translation>
    </message>
    <message>
        <source>finance</source>
        <translation>финансы</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>purchasing</source>
        <translation>закупки</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>операции</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>техника</translation>
    </message>
    <message>
        <source>management</source>
        <translation>руководство</translation>
    </message>
    <message>
        <source>accrual</source>
        <translation>начисление</translation>
    </message>
    <message>
        <source>redemption</source>
        <translation>списание</translation>
    </message>
    <message>
        <source>expiry</source>
        <translation>сгорание</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>сторно</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>корректировка</translation>
    </message>
    <message>
        <source>points</source>
        <translation>баллы</translation>
    </message>
    <message>
        <source>cashback</source>
        <translation>кэшбэк</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>анкета</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>интервью</translation>
    </message>
    <message>
        <source>client&apos;s sales books</source>
        <translation>книги продаж клиента</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>оценка</translation>
    </message>
    <message>
        <source>high units, high money: growth offers</source>
        <translation>много единиц, большая сумма: предложения роста</translation>
    </message>
    <message>
        <source>high units, low money: volume offers</source>
        <translation>много единиц, малая сумма: объёмные предложения</translation>
    </message>
    <message>
        <source>low units, high money: premium offers</source>
        <translation>мало единиц, большая сумма: премиум-предложения</translation>
    </message>
    <message>
        <source>low units, low money: add-ons</source>
        <translation>мало единиц, малая сумма: дополнения</translation>
    </message>
    <message>
        <source>baseline margin</source>
        <translation>базовая маржа</translation>
    </message>
    <message>
        <source>incremental margin</source>
        <translation>дополнительная маржа</translation>
    </message>
    <message>
        <source>reward cost</source>
        <translation>вознаграждения</translation>
    </message>
    <message>
        <source>operating cost</source>
        <translation>операционные затраты</translation>
    </message>
    <message>
        <source>net result</source>
        <translation>чистый результат</translation>
    </message>
    <message>
        <source>increment against the control group (accounts not enrolled)</source>
        <translation>прирост относительно контрольной группы (клиенты вне программы)</translation>
    </message>
    <message>
        <source>increment against the accounts&apos; own prior-year trend</source>
        <translation>прирост относительно собственного тренда клиентов за прошлый год</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дни</translation>
    </message>
    <message>
        <source>money</source>
        <translation>деньги</translation>
    </message>
    <message>
        <source>units</source>
        <translation>единицы</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Balance: {cashback} cashback · {points} points</source>
        <translation>Баланс: {cashback} кэшбэк · {points} баллов</translation>
    </message>
    <message>
        <source>{amount} {unit} expire on {day}</source>
        <translation>{amount} {unit} сгорает {day}</translation>
    </message>
    <message>
        <source>Expiry schedule: {lines}</source>
        <translation>График сгорания: {lines}</translation>
    </message>
    <message>
        <source>Nothing is due to expire.</source>
        <translation>Ничего не сгорает.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Загрузка портфеля…</translation>
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
        <source>Open an account first: its agreement, annexes and statements print from its Documents tab.</source>
        <translation>Сначала откройте клиента: договор, приложения и выписки печатаются с его вкладки «Документы».</translation>
    </message>
    <message>
        <source>This laptop&apos;s data store is encrypted now.</source>
        <translation>Хранилище данных этого ноутбука теперь зашифровано.</translation>
    </message>
    <message>
        <source>No backup was made: {reason}</source>
        <translation>Резервная копия не создана: {reason}</translation>
    </message>
    <message>
        <source>A verified backup was written to {path}.</source>
        <translation>Проверенная резервная копия записана в {path}.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>KAM Desktop backups (*.sqlite)</source>
        <translation>Резервные копии KAM Desktop (*.sqlite)</translation>
    </message>
    <message>
        <source>Replace all the data with the backup {path}? The current content is saved first.</source>
        <translation>Заменить все данные резервной копией {path}? Текущее содержимое будет предварительно сохранено.</translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}</source>
        <translation>Резервная копия не восстановлена: {reason}</translation>
    </message>
    <message>
        <source>Restored from {path}; the previous content was saved to {safety}.</source>
        <translation>Восстановлено из {path}; прежнее содержимое сохранено в {safety}.</translation>
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
        <source>The file is not encrypted (the store is): keep it safe.</source>
        <translation>Файл не зашифрован (в отличие от хранилища данных): храните его в надёжном месте.</translation>
    </message>
    <message>
        <source>The folder could not be opened here. Its path was copied to the clipboard:
{path}</source>
        <translation>Не удалось открыть папку. Её путь скопирован в буфер обмена:
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
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
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>Last sync: {day} {time}</source>
        <translation>Последняя синхронизация: {day} {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n изменение ожидает</numerusform>
            <numerusform>%n изменения ожидают</numerusform>
            <numerusform>%n изменений ожидают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n конфликт</numerusform>
            <numerusform>%n конфликта</numerusform>
            <numerusform>%n конфликтов</numerusform>
        </translation>
    </message>
    <message>
        <source>KAM Desktop — Portfolio (portable)</source>
        <translation>KAM Desktop — портфель клиентов (портативная версия)</translation>
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
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Issue quarterly &amp;statements…</source>
        <translation>Выпустить квартальные &amp;выписки…</translation>
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
        <source>Back &amp;up now</source>
        <translation>Создать &amp;резервную копию</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
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
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;Export the portfolio view…</source>
        <translation>&amp;Экспортировать вид портфеля…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Переход</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>Act &amp;as</source>
        <translation>Действовать &amp;как</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>&amp;Открыть клиента</translation>
    </message>
    <message>
        <source>&amp;New exception request…</source>
        <translation>&amp;Новый запрос на исключение…</translation>
    </message>
    <message>
        <source>&amp;Print documents…</source>
        <translation>&amp;Печать документов…</translation>
    </message>
    <message>
        <source>S&amp;ync with the team server</source>
        <translation>&amp;Синхронизировать с сервером команды</translation>
    </message>
    <message>
        <source>&amp;Connect to team server…</source>
        <translation>&amp;Подключиться к серверу команды…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>&amp;Конфликты синхронизации…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>&amp;Портфель клиентов</translation>
    </message>
    <message>
        <source>&amp;Approvals inbox</source>
        <translation>&amp;Входящие на согласование</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Панель &amp;показателей</translation>
    </message>
    <message>
        <source>The share of wallet and slot values could not be read: {reason}</source>
        <translation>Не удалось прочитать долю кошелька и стоимость слотов: {reason}</translation>
    </message>
    <message>
        <source>The portfolio could not be loaded: {reason}</source>
        <translation>Не удалось загрузить портфель: {reason}</translation>
    </message>
    <message>
        <source>Accounts: {shown} / {total}</source>
        <translation>Клиенты: {shown} / {total}</translation>
    </message>
    <message>
        <source>This laptop is not connected to a team server yet.</source>
        <translation>Этот ноутбук ещё не подключён к серверу команды.</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Синхронизация с сервером команды…</translation>
    </message>
    <message>
        <source>Synced: {pushed} sent, {pulled} received, {conflicts} new conflicts.</source>
        <translation>Синхронизировано: отправлено {pushed}, получено {pulled}, новых конфликтов: {conflicts}.</translation>
    </message>
    <message>
        <source>This laptop&apos;s data store is not encrypted yet (no password store on this computer, the store was busy, or converting it failed): it is tried again at the next sync.</source>
        <translation>Хранилище данных этого ноутбука ещё не зашифровано (на компьютере нет хранилища паролей, хранилище было занято, или его преобразование не удалось): попытка повторится при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Not synced: {reason}</source>
        <translation>Не синхронизировано: {reason}</translation>
    </message>
    <message>
        <source>Acting as: {name}</source>
        <translation>Действуете как: {name}</translation>
    </message>
    <message>
        <source>&amp;My portfolio dashboard</source>
        <translation>&amp;Панель моего портфеля</translation>
    </message>
    <message>
        <source>The demo company could not be loaded: {reason}

Nothing was changed in the data store.</source>
        <translation>Не удалось загрузить демо-компанию: {reason}

Хранилище данных не изменено.</translation>
    </message>
    <message>
        <source>Open the account (in the portfolio or the search box)</source>
        <translation>Открыть клиента (в портфеле или поле поиска)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>From the search box to the first result</source>
        <translation>Из поля поиска к первому результату</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Стрелка вниз</translation>
    </message>
    <message>
        <source>Copy the selected accounts</source>
        <translation>Копировать выбранных клиентов</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Export the portfolio view</source>
        <translation>Экспорт вида портфеля</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>{count} accounts exported to {file}.</source>
        <translation>Экспортировано клиентов: {count} в файл {file}.</translation>
    </message>
    <message>
        <source>The view was not exported: {reason}</source>
        <translation>Вид не экспортирован: {reason}</translation>
    </message>
    <message>
        <source>Server: {location}</source>
        <translation>Сервер: {location}</translation>
    </message>
    <message>
        <source>Local file: {name}</source>
        <translation>Локальный файл: {name}</translation>
    </message>
    <message>
        <source>&amp;What-if simulator…</source>
        <translation>&amp;Симулятор «что если»…</translation>
    </message>
    <message>
        <source>&amp;Grade the portfolio now</source>
        <translation>&amp;Присвоить грейды сейчас</translation>
    </message>
    <message>
        <source>&amp;Close a quarter…</source>
        <translation>Закрыть &amp;квартал…</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <source>“{text}” is not a number: write it like {example}.</source>
        <translation>«{text}» — не число: введите, например, так: {example}.</translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <source>At most {places} decimal places.</source>
        <translation>Не больше {places} знаков после запятой.</translation>
    </message>
    <message>
        <source>At least {minimum}.</source>
        <translation>Не меньше {minimum}.</translation>
    </message>
    <message>
        <source>At most {maximum}.</source>
        <translation>Не больше {maximum}.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>not graded yet</source>
        <translation>грейд ещё не присвоен</translation>
    </message>
    <message>
        <source>at risk: held once by the downgrade grace</source>
        <translation>под угрозой: сохранён один раз благодаря льготному периоду</translation>
    </message>
    <message>
        <source>gross margin</source>
        <translation>валовая маржа</translation>
    </message>
    <message>
        <source>net revenue</source>
        <translation>чистая выручка</translation>
    </message>
    <message>
        <source>no potential gathered</source>
        <translation>потенциал не собран</translation>
    </message>
    <message>
        <source>Grade the portfolio to see the progress to the next grade.</source>
        <translation>Присвойте грейды портфелю, чтобы увидеть прогресс до следующего грейда.</translation>
    </message>
    <message>
        <source>The best grade: nothing above it.</source>
        <translation>Лучший грейд: выше ничего нет.</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Контактов пока нет.</translation>
    </message>
    <message>
        <source>{amount} ({basis}, 12 months)</source>
        <translation>{amount} ({basis}, 12 месяцев)</translation>
    </message>
    <message>
        <source>{rank} of {population} (top {share})</source>
        <translation>{rank} из {population} (верхние {share})</translation>
    </message>
    <message>
        <source>top {share} for {grade}</source>
        <translation>верхние {share} для {grade}</translation>
    </message>
    <message>
        <source>slot {amount}</source>
        <translation>слот {amount}</translation>
    </message>
    <message>
        <source>Too few accounts for {grade}.</source>
        <translation>Слишком мало клиентов для {grade}.</translation>
    </message>
    <message>
        <source>To {grade}: {gap} more (needs about {needed})</source>
        <translation>До {grade}: не хватает {gap} (нужно около {needed})</translation>
    </message>
    <message>
        <source>LTV trend (thousands of {currency})</source>
        <translation>Тренд LTV (тыс. {currency})</translation>
    </message>
    <message>
        <source>Net revenue per month</source>
        <translation>Чистая выручка за месяц</translation>
    </message>
    <message>
        <source>LTV, trailing 12 months</source>
        <translation>LTV, последние 12 месяцев</translation>
    </message>
    <message>
        <source>Grade and why</source>
        <translation>Грейд и обоснование</translation>
    </message>
    <message>
        <source>Key contacts by role</source>
        <translation>Ключевые контакты по ролям</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Грейд:</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>База:</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <source>Cut-off:</source>
        <translation>Порог:</translation>
    </message>
    <message>
        <source>Previous grade:</source>
        <translation>Предыдущий грейд:</translation>
    </message>
    <message>
        <source>Graded on:</source>
        <translation>Дата оценки:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Potential:</source>
        <translation>Потенциал:</translation>
    </message>
</context>
<context>
    <name>PayoutsPane</name>
    <message>
        <source>%1 booked: %2 to %3 (%4).</source>
        <translation>%1 проведена: %2 для %3 (%4).</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Amount (account&apos;s currency):</source>
        <translation>Сумма (в валюте клиента):</translation>
    </message>
    <message>
        <source>Benefit:</source>
        <translation>Привилегия:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>&amp;Pay out</source>
        <translation>&amp;Выплатить</translation>
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
        <source>Share of wallet</source>
        <translation>Доля кошелька</translation>
    </message>
    <message>
        <source>Our sales over the client&apos;s total spend in the surveyed categories</source>
        <translation>Наши продажи к общим расходам клиента в обследованных категориях</translation>
    </message>
    <message>
        <source>Slot value</source>
        <translation>Стоимость слотов</translation>
    </message>
    <message>
        <source>Potential left to win: the client&apos;s spend beyond our sales, summed over categories</source>
        <translation>Потенциал, который ещё можно получить: расходы клиента сверх наших продаж, по всем категориям</translation>
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
        <source>Churn</source>
        <translation>Отток</translation>
    </message>
    <message>
        <source>No invoice for the program&apos;s churn period</source>
        <translation>Нет счетов в течение периода оттока, заданного программой</translation>
    </message>
    <message>
        <source>Last statement</source>
        <translation>Последняя выписка</translation>
    </message>
    <message>
        <source>Quarter of the latest issued quarterly statement</source>
        <translation>Квартал последней выпущенной квартальной выписки</translation>
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
        <source>Churned</source>
        <translation>Ушёл</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>{amount} (the 12 months before: {previous})</source>
        <translation>{amount} (предыдущие 12 месяцев: {previous})</translation>
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
        <source>Save this filter…</source>
        <translation>Сохранить этот фильтр…</translation>
    </message>
    <message>
        <source>Delete a saved filter</source>
        <translation>Удалить сохранённый фильтр</translation>
    </message>
    <message>
        <source>Save this filter</source>
        <translation>Сохранить этот фильтр</translation>
    </message>
    <message>
        <source>A name for the filter “{text}”:</source>
        <translation>Название фильтра «{text}»:</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts</source>
        <translation>{shown} из {total} клиентов</translation>
    </message>
    <message>
        <source>This data store has no accounts yet.

Import your accounts from the ERP (a CSV or Excel export), or load the demo company to try KAM Desktop first.</source>
        <translation>В этой базе пока нет клиентов.

Импортируйте клиентов из ERP (выгрузка CSV или Excel) или загрузите демо-компанию, чтобы сначала попробовать KAM Desktop.</translation>
    </message>
    <message>
        <source>&amp;Import accounts…</source>
        <translation>&amp;Импортировать клиентов…</translation>
    </message>
    <message>
        <source>No account matches “{text}”.

The search looks in codes, names, KAMs, regions, tax IDs and contacts; every word must match.</source>
        <translation>Ни один клиент не подходит под «{text}».

Поиск идёт по кодам, названиям, KAM, регионам, ИНН и контактам; совпасть должно каждое слово.</translation>
    </message>
    <message>
        <source>&amp;Clear the filter</source>
        <translation>&amp;Сбросить фильтр</translation>
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
        <source>Code, name, tax ID, contact, KAM, region (Ctrl+F)</source>
        <translation>Код, название, ИНН, контакт, KAM, регион (Ctrl+F)</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Сохранённые фильтры</translation>
    </message>
    <message>
        <source>Apply, save or delete a named filter</source>
        <translation>Применить, сохранить или удалить именованный фильтр</translation>
    </message>
    <message>
        <source>Load the &amp;demo company…</source>
        <translation>Загрузить &amp;демо-компанию…</translation>
    </message>
</context>
<context>
    <name>PotentialTab</name>
    <message>
        <source>No potential gathered yet for this account: choose a category on the right, write what the client spends on it in total, and save.</source>
        <translation>По этому клиенту потенциал ещё не собран: выберите категорию справа, введите общие расходы клиента на неё и сохраните.</translation>
    </message>
    <message>
        <source>Slot {slot} of {total} total spend · share of wallet {share} · {quadrant}</source>
        <translation>Слот {slot} из {total} общих расходов · доля кошелька {share} · {quadrant}</translation>
    </message>
    <message>
        <source>Every category already has a slot: select one in the table to correct it.</source>
        <translation>У каждой категории уже есть слот: выберите её в таблице, чтобы исправить.</translation>
    </message>
    <message>
        <source>Client&apos;s total</source>
        <translation>Всего у клиента</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Штуки</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Gathered total</source>
        <translation>Собранный объём</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ка&amp;тегория:</translation>
    </message>
    <message>
        <source>Client&apos;s total &amp;spend:</source>
        <translation>Общие &amp;расходы клиента:</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>&amp;Штуки:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>Ис&amp;точник:</translation>
    </message>
    <message>
        <source>&amp;Gathered on:</source>
        <translation>Дата &amp;сбора:</translation>
    </message>
    <message>
        <source>Con&amp;fidence:</source>
        <translation>&amp;Уверенность:</translation>
    </message>
    <message>
        <source>Add a &amp;category…</source>
        <translation>Добавить &amp;категорию…</translation>
    </message>
    <message>
        <source>No potential gathered yet. Choose a category on the right, write the client&apos;s total spend on it and save: the slot and share of wallet follow.</source>
        <translation>Потенциал ещё не собран. Выберите категорию справа, введите общие расходы клиента и сохраните: слот и доля кошелька посчитаются сами.</translation>
    </message>
    <message>
        <source>Saved. Share of wallet is recalculated.</source>
        <translation>Сохранено. Доля кошелька пересчитана.</translation>
    </message>
    <message>
        <source>&amp;Save slot</source>
        <translation>&amp;Сохранить слот</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Portfolio</source>
        <translation>Портфель клиентов</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Согласования</translation>
    </message>
    <message>
        <source>My portfolio</source>
        <translation>Мой портфель</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Панель показателей</translation>
    </message>
    <message>
        <source>Grading the portfolio…</source>
        <translation>Присвоение грейдов…</translation>
    </message>
    <message>
        <source>Graded {count} accounts as of {day}.</source>
        <translation>Грейды присвоены {count} клиентам на {day}.</translation>
    </message>
    <message>
        <source>Quarter (e.g. {example}):</source>
        <translation>Квартал (например, {example}):</translation>
    </message>
    <message>
        <source>Closing {quarter}…</source>
        <translation>Закрытие {quarter}…</translation>
    </message>
    <message>
        <source>{quarter} closed: {booked} entries booked for {accounts} accounts, {expiries} expiries.</source>
        <translation>{quarter} закрыт: {booked} записей для {accounts} клиентов, {expiries} сгораний.</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Ошибка: {reason}</translation>
    </message>
    <message>
        <source>Close a quarter</source>
        <translation>Закрыть квартал</translation>
    </message>
    <message>
        <source>Another job is still running.</source>
        <translation>Другая задача ещё выполняется.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancelling: the job stops before it writes anything.</source>
        <translation>Отмена: задача остановится, ничего не записав.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The company identity was not saved: {reason}</source>
        <translation>Реквизиты компании не сохранены: {reason}</translation>
    </message>
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
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>SimulatorDialog</name>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Would be</source>
        <translation>Стало бы</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>What-if: grades and cashback</source>
        <translation>Что если: грейды и кэшбэк</translation>
    </message>
    <message>
        <source>Terms to try</source>
        <translation>Условия для проверки</translation>
    </message>
    <message>
        <source>Cut-off (top % of accounts):</source>
        <translation>Порог (верхний % клиентов):</translation>
    </message>
    <message>
        <source>Cashback on revenue:</source>
        <translation>Кэшбэк от выручки:</translation>
    </message>
    <message>
        <source>Cannot simulate: {reason}</source>
        <translation>Невозможно смоделировать: {reason}</translation>
    </message>
    <message>
        <source>The simulation failed: {reason}</source>
        <translation>Моделирование не удалось: {reason}</translation>
    </message>
    <message>
        <source>{up} accounts move up, {down} move down, {same} stay.</source>
        <translation>{up} клиентов повышаются, {down} понижаются, {same} без изменений.</translation>
    </message>
    <message>
        <source>Cashback cost {now} ({now_ratio} of gross margin) → {then} ({then_ratio}) on a margin of {margin}.</source>
        <translation>Затраты на кэшбэк {now} ({now_ratio} валовой маржи) → {then} ({then_ratio}) при марже {margin}.</translation>
    </message>
    <message>
        <source>Accounts per grade</source>
        <translation>Клиенты по грейдам</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>with these terms</source>
        <translation>при этих условиях</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>KAM Desktop is already running for this data folder; its window was brought to the front.</source>
        <translation>KAM Desktop уже запущен для этой папки данных; его окно выведено на передний план.</translation>
    </message>
    <message>
        <source>KAM Desktop is already running for this data folder but did not answer; wait a moment or close it, then start it again.</source>
        <translation>KAM Desktop уже запущен для этой папки данных, но не отвечает; подождите немного или закройте его и запустите снова.</translation>
    </message>
</context>
<context>
    <name>StatementsBatchDialog</name>
    <message>
        <source>Issue the quarterly statements of {quarter} for every account you are responsible for? Each is a legal document with its own number; statements already issued for {quarter} are kept, not issued again.</source>
        <translation>Выпустить квартальные выписки за {quarter} для всех клиентов, за которых вы отвечаете? Каждая — документ со своим номером; уже выпущенные за {quarter} выписки сохраняются и повторно не выпускаются.</translation>
    </message>
    <message>
        <source>Issuing the statements of {quarter}…</source>
        <translation>Выпуск выписок за {quarter}…</translation>
    </message>
    <message>
        <source>Stopping after the current statement…</source>
        <translation>Остановка после текущей выписки…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <source>{quarter}: {issued} issued now, {existing} already issued, {failed} failed.</source>
        <translation>{quarter}: выпущено сейчас: {issued}, выпущено ранее: {existing}, с ошибкой: {failed}.</translation>
    </message>
    <message>
        <source>Stopped: the statements issued so far are kept; start again to issue the rest.</source>
        <translation>Остановлено: уже выпущенные выписки сохранены; запустите снова, чтобы выпустить остальные.</translation>
    </message>
    <message>
        <source>{account}: {reason}</source>
        <translation>{account}: {reason}</translation>
    </message>
    <message>
        <source>Issue statements</source>
        <translation>Выпуск выписок</translation>
    </message>
    <message>
        <source>Issue quarterly statements</source>
        <translation>Выпуск квартальных выписок</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>&amp;Квартал:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Each account&apos;s language</source>
        <translation>Язык каждого клиента</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>польский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Выпустить…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
</context>
<context>
    <name>StoreKeyDialog</name>
    <message>
        <source>KAM Desktop: key of the data store</source>
        <translation>KAM Desktop: ключ хранилища данных</translation>
    </message>
    <message>
        <source>The key of the data store (64 characters, 0-9 and a-f):</source>
        <translation>Ключ хранилища данных (64 символа, 0-9 и a-f):</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <source>KAM Desktop: data store</source>
        <translation>KAM Desktop: хранилище данных</translation>
    </message>
    <message>
        <source>Restore the backup {name}</source>
        <translation>Восстановить резервную копию {name}</translation>
    </message>
    <message>
        <source>The newest verified backup is {path}. The damaged file is kept beside it, not deleted.</source>
        <translation>Самая новая проверенная резервная копия — {path}. Повреждённый файл будет сохранён рядом, а не удалён.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить попытку</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Enter the key…</source>
        <translation>Ввести ключ…</translation>
    </message>
    <message>
        <source>Set the file aside and start afresh</source>
        <translation>Отложить файл и начать заново</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Восстановить резервную копию…</translation>
    </message>
    <message>
        <source>The data on this laptop is encrypted; its key is kept by this computer&apos;s password store (on Windows, the Credential Manager of your user account). If you kept the key elsewhere (your IT department may have it), enter it: it is kept again for the next start.

On a team laptop your data is on the team server: set this file aside, start with an empty store and connect to the server again (File › Connect to team server…); everything you may see comes back. Changes not yet synced stay in the file set aside, which opens only with its key.

A backup opens only if it is not encrypted or you have the key it was made with.</source>
        <translation>Данные на этом ноутбуке зашифрованы; их ключ хранится в хранилище паролей этого компьютера (в Windows — в диспетчере учётных данных вашей учётной записи). Если вы сохранили ключ в другом месте (он может быть у вашего ИТ-отдела), введите его: он снова будет сохранён для следующего запуска.

На ноутбуке команды ваши данные есть на сервере команды: отложите этот файл, начните с пустого хранилища и снова подключитесь к серверу (Файл › Подключиться к серверу команды…); вернётся всё, что вам доступно. Ещё не синхронизированные изменения остаются в отложенном файле, который открывается только его ключом.

Резервная копия откроется, только если она не зашифрована или у вас есть ключ, с которым она сделана.</translation>
    </message>
</context>
<context>
    <name>UsageDialog</name>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>Не записано: {reason}</translation>
    </message>
    <message>
        <source>Record usage</source>
        <translation>Использование привилегии</translation>
    </message>
    <message>
        <source>{benefit}: {used} used of {cost}; {left} left.</source>
        <translation>{benefit}: использовано {used} из {cost}; осталось {left}.</translation>
    </message>
    <message>
        <source>&amp;Amount ({currency}):</source>
        <translation>&amp;Сумма ({currency}):</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Записать</translation>
    </message>
</context>
</TS>
