"""Defences of accounts and of the site (docs/security.md): the client address every limit counts
by, login and form throttling, the second factor of admin accounts, session limits, checks."""
