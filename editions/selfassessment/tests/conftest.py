import pytest

from tests.base_state import shared_demo


@pytest.fixture
def assessment(db):
    """The demo éditions and the demo self-assessment of 2027 (open on the machine's date),
    loaded once per group of tests (tests/base_state.py)."""
    from editions.demo import load as load_editions
    from editions.selfassessment.demo import load
    from editions.selfassessment.models import SelfAssessment

    if shared_demo.covers("selfassessment"):
        return SelfAssessment.objects.get(edition__year=2027)
    load_editions()
    return load()
