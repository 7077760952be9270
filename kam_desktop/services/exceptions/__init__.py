"""Policy-exception requests: request, submit, decide, withdraw, expire, the approvals inbox."""
