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
