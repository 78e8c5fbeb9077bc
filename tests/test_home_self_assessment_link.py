"""The demo's main menu leads to the self-assessment (the seed: "un outil d'auto-évaluation")."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_links_to_the_self_assessment_from_the_main_menu(client, home_page):
    html = client.get("/").content.decode()
    menu = html.split('aria-label="Menu principal"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', menu)
    assert ("/auto-evaluation/", "Auto-évaluation") in links
    hrefs = [href for href, _title in links]
    assert hrefs.index("/auto-evaluation/") + 1 == hrefs.index("/espace-candidat/")
