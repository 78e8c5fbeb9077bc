"""The Wagtail admin under the production Content-Security-Policy, in real Chromium: a member of
Communication enrols a second factor, then uses the dashboard, the page editor and its image
chooser, a snippet listing and editor, and the image upload, without one CSP violation."""

import io

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from home import roles
from home.tests.security_support import PASSWORD, current_code, member, production_settings
from tests.committed_demo import load_committed

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile}:${event.lineNumber})`
    );
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def production_policies(settings, monkeypatch):
    with production_settings(monkeypatch) as production:
        settings.SECURE_CSP = production.SECURE_CSP
        settings.PERMISSIONS_POLICY = production.PERMISSIONS_POLICY
        settings.SECURITY_2FA_REQUIRED = production.SECURITY_2FA_REQUIRED
    return settings


def png_file(tmp_path):
    path = tmp_path / "photo-ceremonie.png"
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_works_under_the_production_policy(
    live_server, page, production_policies, tmp_path
):
    from home.models import NewsPage

    load_committed("home")
    user = member("s.bernard", roles.COMMUNICATION)
    news = NewsPage.objects.live().first()
    page.add_init_script(LISTEN)
    seen = []

    def visit(path):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        assert "unsafe-eval" not in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        seen.append((path, violations(page)))

    # Login, then the second factor's enrolment (an inline SVG QR code) and recovery codes.
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url("**/admin/2fa/activer/**")
    seen.append(("enrolment", violations(page)))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.fill("input[name=code]", current_code(device))
    page.get_by_role("button", name="Activer").click()
    page.wait_for_url("**/admin/2fa/codes-de-secours/**")
    seen.append(("recovery codes", violations(page)))
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")
    seen.append(("dashboard", violations(page)))

    # The page editor: an existing news item, then a new one and its image chooser (a modal
    # loaded by script).
    visit(f"/admin/pages/{news.pk}/edit/")
    visit(f"/admin/pages/add/home/newspage/{news.get_parent().pk}/")
    page.locator("[data-chooser-action-choose]:visible").first.click()
    page.locator(".modal-content").get_by_role("heading").first.wait_for()
    page.wait_for_load_state("networkidle")
    seen.append(("image chooser", violations(page)))
    page.keyboard.press("Escape")

    visit("/admin/snippets/home/presscontact/")
    visit("/admin/snippets/home/presscontact/add/")

    # Upload an image as the editor does (drag-and-drop page, script-driven upload).
    visit("/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(png_file(tmp_path)))
    page.locator("#upload-list li.upload-success").first.wait_for(timeout=20000)
    seen.append(("image upload", violations(page)))

    # A page of the public site, as the member sees it (with Wagtail's user bar).
    visit(f"{news.url}")
    page.goto("about:blank")  # the editor's last requests (editing sessions) end here
    assert [(where, found) for where, found in seen if found] == []
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []
    assert page.console_errors == []
