"""The scoring rule on plain objects (docs/self-assessment.md)."""

from types import SimpleNamespace

from editions.selfassessment.scoring import assess, indicative_level


def levels(*names):
    return [SimpleNamespace(number=n, name=name) for n, name in enumerate(names, start=1)]


FIVE = levels("1", "2", "3", "4", "5")


def question(pk, domain, n=4):
    return SimpleNamespace(
        pk=pk,
        domain_id=domain,
        domain=SimpleNamespace(pk=domain, sort_order=domain),
        label=f"Q{pk}",
        choice_list=[f"c{i}" for i in range(n)],
        advice="",
    )


def test_every_domain_weighs_the_same():
    questions = [question(1, 1), question(2, 1), question(3, 2)]
    result = assess(questions, {1: 3, 2: 3, 3: 0}, FIVE)
    assert [d.score for d in result.domains] == [1.0, 0.0]
    assert result.score == 0.5
    assert result.level.name == "3"  # ceil(0.5 × 5) = 3


def test_the_top_level_needs_every_domain_at_three_quarters():
    assert indicative_level(0.95, [1.0, 0.9], FIVE).name == "5"
    assert indicative_level(0.95, [1.0, 0.7], FIVE).name == "4"


def test_no_engagement_no_level_and_a_next_level():
    result = assess([question(1, 1)], {1: 0}, FIVE)
    assert result.level is None
    assert result.next_level.name == "1"
    assert result.domains[0].steps[0].next_answer == "c1"


def test_a_scheme_without_levels_gives_no_level():
    assert indicative_level(1.0, [1.0], []) is None
