"""The program's rules in force: program terms, commercial policy, exchange rates, our company."""
