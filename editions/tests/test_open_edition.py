"""``Edition.objects.open()``: the one query of "which édition is open", the same answer as each
édition's ``state()`` for every calendar shape (opening date or not, before, during, after)."""

import datetime

from django.utils import timezone

from editions.models import Edition


def test_open_query_agrees_with_each_editions_state(db):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    calendars = {
        2040: {"call_opens_at": now - day, "deadline": now + day},  # open
        2041: {"call_opens_at": now + day, "deadline": now + 3 * day},  # upcoming
        2042: {"call_opens_at": now - 3 * day, "deadline": now - day},  # under review
        2043: {"deadline": now + day},  # open, no opening date
        2044: {"deadline": now - 2 * day, "results_published_at": now - day},  # published
        2045: {},  # no dates: upcoming
        2046: {"call_opens_at": now - day, "results_published_at": now - 1 * day / 2},
    }
    for year, dates in calendars.items():
        Edition.objects.create(year=year, **dates)
    years = list(Edition.objects.filter(year__gte=2040).open(now).values_list("year", flat=True))
    expected = sorted(
        (e.year for e in Edition.objects.filter(year__gte=2040) if e.accepts_applications(now)),
        reverse=True,
    )
    assert years == expected == [2043, 2040]
