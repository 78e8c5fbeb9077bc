"""Email each juror whose evaluations are missing, in the days before the jury's meeting.

Run daily by cron: ``manage.py remind_jurors`` (``--days 7`` by default; ``--all`` ignores the
date window).
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from candidatures.models import Assignment, CandidatureStatus, Evaluation
from candidatures.notifications import notify_juror_reminder


class Command(BaseCommand):
    help = "Rappelle aux jurés les évaluations manquantes avant la délibération."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--all", action="store_true")

    def handle(self, *args, days=7, all=False, **options):
        today = timezone.localdate()
        assignments = Assignment.objects.filter(
            candidature__status=CandidatureStatus.EVALUATION
        ).select_related("juror", "candidature__collectivite", "candidature__edition")
        if not all:
            assignments = assignments.filter(
                candidature__edition__jury_date__gte=today,
                candidature__edition__jury_date__lte=today + datetime.timedelta(days=days),
            )
        submitted = set(Evaluation.objects.submitted().values_list("candidature_id", "juror_id"))
        missing = {}
        for a in assignments:
            if (a.candidature_id, a.juror_id) not in submitted:
                missing.setdefault(a.juror, []).append(a.candidature)
        for juror, candidatures in missing.items():
            notify_juror_reminder(juror, candidatures, candidatures[0].edition.jury_date)
        self.stdout.write(f"{len(missing)} juré(s) relancé(s).")
