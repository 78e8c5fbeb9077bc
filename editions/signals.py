"""Keep the cached record fresh: any change to what the public pages show bumps its version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import cache
from .models import (
    Collectivite,
    CriteriaDomain,
    Edition,
    Level,
    MentionAward,
    MentionType,
    Result,
    renumber_editions,
)


def _year(instance):
    if isinstance(instance, Edition):
        return instance.year
    edition_id = getattr(instance, "edition_id", None)
    if edition_id is None and isinstance(instance, MentionAward):
        edition_id = Result.objects.filter(pk=instance.result_id).values("edition_id")[:1]
    return Edition.objects.filter(pk=edition_id).values_list("year", flat=True).first()


def _on_change(sender, instance, **kwargs):
    year = None
    try:
        year = _year(instance)
    except Exception:  # the parent may already be gone in a cascade delete
        year = None
    extra = []
    if isinstance(instance, Result | MentionAward):
        result = instance if isinstance(instance, Result) else None
        if result is not None and result.collectivite_id:
            slug = (
                Collectivite.objects.filter(pk=result.collectivite_id)
                .values_list("slug", flat=True)
                .first()
            )
            if slug:
                extra.append(Collectivite(slug=slug).get_absolute_url())
    elif isinstance(instance, Collectivite) and instance.slug:
        extra.append(instance.get_absolute_url())
    cache.record_changed(years=[year] if year else [], extra_urls=extra)


for model in (Edition, Level, CriteriaDomain, MentionType, Result, MentionAward, Collectivite):
    receiver(post_save, sender=model, dispatch_uid=f"editions-cache-save-{model.__name__}")(
        _on_change
    )
    receiver(post_delete, sender=model, dispatch_uid=f"editions-cache-del-{model.__name__}")(
        _on_change
    )


@receiver(post_delete, sender=Edition, dispatch_uid="editions-renumber-on-delete")
def _renumber(sender, instance, **kwargs):
    """The later éditions move up one rank (saving an édition renumbers in Edition.save)."""
    renumber_editions()
