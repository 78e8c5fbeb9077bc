import pytest


@pytest.fixture
def assessment(db):
    """The demo éditions and the demo self-assessment of 2027 (open on the machine's date)."""
    from editions.demo import load as load_editions
    from editions.selfassessment.demo import load

    load_editions()
    return load()
