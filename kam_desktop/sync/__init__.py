"""Team mode: push (outbox), pull (change cursor), conflicts."""
