"""Admin screens of the jury: juror dashboard, dossier reading, evaluation, deliberation."""
