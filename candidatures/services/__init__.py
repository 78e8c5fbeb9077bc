"""Rules of the applicant space that span several models (bodies, dossiers, submission)."""
