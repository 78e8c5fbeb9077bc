"""The press release of an édition's palmarès, drafted from its public record.

``draft_press_release(edition, user=None)`` writes a draft ``PressReleasePage`` in the press index,
in the words of the 2021 release ("trois candidats", "dix autres"...), and submits it to the
editorial workflow: communication edits and publishes it through the normal review. It is called
when an édition's palmarès is published, from the édition's admin screen ("Préparer le
communiqué") and by ``manage.py draft_press_release YEAR``. A second call returns the page already
drafted for that year (whatever became of it), never a second one.

The record lives here (editions) and the page type in home: editions may import home, not the
reverse, so the generator is on this side.
"""

from functools import partial
from html import escape as html_escape

from django.db import transaction
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from home.models import PressContact, PressReleaseIndexPage, PressReleasePage, SiteIdentity

from .french import choose as plural
from .french import of_name
from .models import CollectiviteKind, Edition
from .records import edition_record

UNITS = [
    *("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    *("onze", "douze", "treize", "quatorze", "quinze", "seize"),
]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}
# The 2021 release varies its verbs from one level to the next.
VERBS = (
    ("a obtenu", "ont obtenu"),
    ("a réussi à décrocher", "ont réussi à décrocher"),
    ("a atteint", "ont atteint"),
)
ADULLACT_PARAGRAPHS = [
    "<p>Créé par l'association ADULLACT et soutenu par plusieurs associations acteurs du Libre, "
    "le label « Territoire Numérique Libre » réunit chaque année les collectivités qui ont fait "
    "le choix de privilégier les usages numériques <b>libres, ouverts et collaboratifs</b>. Ce "
    "label promeut notamment l'utilisation et le développement mutualisé de logiciels libres, "
    "vecteurs d'indépendance, de souveraineté numérique et d'économie d'argent public.</p>",
    "<p>Le label est un outil d'auto-évaluation, mais également un outil de sensibilisation pour "
    "les élus, agents et administrés.</p>",
]


# Names and citations go into text, not attributes: apostrophes stay as typed.
escape = partial(html_escape, quote=False)


class ResultsNotPublic(Exception):
    """The édition's results are still embargoed: nothing to write about yet."""

    def __init__(self, edition):
        super().__init__(
            _("Les résultats de l'édition %(year)s ne sont pas encore publics.")
            % {"year": edition.year}
        )


def in_words(number, feminine=False):
    """A count in French words up to 99 ("trois", "vingt et une"), digits beyond."""
    if number >= 100 or number < 0:
        return str(number)
    if number <= 16:
        word = UNITS[number]
    elif number < 20:
        word = "dix-" + UNITS[number - 10]
    else:
        tens, unit = divmod(number, 10)
        if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...
            tens, unit = tens - 1, unit + 10
        base = TENS[tens]
        if unit == 0:
            word = base + ("s" if tens == 8 else "")
        elif unit in (1, 11) and tens != 8:
            word = f"{base} et {in_words(unit)}"
        else:
            word = f"{base}-{in_words(unit)}"
    if feminine and word.endswith("un"):
        word += "e"
    return word


def ordinal_in_words(number):
    """ "première", "deuxième", "vingt et unième"... (feminine: a participation)."""
    if number == 1:
        return "première"
    word = in_words(number)
    if word.isdigit():
        return f"{word}e"
    if word.endswith("cinq"):
        return word + "uième"
    if word.endswith("neuf"):
        return word[:-1] + "vième"
    if word.endswith("s"):  # quatre-vingts
        word = word[:-1]
    if word.endswith("e"):
        word = word[:-1]
    return word + "ième"


def designation(name, kind):
    """How the 2021 release names a laureate: "la ville d'Abbeville", else the body's name."""
    if kind == CollectiviteKind.COMMUNE:
        return f"la ville {of_name(escape(name))}"
    return escape(name)


def level_phrase(name):
    """ "le niveau 3", or "le niveau « Or »" for the schemes whose levels have names."""
    if name.lower().startswith("niveau"):
        return "le " + escape(name[:1].lower() + name[1:])
    return f"le niveau « {escape(name)} »"


def enumerate_words(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def levels_sentence(groups):
    """Each level below the top one, lowest first: "trois candidats ont obtenu le niveau 2"."""
    parts, previous = [], None
    for number, group in enumerate(groups):
        count = group["count"]
        if count == previous:
            subject = plural(count, "un autre", f"{in_words(count)} autres")
        else:
            subject = plural(count, "un candidat", f"{in_words(count)} candidats")
        verb = plural(count, *VERBS[number % len(VERBS)])
        parts.append(f"<b>{subject}</b> {verb} {level_phrase(group['name'])}")
        previous = count
    return f"Cette année, {enumerate_words(parts)}." if parts else ""


def top_paragraph(group):
    count = group["count"]
    laureates = [
        f"{designation(item['name'], item['kind'])}"
        + (
            f", pour sa {ordinal_in_words(item['participation'])} participation"
            if count == 1
            else f" ({ordinal_in_words(item['participation'])} participation)"
        )
        for item in group["laureates"]
    ]
    subject = plural(count, "une collectivité", f"{in_words(count, feminine=True)} collectivités")
    tail = " au label Territoire Numérique Libre" if count == 1 else ""
    verb = plural(count, "candidate s'est démarquée", "candidates se sont démarquées")
    return (
        f"<p>Pour finir, <b>{subject}</b> {verb} en accédant au niveau le plus élevé, "
        f"{level_phrase(group['name'])} : {enumerate_words(laureates)}{tail}.</p>"
    )


def scheme_sentence(levels):
    names = [level["name"] for level in levels]
    if all(name.lower().startswith("niveau") for name in names):
        return (
            "Après évaluation des dossiers, les candidatures ont été gradées du "
            f"{escape(names[0].lower())} au {escape(names[-1].lower())}. "
        )
    return (
        "Après évaluation des dossiers, les candidatures ont été classées entre les niveaux "
        f"{enumerate_words(f'« {escape(name)} »' for name in names)}. "
    )


def mentions_paragraph(mentions, kinds):
    count = len(mentions)
    awards = [
        f"« <i>{escape(mention['title'])}</i> » à "
        f"{designation(mention['laureate'], kinds.get(mention['slug']))}"
        + (f" (« {escape(mention['citation'].rstrip(' .'))} »)" if mention["citation"] else "")
        for mention in mentions
    ]
    what = plural(
        count, "une mention spéciale", f"{in_words(count, feminine=True)} mentions spéciales"
    )
    return f"<p>Le jury a également décerné <b>{what}</b> : {enumerate_words(awards)}.</p>"


def ceremony_paragraph(edition):
    if not edition.ceremony_date:
        return ""
    with translation.override("fr"):
        when = dateformat.format(edition.ceremony_date, "l j F Y")
    tense = "a eu lieu" if edition.ceremony_date <= timezone.localdate() else "aura lieu"
    place = f" ({escape(edition.ceremony_place)})" if edition.ceremony_place else ""
    return f"<p>La remise des labels Territoire Numérique Libre {tense} {when}{place}.</p>"


def social_paragraph(identity, year):
    if not identity or not identity.twitter_handle:
        return ""
    handle = html_escape(identity.twitter_handle)
    return (
        f'<p>X (Twitter) : <a href="https://x.com/{handle}">@{handle}</a> '
        f'<a href="https://x.com/hashtag/TNL{year}">#TNL{year}</a></p>'
    )


def press_release_text(edition, record, identity=None):
    """The draft's title, chapô and body (rich text) from the record of a published édition."""
    year = edition.year
    summary = record["summary"]
    groups = [group for group in reversed(record["groups"]) if group["count"]]  # lowest first
    levels = sorted(record["groups"], key=lambda group: group["number"])
    kinds = {item["slug"]: item["kind"] for item in record["laureates"]}
    first_year = year - edition.ordinal + 1
    count = summary["candidatures"]
    paragraphs = [
        *ADULLACT_PARAGRAPHS,
        f"<p>Cette année, <b>{count} {plural(count, 'candidature', 'candidatures')}</b> "
        f"{plural(count, 'a été déposée et étudiée', 'ont été déposées et étudiées')} "
        "par un jury de professionnels du numérique et du libre.</p>",
        ceremony_paragraph(edition),
    ]
    if groups:
        paragraphs.append(f"<p>{scheme_sentence(levels)}{levels_sentence(groups[:-1])}</p>")
        paragraphs.append(top_paragraph(groups[-1]))
    if record["mentions"]:
        paragraphs.append(mentions_paragraph(record["mentions"], kinds))
    link = f"Territoire Numérique Libre - Édition {year}"
    paragraphs.append(
        f"<p>Plus de détails sur les résultats de cette {edition.ordinal}e édition : "
        f'<a href="{edition.get_absolute_url()}">{link}</a></p>'
    )
    paragraphs.append(social_paragraph(identity, year))
    return {
        "title": f"« Territoire Numérique Libre » {year}, les résultats sont là !",
        "intro": (
            f"Depuis sa 1re édition en {first_year}, le label Territoire Numérique Libre "
            "récompense les initiatives et politiques en faveur des logiciels libres dans les "
            "collectivités territoriales."
        ),
        "body": "".join(paragraph for paragraph in paragraphs if paragraph),
    }


def drafted_press_release(edition):
    """The page already drafted for this édition's results, if any (live or not)."""
    return PressReleasePage.objects.filter(results_year=edition.year).first()


def draft_press_release(edition, user=None):
    """Draft the press release of ``edition``'s published palmarès; return the page.

    Idempotent: the page drafted earlier for that year is returned as it is (edited, submitted
    or published by communication since). Raises ``ResultsNotPublic`` while the results are
    embargoed, ``PressReleaseIndexPage.DoesNotExist`` when the site has no press index.
    """
    with transaction.atomic():
        # One drafting at a time per édition (two clicks, or the hook and a click).
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        existing = drafted_press_release(edition)
        if existing is not None:
            return existing
        record = edition_record(edition)
        if record is None:
            raise ResultsNotPublic(edition)
        index = PressReleaseIndexPage.objects.get()
        site = index.get_site()
        identity = SiteIdentity.for_site(site) if site else None
        text = press_release_text(edition, record, identity)
        latest = PressReleasePage.objects.exclude(press_contact=None).order_by("-date").first()
        page = index.add_child(
            instance=PressReleasePage(
                title=text["title"],
                slug=find_available_slug(
                    index, f"resultats-territoire-numerique-libre-{edition.year}"
                ),
                date=timezone.localdate(),
                place=(identity.association_seat if identity else "") or "Montpellier",
                intro=text["intro"],
                body=[{"type": "paragraph", "value": text["body"]}],
                press_contact=latest.press_contact if latest else PressContact.objects.first(),
                results_year=edition.year,
                live=False,
            )
        )
        page.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return page
