"""Use cases: each opens one transaction, takes and returns domain values, and knows no Qt."""
