"""The document register: agreements, annexes and statements issued, signed, verified."""
