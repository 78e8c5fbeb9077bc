"""No page type's editor form carries a hidden "initial" value (Django adds one for a field with
a callable default); Wagtail does not post it back, so the form always looked changed and
approving from the editor restarted the review instead of publishing (tests/
test_browser_editorial.py clicks it through)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import get_page_models

from home.models import NewsPage, PressReleasePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_no_page_form_field_has_a_hidden_initial(model):
    form_class = model.get_edit_handler().get_form_class()
    hidden = [name for name, field in form_class.base_fields.items() if field.show_hidden_initial]
    assert hidden == []


@pytest.mark.parametrize("model", [NewsPage, PressReleasePage])
def test_a_new_article_is_dated_today_in_the_editor_and_in_code(model, press_index):
    form_class = model.get_edit_handler().get_form_class()
    form = form_class(instance=model(), for_user=None)
    assert form.initial["date"] == timezone.localdate()
    index = (
        press_index
        if model is PressReleasePage
        else press_index.get_parent().get_children().get(slug="actualites")
    )
    page = index.add_child(instance=model(title="Sans date", intro="Chapô"))
    assert page.date == timezone.localdate()
    dated = index.add_child(
        instance=model(title="Daté", intro="Chapô", date=datetime.date(2021, 11, 9))
    )
    assert dated.date == datetime.date(2021, 11, 9)
