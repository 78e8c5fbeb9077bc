"""Pagination and GET filters of the index pages: bad input gives a clear message, never a 500."""

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

PER_PAGE = 10


@dataclass
class Listing:
    page_obj: object
    years: list
    year: int | None = None
    tag: str = ""
    tags: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def filtered(self):
        return bool(self.year or self.tag)

    def querystring(self):
        """GET parameters of the active filters, for pagination links."""
        parts = []
        if self.year:
            parts.append(f"annee={self.year}")
        if self.tag:
            parts.append(f"tag={self.tag}")
        return "&".join(parts)


def build_listing(request, queryset, date_field="date", tags=None, per_page=PER_PAGE):
    """Filter ``queryset`` by ``?annee=`` and ``?tag=`` then paginate by ``?page=``.

    An unknown year or tag is reported in ``errors`` (the view answers 400); a page number out
    of range gives the last page, a non-number the first one.
    """
    errors = []
    years = [d.year for d in queryset.dates(date_field, "year", order="DESC")]
    year = None
    raw_year = request.GET.get("annee", "").strip()
    if raw_year:
        if re.fullmatch(r"[0-9]{4}", raw_year) and raw_year != "0000":
            year = int(raw_year)
            queryset = queryset.filter(**{f"{date_field}__year": year})
        else:
            errors.append(_("L'année « %(value)s » n'est pas valide.") % {"value": raw_year[:20]})
    tag = ""
    raw_tag = request.GET.get("tag", "").strip()
    if raw_tag and tags is not None:
        if any(t.slug == raw_tag for t in tags):
            tag = raw_tag
            queryset = queryset.filter(tags__slug=tag).distinct()
        else:
            errors.append(_("Le mot-clé « %(value)s » n'existe pas.") % {"value": raw_tag[:50]})
    paginator = Paginator(queryset, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    return Listing(
        page_obj=page_obj, years=years, year=year, tag=tag, tags=list(tags or []), errors=errors
    )


class FilteredIndexMixin:
    """Index page behaviour: the listing goes in the context, filter errors answer 400."""

    def get_listing_queryset(self):
        raise NotImplementedError

    def get_listing_tags(self):
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = build_listing(
            request, self.get_listing_queryset(), tags=self.get_listing_tags()
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        listing = context.get("listing")
        if listing is not None and listing.errors:
            response.status_code = 400
        return response
