"""Demo dossiers and jury work (see `manage.py load_demo`)."""

from candidatures.demo import applicant, jury


def load(stdout=None):
    applicant.load(stdout=stdout)
    jury.load(stdout=stdout)
