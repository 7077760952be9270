"""Setting up a store: default rules and the demo company."""
