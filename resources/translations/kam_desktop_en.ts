<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BenefitUnits</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message numerus="yes">
        <source>Sent %n page(s) to %1.</source>
        <translation>
            <numerusform>Sent %n page to %1.</numerusform>
            <numerusform>Sent %n pages to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message numerus="yes">
        <source>%n more cap(s) exceeded: a request for each is saved with the same justification.</source>
        <translation>
            <numerusform>%n more cap exceeded: a request for each is saved with the same justification.</numerusform>
            <numerusform>%n more caps exceeded: a request for each is saved with the same justification.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinanceClose</name>
    <message numerus="yes">
        <source>Warning: the grade of %n account(s) was evaluated before the quarter ended; grade the portfolio as of its end.</source>
        <translation>
            <numerusform>Warning: the grade of %n account was evaluated before the quarter ended; grade the portfolio as of its end.</numerusform>
            <numerusform>Warning: the grade of %n accounts was evaluated before the quarter ended; grade the portfolio as of its end.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinanceLiability</name>
    <message numerus="yes">
        <source>%n journal line(s) written to %1; they reconcile with the roll-forward.</source>
        <translation>
            <numerusform>%n journal line written to %1; it reconciles with the roll-forward.</numerusform>
            <numerusform>%n journal lines written to %1; they reconcile with the roll-forward.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxTexts</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) selected</source>
        <translation>
            <numerusform>%n request selected</numerusform>
            <numerusform>%n requests selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
</TS>
