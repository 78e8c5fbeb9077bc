"""Bridge from the process to the public record: a published decision becomes an editions.Result.

When a candidature is published (the workflow's last approval, or a scheduled publication at the
results date), its decision is copied to ``editions.Result`` and its mentions to
``editions.MentionAward``. Unpublishing removes the record. What the public sees is still held back
by the édition's ``results_published_at`` (``Result.objects.public()``).
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from candidatures.models import Candidature, CandidatureStatus
from editions.models import MentionAward, Result


@transaction.atomic
def write_result(candidature):
    """Write (or rewrite) the public record of this candidature's published decision."""
    if candidature.status == CandidatureStatus.WITHDRAWN:
        return remove_result(candidature)
    result, _created = Result.objects.update_or_create(
        edition_id=candidature.edition_id,
        collectivite_id=candidature.collectivite_id,
        defaults={
            "level_id": candidature.decision_level_id,
            "public_comment": candidature.public_comment,
        },
    )
    wanted = [(m.mention_type_id, m.citation) for m in candidature.mentions.all()]
    current = [(a.mention_type_id, a.citation) for a in result.mentions.order_by("pk")]
    if wanted != current:
        result.mentions.all().delete()
        MentionAward.objects.bulk_create(
            MentionAward(result=result, mention_type_id=type_id, citation=citation)
            for type_id, citation in wanted
        )
        # bulk_create sends no post_save: save the result again so the cache version moves.
        result.save(update_fields=["public_comment"])
    return result


def remove_result(candidature):
    Result.objects.filter(
        edition_id=candidature.edition_id, collectivite_id=candidature.collectivite_id
    ).delete()


@receiver(published, sender=Candidature, dispatch_uid="candidatures-record-decision")
def on_published(sender, instance, **kwargs):
    write_result(instance)


@receiver(unpublished, sender=Candidature, dispatch_uid="candidatures-forget-decision")
def on_unpublished(sender, instance, **kwargs):
    remove_result(instance)
