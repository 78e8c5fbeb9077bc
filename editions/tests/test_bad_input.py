"""Bad input gets a clear answer and a 4xx (or is ignored), never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/editions/1999/",
        "/editions/1999/resultats.json",
        "/editions/1999/resultats.csv",
        "/editions/99999999999999999999/",
        "/collectivites/inconnue/",
        "/collectivites/mions/badge-1999.svg",
    ],
)
def test_unknown_things_are_not_found(client, demo, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"niveau": "Niveau 42"},
        {"type": "planete"},
        {"region": "<script>"},
        {"edition": "deux-mille"},
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999"},
        {"q": "x" * 500},
        {"q": "\x00"},
    ],
)
def test_bad_directory_filters_are_ignored_with_a_message(client, demo, query):
    response = client.get("/collectivites/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    if set(query) - {"page"}:
        assert "Valeur ignorée" in html
        assert 'aria-invalid="true"' in html


def test_the_typed_name_is_kept(client, demo):
    html = client.get("/collectivites/", {"q": "Lett", "type": "planete"}).content.decode()
    assert 'value="Lett"' in html
    assert "Lettret" in html
