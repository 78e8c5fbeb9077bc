"""French grammar of generated text, in one place: elision and contraction before a name
("Labels d'Abbeville", "Dossiers d'Erdeven", "du Havre") and the French plural rule (0 and 1 take
the singular: "0 lauréat", "1 lauréat", "2 lauréats").

The site's strings are French in the source and have no catalogue, so gettext would apply the
English rule (``n != 1``) and print "0 lauréats": ``fr_ngettext`` and the ``fr_form`` filter
choose the form by the French rule while the strings stay translatable.
"""

from django.utils.translation import ngettext

VOWELS = "aàâäeéèêëiîïoôöuùûüyœæAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜYŒÆ"
# "de Le Havre" is "du Havre", "de Les Mureaux" is "des Mureaux" ("de La Tronche" stays).
CONTRACTIONS = (("Le ", "du "), ("Les ", "des "))


def of_name(name):
    """The name after "de": "d'Abbeville", "de Lettret", "du Havre", "des Mureaux".

    An initial "h" is left alone ("de Hautes-Alpes" has an aspirated h; the site cannot tell).
    """
    name = str(name).strip()
    for article, contracted in CONTRACTIONS:
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"d'{name}" if name[:1] in VOWELS else f"de {name}"


def is_plural(count):
    """French rule: the plural starts at 2 (also for negative counts of two or more)."""
    return abs(count) >= 2


def plural_form(count):
    """The count to hand to gettext so that it picks the French form: 1 (singular) or 2."""
    return 2 if is_plural(count) else 1


def fr_ngettext(singular, plural, count):
    return ngettext(singular, plural, plural_form(count))


def choose(count, singular, plural):
    """Untranslated words chosen by the French rule (the press release's own phrasing)."""
    return plural if is_plural(count) else singular
