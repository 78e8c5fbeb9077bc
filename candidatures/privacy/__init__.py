"""Personal data (RGPD): retention of accounts and closed dossiers (``retention``)."""
