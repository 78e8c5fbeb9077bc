"""No layout shift on a phone: the header is final at the first paint (Lighthouse's CLS).

The menu toggle used to appear at DOMContentLoaded (site.js removing its ``hidden``), which grew
the header and pushed the page down by its height: CLS 0.07 on every page in Lighthouse mobile.
It is now shown by CSS from the first paint whenever JavaScript runs (the ``js`` class).
"""

import pytest

LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_header_does_not_shift_the_page_on_a_phone(live_server, page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/compte/connexion/", wait_until="load")
    assert page.get_by_role("button", name="Menu").is_visible()
    assert page.evaluate(LAYOUT_SHIFT) == 0
    assert page.console_errors == []
