import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from home import search as site_search

SEARCH_PER_PAGE = 10


@never_cache
@require_GET
def health(request):
    """Liveness and readiness for the load balancer: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "erreur", "database": "injoignable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def search(request):
    """Full-text search over every live public page, and the public record's bodies/éditions."""
    query = site_search.normalise(request.GET.get("q", ""))
    page_obj, record_hits = None, []
    terms = site_search.search_terms(query)
    if query:
        anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES
        ids, record_hits = site_search.search(terms, anonymous) if terms else ([], [])
        page_obj = Paginator(ids, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = site_search.shown_pages(list(page_obj.object_list))
        if page_obj.number > 1:
            record_hits = []
    context = {
        "search_query": query,
        "page_obj": page_obj,
        "record_hits": record_hits,
        "filters": urlencode({"q": query}),
    }
    return TemplateResponse(request, "home/search.html", context)


INLINE_MEDIA_TYPES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "application/pdf",
}


@require_GET
def serve_media(request, path):
    """Public media from the default storage, for development and tests only (SERVE_MEDIA).

    Production serves media from S3 or the reverse proxy; private files use another storage.
    """
    try:
        if not default_storage.exists(path):
            raise Http404
        handle = default_storage.open(path, "rb")
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    # Images, PDFs and fonts display inline; anything else (an uploaded SVG or HTML file, say)
    # is a download, so it can never run script in the site's origin.
    inline = content_type in INLINE_MEDIA_TYPES
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to our SVG icon."""
    return redirect(static("img/favicon.svg"), permanent=True)
