"""Form data of the admin's page editor, as a browser posts it (shared by the editorial tests)."""

from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def news_form(title, date="2026-03-02", **extra):
    """A news item's editor form; ``extra`` adds the action (``action-publish``...) or fields."""
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": date,
            "intro": "Un chapô.",
            "image": "",
            "image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Le texte.</p>"))]),
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
            **extra,
        }
    )
