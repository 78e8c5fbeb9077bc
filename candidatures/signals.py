"""Receivers of Wagtail's workflow signals for candidatures (status changes, notifications)."""
