"""Template access to the one answers reader (``candidatures.answers.read_answers``)."""

from django import template

from candidatures.answers import read_answers

register = template.Library()


@register.simple_tag
def dossier_answers(candidature):
    """``{% dossier_answers candidature as sections %}``: sections with typed answers."""
    return read_answers(candidature)
