"""Benefits granted to accounts: the catalog, grants under the policy, activation."""
