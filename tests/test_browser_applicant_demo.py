"""The demo applicant in Chromium: pages at phone widths, nothing typed lost on leaving a step."""

from urllib.parse import urlsplit

import pytest

from home.demo.accounts import DEMO_PASSWORD
from tests.committed_demo import load_committed, same_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    same_worker("site"),
]

WIDTHS = [320, 375]


def applicant_pages(page, url):
    """The demo applicant's pages, found by following links as a person would; each is yielded
    while the browser shows it."""
    seen, queue = [], ["/espace-candidat/", "/compte/profil/"]
    while queue:
        path = queue.pop(0)
        if path in seen or len(seen) >= 25:
            continue
        seen.append(path)
        page.goto(url + path)
        yield path
        for href in page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)"):
            target = urlsplit(href)
            ours = target.netloc == urlsplit(url).netloc
            if (
                ours
                and target.path.startswith(("/espace-candidat/", "/compte/profil"))
                and not target.path.endswith((".pdf", ".csv", "/telecharger/"))
            ):
                queue.append(target.path)


def overflow(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


# The innermost elements that stick out on the right, to say what to fix.
CULPRITS = """() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter(e => e.getBoundingClientRect().right > limit + 1)
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > limit + 1))
        .slice(0, 5)
        .map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "")
             + " " + Math.round(e.getBoundingClientRect().right) + "px");
}"""


def log_in(page, url):
    page.goto(url + "/compte/connexion/")
    page.get_by_label("Adresse électronique").fill("candidat")  # the demo login (README)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(url + "/espace-candidat/")


@pytest.mark.browser
def test_applicant_pages_never_scroll_sideways_on_a_phone(live_server, browser):
    load_committed("site")
    url = live_server.url
    for width in WIDTHS:
        context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800})
        page = context.new_page()
        log_in(page, url)
        paths, wide = [], {}
        for path in applicant_pages(page, url):
            paths.append(path)
            if overflow(page) > 0:
                wide[path] = (overflow(page), page.evaluate(CULPRITS))
        context.close()
        assert len(paths) >= 5, paths  # dashboard, profile, members, steps, recap
        assert wide == {}, f"{width} px: pages wider than the screen (px too wide): {wide}"


@pytest.mark.browser
def test_leaving_a_step_keeps_what_was_typed(live_server, page):
    load_committed("site")
    url = live_server.url
    log_in(page, url)
    page.get_by_role("link", name="Continuer le dossier 2027").click()
    steps = page.get_by_role("navigation", name="Étapes du dossier")
    steps.get_by_role("link").nth(1).click()
    step_url = page.url
    answer = page.locator("form[data-autosave] textarea").first
    answer.fill("Tapé puis parti tout de suite vers l'étape suivante.")
    # Straight to another step, well before the autosave's delay: saved first, then gone.
    steps.get_by_role("link").nth(2).click()
    page.wait_for_url(lambda address: address != step_url)
    page.goto(step_url)
    assert answer.input_value() == "Tapé puis parti tout de suite vers l'étape suivante."

    # Closing the page with a change not yet saved: the browser asks first.
    answer.fill("Encore une modification.")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
