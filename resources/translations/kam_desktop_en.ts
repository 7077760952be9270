<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
