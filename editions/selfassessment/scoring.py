"""From answers to a result: per domain where the body stands and what would raise it, and an
indicative level of the édition's scheme. Pure functions over loaded objects (no query).

The rule (documented in docs/self-assessment.md): each answer scores its rank among the
question's answers, from 0 (first) to 1 (last); a domain's score is the mean of its questions;
the overall score is the mean of the domains, so that every domain weighs the same ("the more
criteria, the higher the level"). The indicative level is the level whose share of the scheme
the overall score reaches (ceil(score × number of levels)); the top level also needs every domain
at 75 % or more ("very high involvement in every domain"). No answer above the first: no level.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

STANDINGS = [
    (0.0, _("Pas encore engagé")),
    (0.01, _("Premiers pas")),
    (0.5, _("Pratique régulière")),
    (0.75, _("Pratique avancée")),
    (1.0, _("Pratique exemplaire")),
]
TOP_LEVEL_DOMAIN_FLOOR = 0.75


@dataclass
class Step:
    """One question where the body did not pick the most advanced answer."""

    question: str
    answer: str
    next_answer: str
    advice: str


@dataclass
class DomainResult:
    domain: object
    score: float
    count: int = 0
    steps: list = field(default_factory=list)

    @property
    def percent(self):
        return round(self.score * 100)

    @property
    def standing(self):
        return standing(self.score)


@dataclass
class Result:
    domains: list
    score: float
    level: object  # editions.Level or None
    next_level: object

    @property
    def percent(self):
        return round(self.score * 100)


def standing(score):
    label = STANDINGS[0][1]
    for floor, name in STANDINGS:
        if score >= floor:
            label = name
    return label


def indicative_level(score, domain_scores, levels):
    """The level reached by ``score`` in ``levels`` (ordered lowest first), or None."""
    levels = list(levels)
    if not levels or score <= 0:
        return None
    rank = min(len(levels), max(1, math.ceil(score * len(levels) - 1e-9)))
    if rank == len(levels) and any(s < TOP_LEVEL_DOMAIN_FLOOR for s in domain_scores):
        rank -= 1
    return levels[rank - 1] if rank else None


def assess(questions, answers, levels):
    """``questions``: SelfAssessmentQuestion objects (domain loaded), in display order;
    ``answers``: {question id: index of the chosen answer}; ``levels``: the édition's levels."""
    by_domain = {}
    for question in questions:
        choices = question.choice_list
        index = answers.get(question.pk)
        if index is None or not 0 <= index < len(choices):
            continue
        result = by_domain.setdefault(question.domain_id, DomainResult(question.domain, 0.0))
        result.score += index / (len(choices) - 1)
        result.count += 1
        if index < len(choices) - 1:
            result.steps.append(
                Step(question.label, choices[index], choices[index + 1], question.advice)
            )
    domains = sorted(by_domain.values(), key=lambda d: (d.domain.sort_order or 0, d.domain.pk))
    for domain in domains:
        domain.score /= domain.count
    score = sum(d.score for d in domains) / len(domains) if domains else 0.0
    levels = sorted(levels, key=lambda level: level.number)
    level = indicative_level(score, [d.score for d in domains], levels)
    higher = [lv for lv in levels if level is None or lv.number > level.number]
    return Result(domains, score, level, higher[0] if higher else None)
