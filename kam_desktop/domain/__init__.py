"""Pure business rules of the loyalty program: no Qt, no SQL, no pandas, no I/O."""
