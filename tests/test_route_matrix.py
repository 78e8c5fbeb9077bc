"""Every URL pattern of the site × every role of ``tests.people``: the answer each person gets.

The patterns come from the URL configuration (``get_resolver()`` walked recursively), so a new
route without an entry in ``ROUTES`` fails the test with its name. Each pattern is instantiated
with real ids of the cast (a dossier in each state and another body's, their attachments, the
édition, the bodies, the jury...) and requested (GET) as each of the 11 people. The expected
answer comes from the permission map (``candidatures.permissions.can``) for dossier routes and
from a rule of the table for the others:

    ok        200 (or the redirect the entry names: ``ok="redirect"``)
    login     a redirect to a login page (anonymous; an applicant knocking at the admin)
    refused   403, 404, or Wagtail's "no permission" redirect to the admin home
    post      405: the route only accepts POST (what the POST does is tested elsewhere)

Never a 500. Wagtail's own core screens (pages, images, documents, users, workflows...) are
grouped by namespace in ``WAGTAIL_CORE`` and not requested; their reports are (they list dossiers).

Adding a route is one line in ``ROUTES``: ``"name": rule(...)``.
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Site, Task, WorkflowState

from candidatures.models import (
    Attachment,
    BodyClaim,
    ConflictOfInterest,
    EmailTemplate,
    Evaluation,
    Questionnaire,
)
from candidatures.permissions import PERMISSION_MAP, can, role_of
from editions.models import ApplicationTrack, Collectivite, Result
from editions.selfassessment.models import SelfAssessment
from home.models import EmailDelivery, PersonalDataRead, PressContact
from tests.people import ROLES

STATES = ["draft", "eligibility", "evaluation", "deliberation", "decided", "other"]

# Wagtail's own screens, by namespace or name prefix: grouped, not requested one by one.
WAGTAIL_CORE = (
    "wagtailadmin_pages:",
    "wagtailadmin_workflows:",
    "wagtailimages",
    "wagtaildocs",
    "wagtailusers_",
    "wagtailsites:",
    "wagtailsearchpromotions:",
    "wagtailredirects:",
    "wagtailadmin_api:",
    "wagtailembeds:",
    "wagtailforms:",
    "wagtailadmin_collections:",
    "wagtailadmin_editing_sessions:",
    "wagtailadmin_explore",
    "wagtailadmin_choose_page",
    "wagtailadmin_tag_",
    "wagtail_bulk_action",
    "wagtailadmin_dismissibles",
    "wagtailadmin_block_preview",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtail_modeladmin:javascript_catalog",
    "wagtailadmin_error_test",
    "wagtailcore_",
    "wagtailadmin_password_reset_",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:page_types_usage",
    "admin/test404/",
    "admin/^.*/$",
)


# Rules --------------------------------------------------------------------------------------


@dataclass
class Rule:
    """``expect(person, obj) -> outcome``; ``objects`` names the ids the route is built with."""

    expect: object
    objects: str = ""
    states: tuple = ()  # for dossier routes: the states it is built with (default: all six)
    ends_session: bool = False
    notes: str = ""
    extra: dict = field(default_factory=dict)


def everyone(outcome="ok", **kw):
    return Rule(lambda p, obj: outcome, **kw)


def signed_in(outcome="ok", **kw):
    return Rule(lambda p, obj: "login" if p.anonymous else outcome, **kw)


def admin_for(*allowed, **kw):
    """An admin screen: ``allowed`` people (by the permission their group holds) get it."""

    def expect(p, obj):
        if not p.admin:
            return "login"
        return "ok" if p.name in allowed or p.name == "superuser" else "refused"

    return Rule(expect, **kw)


ADMIN_USERS = (
    "juror",
    "juror_free",
    "juror_conflict",
    "president",
    "staff",
    "redacteur",
    "communication",
)
STAFF = ("staff",)


def dossier(action, objects="dossier", post=False, **kw):
    """An admin screen of a dossier: the map's ``action`` decides (404 otherwise)."""

    def expect(p, obj):
        if not p.admin:
            return "login"
        if not can(p.user, action, obj.dossier):
            return "refused"
        return "post" if post else "ok"

    return Rule(expect, objects=objects, **kw)


def applicant_dossier(action, objects="dossier", post=False, **kw):
    """A screen of the applicant space: the members of the body, when the map says so."""

    def expect(p, obj):
        if p.anonymous:
            return "login"
        if post:
            return "post"
        allowed = role_of(p.user, obj.dossier) == "applicant_member" and can(
            p.user, action, obj.dossier
        )
        return "ok" if allowed else "refused"

    return Rule(expect, objects=objects, **kw)


def dossier_screen(action, states=(), **kw):
    """A jury screen named after an action (evaluate, decide): its GET shows the dossier to the
    people whose row of the map holds that action in some state (read-only outside that state:
    what the POST may do in which state is the lifecycle's, tested in test_jury_permissions)."""

    def expect(p, obj):
        if not p.admin:
            return "login"
        row = PERMISSION_MAP[role_of(p.user, obj.dossier)]
        ok = bool(row[action]) and can(p.user, "see", obj.dossier)
        if action == "evaluate":
            ok = ok and obj.dossier.assignments.filter(juror=p.user).exists()
        return "ok" if ok else "refused"

    return Rule(expect, objects="dossier", states=states, **kw)


def staff_dossier(outcome="ok", needs=None, who=("staff", "superuser"), objects="dossier", **kw):
    """A staff-only screen of a dossier (the URL guard). ``needs``: the id this route also names
    (a task state, a workflow state); a dossier without one answers 404 to everyone."""

    def expect(p, obj):
        if not p.admin:
            return "login"
        if p.name not in who:
            return "refused"
        if needs and not obj.kwargs[needs]:
            return "refused"
        return outcome(p, obj) if callable(outcome) else outcome

    # The guard and the map's "edit" do not depend on the state for these views: a dossier in
    # evaluation (the assigned juror and the president see it, the guard lets them through, the
    # map's "edit" refuses them; the free and the conflicted jurors get the guard's 404).
    kw.setdefault("states", ("evaluation",))
    return Rule(expect, objects=objects, **kw)


def nobody(objects="", **kw):
    """Refused to every admin user, the superuser included (read-only tables)."""
    return Rule(lambda p, obj: "login" if not p.admin else "refused", objects=objects, **kw)


def applicants(outcome="ok", admin_outcome="refused", **kw):
    """A screen of the applicant's own account: applicants; admin users are refused."""

    def expect(p, obj):
        if p.anonymous:
            return "login"
        return admin_outcome if p.admin else outcome

    return Rule(expect, **kw)


def signed_out(**kw):
    """A sign-in or sign-up page: signed-in people are sent on."""
    return Rule(lambda p, obj: "ok" if p.anonymous else "redirect", **kw)


def second_factor(outcome="ok", **kw):
    """The admin's second-factor screens: admin users; an applicant is refused (403)."""

    def expect(p, obj):
        if p.anonymous:
            return "login"
        return outcome if p.admin else "refused"

    return Rule(expect, **kw)


POST_ONLY = ("evaluation",)  # a GET answers 405 whatever the dossier
# The applicant space's rows do not change with the state after submission: a draft, a dossier
# with the jury (the assigned juror downloads its attachments) and another body's.
APPLICANT_SIDE = ("draft", "evaluation", "other")
# What the admin guard tells apart: a draft (the president does not see it), a dossier with the
# jury (the assigned juror does) and another body's (assigned to nobody). The jury's reading of
# a dossier (candidatures_jury:dossier) is built with all six.
GUARD_STATES = APPLICANT_SIDE
CANDIDATURE = "wagtailsnippets_candidatures_candidature:"
CANDIDATURE_CHOOSER = "wagtailsnippetchoosers_candidatures_candidature:"
JURY_SIDE = ("juror", "juror_free", "juror_conflict", "president", "staff")


def snippet(prefix, model, *allowed, listed=(), delete=None):
    """The routes of a snippet viewset and its chooser. Wagtail's choosers check no permission
    (every admin user gets the modal; ``create`` needs the add permission)."""
    rules = {
        f"wagtailsnippets_{prefix}:{view}": admin_for(*allowed, *listed)
        for view in ("list", "list_results")
    }
    rules[f"wagtailsnippets_{prefix}:add"] = admin_for(*allowed)
    for view in ("edit", "usage", "history", "history_results", "copy"):
        rules[f"wagtailsnippets_{prefix}:{view}"] = admin_for(*allowed, objects=model)
    who = allowed if delete is None else delete
    rules[f"wagtailsnippets_{prefix}:delete"] = admin_for(*who, objects=model)
    chooser = f"wagtailsnippetchoosers_{prefix}:"
    for view in ("choose", "choose_results", "chosen_multiple"):
        rules[chooser + view] = admin_for(*ADMIN_USERS)
    rules[chooser + "chosen"] = admin_for(*ADMIN_USERS, objects=model)
    rules[chooser + "create"] = admin_for(*allowed)
    return rules


def model_viewset(prefix, model, *allowed, inspect=False, read_only=False):
    """The routes of a ModelViewSet; ``read_only``: its policy refuses add, change and delete
    to everyone (the delivery and read logs), history and usage included."""
    rules = {f"{prefix}:{view}": admin_for(*allowed) for view in ("index", "index_results")}
    rules[f"{prefix}:add"] = nobody() if read_only else admin_for(*allowed)
    for view in ("edit", "delete", "history", "history_results", "usage", "copy"):
        rules[f"{prefix}:{view}"] = (
            nobody(objects=model) if read_only else admin_for(*allowed, objects=model)
        )
    if inspect:
        rules[f"{prefix}:inspect"] = admin_for(*allowed, objects=model)
    return rules


def modeladmin(model, family, *allowed, read_only=False):
    """wagtail-modeladmin's routes of a model (label staff's follow-up tables)."""
    rules = {}
    for view in ("index", "create", "edit", "delete", "inspect", "history"):
        objects = "" if view in ("index", "create") else family
        if read_only and view in ("create", "edit", "delete"):
            rules[f"candidatures_{model}_modeladmin_{view}"] = nobody(objects=objects)
        else:
            rules[f"candidatures_{model}_modeladmin_{view}"] = admin_for(*allowed, objects=objects)
    return rules


ROUTES = {
    # Public site
    "health": everyone(),
    "sitemap": everyone(),
    "robots_txt": everyone(),
    "favicon": everyone("redirect"),
    "search": everyone(),
    "feed_news_rss": everyone(),
    "feed_news_atom": everyone(),
    "feed_press_rss": everyone(),
    "feed_press_atom": everyone(),
    # The cast's édition is closed and its self-assessment not offered: 404 to everyone.
    "selfassessment:form": everyone("refused"),
    "selfassessment:start": everyone("post"),
    "editions:edition_list": everyone(),
    "editions:edition_detail": everyone(),
    "editions:edition_json": everyone(),
    "editions:edition_csv": everyone(),
    "editions:open_data": everyone(),
    "editions:open_data_csv": everyone(),
    "editions:open_data_json": everyone(),
    "editions:open_data_schema": everyone(),
    "editions:collectivite_list": everyone(),
    "editions:laureate_map": everyone(),
    "editions:map_departement": everyone(),
    # The 2031 decision is still embargoed: no page and no badge of that body, for anyone.
    "editions:collectivite_detail": everyone("refused"),
    "editions:badge_svg": everyone("refused"),
    # A dossier's attachment is never served as a public media file.
    "media": everyone("refused"),
    "wagtail_serve": everyone(),
    # Accounts
    "candidatures:signup": signed_out(),
    "candidatures:signup_done": everyone(),
    "candidatures:verify_email": everyone("bad"),  # an unknown token: 400 with a message
    "candidatures:login": signed_out(),
    "candidatures:logout": everyone("post"),
    "candidatures:profile": signed_in(),
    "candidatures:my_data": signed_in(),
    "candidatures:delete_account": applicants(),
    "candidatures:password_reset": everyone(),
    "candidatures:password_reset_done": everyone(),
    "candidatures:password_reset_confirm": everyone(),
    "candidatures:password_reset_complete": everyone(),
    "candidatures:invitation": everyone("refused"),
    # The optional second factor of an applicant's account; the code step with no password
    # checked first sends back to the sign-in.
    "candidatures:login_code": everyone("login"),
    "candidatures:second_factor": signed_in(),
    "candidatures:second_factor_enable": signed_in(),
    "candidatures:second_factor_disable": signed_in("post"),
    "candidatures:recovery_codes": signed_in("post"),
    # A claimant's own pending claim on a body: nobody of the cast has one on these bodies.
    "candidatures:claim": signed_in("refused", objects="body", states=("draft",)),
    # Applicant space: the members of the dossier's body, when the map says so.
    "candidatures:dashboard": signed_in(),
    "candidatures:territory_search": signed_in(),
    "candidatures:register_body": signed_in(),
    "candidatures:register_other": signed_in(),
    "candidatures:request_access": signed_in("post", objects="body", states=POST_ONLY),
    "candidatures:members": applicant_dossier("see", objects="body", states=APPLICANT_SIDE),
    "candidatures:start": signed_in("post", objects="body", states=POST_ONLY),
    "candidatures:step": applicant_dossier("see", states=APPLICANT_SIDE),  # read-only once sent
    "candidatures:autosave": signed_in("post", objects="dossier", states=POST_ONLY),
    "candidatures:recap": applicant_dossier("see", states=APPLICANT_SIDE),
    "candidatures:submit": signed_in("post", objects="dossier", states=POST_ONLY),
    "candidatures:withdraw": signed_in("post", objects="dossier", states=POST_ONLY),
    "candidatures:switch_track": signed_in("post", objects="dossier", states=POST_ONLY),
    # The recap as a PDF: the body's members and label staff, as the map's "download" says.
    "candidatures:recap_pdf": Rule(
        lambda p, obj: (
            "login"
            if p.anonymous
            else "ok"
            if role_of(p.user, obj.dossier) in ("applicant_member", "staff", "superuser")
            and can(p.user, "download", obj.dossier)
            else "refused"
        ),
        objects="dossier",
        states=("decided",),  # WeasyPrint takes ~0.5 s a page: one dossier (other body refused)
    ),
    "candidatures:attachment": Rule(
        lambda p, obj: (
            "login" if p.anonymous else "ok" if can(p.user, "download", obj.dossier) else "refused"
        ),
        objects="attachment",
        states=APPLICANT_SIDE,
    ),
    "candidatures:attachment_delete": signed_in("post", objects="attachment", states=POST_ONLY),
    # Admin: sign-in, second factor, home, account
    "wagtailadmin_login": Rule(lambda p, obj: "redirect" if p.admin else "ok"),
    "wagtailadmin_password_reset": everyone(),
    # GET answers 405 but Wagtail has signed the person out by then: signed in again after.
    "wagtailadmin_logout": Rule(lambda p, obj: "post" if p.admin else "login", ends_session=True),
    "wagtailadmin_home": admin_for(*ADMIN_USERS),
    "wagtailadmin_account": admin_for(*ADMIN_USERS),
    "security_2fa_manage": second_factor(),
    "security_2fa_enrol": second_factor(),
    "security_2fa_verify": second_factor("redirect"),  # no factor to check: sent on
    "security_2fa_recovery_codes": Rule(
        lambda p, obj: "login" if p.anonymous else "redirect"  # codes shown once, after enrolling
    ),
    # Reports listing every dossier's history and workflow: refused to the jury's side
    # (StaffOnlyReportsMiddleware); Wagtail itself keeps the workflow reports for the people
    # who moderate pages.
    "wagtailadmin_reports:workflow": admin_for("communication"),
    "wagtailadmin_reports:workflow_results": admin_for("communication"),
    "wagtailadmin_reports:workflow_tasks": admin_for("communication"),
    "wagtailadmin_reports:workflow_tasks_results": admin_for("communication"),
    "wagtailadmin_reports:site_history": admin_for("staff", "redacteur", "communication"),
    "wagtailadmin_reports:site_history_results": admin_for("staff", "redacteur", "communication"),
    # Settings of the site: communication
    "wagtailsettings:edit(app_name,model_name)": Rule(
        lambda p, obj: (
            "login"
            if not p.admin
            else "redirect"
            if p.name in ("communication", "superuser")
            else "refused"
        ),
        objects="setting:home.siteidentity",
    ),
    "wagtailsettings:edit(app_name,model_name,pk)": admin_for(
        "communication", objects="setting:home.navigation"
    ),
    "wagtailsettings:preview_on_edit": nobody(objects="setting:home.navigation"),  # POST first
    "wagtailsnippets:index": admin_for("communication"),
    # The jury's screens
    "candidatures_jury:dashboard": admin_for(*ADMIN_USERS),  # empty for those outside the jury
    "candidatures_jury:declare_conflict": admin_for(*JURY_SIDE),
    "candidatures_jury:dossier": dossier("see"),
    "candidatures_jury:evaluate": dossier_screen("evaluate", states=GUARD_STATES + ("decided",)),
    "candidatures_jury:decide": dossier_screen("decide", states=GUARD_STATES + ("deliberation",)),
    "candidatures_jury:table": admin_for("president", "staff"),
    "candidatures_jury:assignments": admin_for("staff"),
    # The recevabilité screen: label staff only (read-only outside recevabilité), 404 to others.
    "candidatures_jury:instruct": staff_dossier(),
    # Label staff's édition screens
    "editions_press_release": admin_for("staff", objects="edition"),
    "editions_suggestions": admin_for("staff", objects="edition"),
    "editions_from_territory": admin_for("staff"),
    "editions_copy": admin_for("staff", objects="edition"),
    "editions_palmares": admin_for("staff", objects="edition"),
    "editions_palmares_preview": admin_for("staff", objects="edition"),
    "editions_import_results": admin_for("staff"),
    "editions_import_territories": admin_for("staff"),
    # The dossier snippet: listing and reading as the map says; history, revisions and the
    # workflow's screens show the decision's log entries before it is public: staff only.
    CANDIDATURE + "list": admin_for(*JURY_SIDE),
    CANDIDATURE + "list_results": admin_for(*JURY_SIDE),
    CANDIDATURE + "add": admin_for("staff"),
    CANDIDATURE + "preview_on_add": admin_for("staff"),
    CANDIDATURE + "edit": dossier("edit", states=GUARD_STATES),
    CANDIDATURE + "inspect": dossier("see", states=GUARD_STATES + ("decided",)),
    CANDIDATURE + "usage": staff_dossier(),
    CANDIDATURE + "history": staff_dossier(),
    CANDIDATURE + "history_results": staff_dossier(),
    CANDIDATURE + "revisions_view": staff_dossier(),
    CANDIDATURE + "revisions_compare": staff_dossier(),
    CANDIDATURE + "workflow_history": staff_dossier(),
    CANDIDATURE + "workflow_history_detail": staff_dossier(needs="workflow_state_id"),
    CANDIDATURE + "workflow_preview": staff_dossier(needs="task_state_id"),
    CANDIDATURE + "preview_on_edit": staff_dossier(),
    CANDIDATURE + "delete": staff_dossier(),
    CANDIDATURE + "copy": staff_dossier(),
    CANDIDATURE + "revisions_revert": staff_dossier(),
    # Unscheduling needs the publish permission, which no group holds.
    CANDIDATURE + "revisions_unschedule": staff_dossier(who=("superuser",)),
    # No group publishes a dossier: unpublishing is the superuser's.
    CANDIDATURE + "unpublish": staff_dossier(who=("superuser",)),
    CANDIDATURE + "lock": staff_dossier("post"),
    # GET: 405; label staff are sent home while a workflow task holds the dossier (the task
    # locks it for everyone else; there is nothing for them to unlock).
    CANDIDATURE + "unlock": staff_dossier(
        lambda p, obj: "refused" if obj.kwargs["task_state_id"] and p.name == "staff" else "post"
    ),
    CANDIDATURE + "workflow_action": staff_dossier(needs="task_state_id"),  # GET: the modal
    CANDIDATURE + "collect_workflow_action_data": staff_dossier(needs="task_state_id"),
    CANDIDATURE + "confirm_workflow_cancellation": staff_dossier(),
    # The chooser lists what the map lets each person see (test_jury_chooser).
    CANDIDATURE_CHOOSER + "choose": admin_for(*ADMIN_USERS),
    CANDIDATURE_CHOOSER + "choose_results": admin_for(*ADMIN_USERS),
    CANDIDATURE_CHOOSER + "chosen": dossier("see", states=GUARD_STATES),
    CANDIDATURE_CHOOSER + "chosen_multiple": admin_for(*ADMIN_USERS),
    CANDIDATURE_CHOOSER + "create": admin_for("staff"),
    # wagtail-modeladmin: the jury's follow-up tables, label staff only
    **modeladmin("evaluation", "evaluation", "staff", read_only=True),
    **modeladmin("conflictofinterest", "conflict", "staff"),
    **snippet("candidatures_jury", "jury", "staff", listed=("president",)),
    **snippet("home_presscontact", "press_contact", "communication"),
    **snippet("editions_edition", "edition", "staff", delete=()),
    **snippet("editions_collectivite", "collectivite", "staff"),
    **model_viewset("email_templates", "email_template", "staff"),
    **model_viewset("questionnaires", "questionnaire", "staff"),
    "questionnaires:copy(pk)": admin_for("staff", objects="questionnaire"),
    "questionnaires:copy()": admin_for("staff"),
    **model_viewset("resultats", "result", "staff", inspect=True),
    **model_viewset("parcours", "track", "staff"),
    "parcours:reorder": Rule(  # tracks are ordered by drag and drop: a POST
        lambda p, obj: (
            "login" if not p.admin else "post" if p.name in ("staff", "superuser") else "refused"
        ),
        objects="track",
    ),
    **model_viewset("selfassessments", "self_assessment", "staff"),
    **model_viewset("email_deliveries", "delivery", "staff", inspect=True, read_only=True),
    **model_viewset("personal_data_reads", "read", read_only=True),
    # The queue of body claims: label staff confirm or refuse (GET: the confirmation page).
    "body_claims:index": admin_for("staff"),
    "body_claims:index_results": admin_for("staff"),
    "body_claims:confirm": admin_for("staff", objects="claim"),
    "body_claims:refuse": admin_for("staff", objects="claim"),
}
ROUTES.pop("questionnaires:copy", None)


# The matrix ---------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    user: object
    anonymous: bool
    admin: bool


@dataclass
class Target:
    """One object a route is built with (``dossier``: the dossier the permission map judges)."""

    label: str
    kwargs: dict
    dossier: object = None


def walk(resolver, prefix="", namespaces=()):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = ":".join(namespaces + (pattern.name,)) if pattern.name else route
            yield name, route, pattern


def url_keywords(pattern):
    regex = pattern.pattern.regex
    return sorted(regex.groupindex)


def route_table():
    """{key: (route, keyword names)}: every pattern reachable from the root URLconf, keyed by
    its name (the route when unnamed); a name used twice with other keywords gets them appended.
    A shadowed duplicate (same name, same keywords) is the same key."""
    found = {}
    for name, route, pattern in walk(get_resolver()):
        keywords = url_keywords(pattern)
        found.setdefault(name, {})
        found[name].setdefault(tuple(keywords), route)
    table = {}
    for name, variants in found.items():
        for keywords, route in variants.items():
            key = name if len(variants) == 1 else f"{name}({','.join(keywords)})"
            table[key] = (name, route, keywords)
    return table


def positional(name):
    return any(
        p.pattern.regex.groups > len(p.pattern.regex.groupindex)
        for n, _r, p in walk(get_resolver())
        if n == name
    )


def is_core(key):
    return key.startswith(WAGTAIL_CORE)


def test_every_route_has_an_entry():
    missing = [key for key in route_table() if not is_core(key) and key not in ROUTES]
    stale = [key for key in ROUTES if key not in route_table()]
    assert not missing, "Routes without an entry in tests/test_route_matrix.py ROUTES:\n" + (
        "\n".join(f"  {key}: {route_table()[key][1]}" for key in sorted(missing))
    )
    assert not stale, f"Entries for routes that no longer exist: {stale}"


def build_world(cast):
    users, dossiers = cast["users"], dict(cast["dossiers"])
    edition = cast["edition"]
    attachments = {}
    for state, dossier in dossiers.items():
        attachments[state] = Attachment.objects.create(
            candidature=dossier,
            question_key="q_strategie",
            file=ContentFile(b"%PDF-1.4 piece", name="piece.pdf"),
            original_name=f"piece-{state}.pdf",
            content_type="application/pdf",
            size=14,
        )
    questionnaire, _ = Questionnaire.objects.get_or_create(edition=edition)
    decided = dossiers["decided"]
    singles = {
        "jury": cast["jury"],
        "edition": edition,
        "collectivite": dossiers["decided"].collectivite,
        "questionnaire": questionnaire,
        "email_template": EmailTemplate.objects.get_or_create(
            event="receipt", defaults={"subject": "Accusé", "body": "Reçu."}
        )[0],
        "press_contact": PressContact.objects.create(name="Service presse"),
        "result": Result.objects.get(edition=edition, collectivite_id=decided.collectivite_id),
        "self_assessment": SelfAssessment.objects.create(edition=edition),
        "delivery": EmailDelivery.objects.order_by("pk").first()
        or EmailDelivery.objects.create(subject="Essai", recipients=["a@example.org"]),
        "read": PersonalDataRead.objects.create(username="admin", action="view"),
        "evaluation": Evaluation.objects.filter(candidature=dossiers["decided"]).first(),
        "conflict": ConflictOfInterest.objects.filter(user=users["juror_conflict"]).first(),
        "track": ApplicationTrack.objects.create(edition=edition, name="Badge"),
        # A claim on a body of its own, so that no body of the cast becomes pending.
        "claim": BodyClaim.objects.create(
            collectivite=Collectivite.objects.create(name="Commune revendiquée", kind="commune"),
            user=users["other_applicant"],
            is_first_account=True,
        ),
    }
    base = {
        "year": edition.year,
        "slug": dossiers["decided"].collectivite.slug,
        "code": dossiers["decided"].collectivite.departement_code or "56",
        "token": "jeton-inconnu",
        "uidb64": "MQ",
        "path": attachments["decided"].file.name,
        "page_view_restriction_id": 999999,
        "page_id": 999999,
    }
    people = [
        Person("anonymous", None, True, False),
        *(
            Person(name, users[name], False, users[name].has_perm("wagtailadmin.access_admin"))
            for name in ROLES
            if name != "anonymous"
        ),
    ]
    return {
        "cast": cast,
        "people": people,
        "dossiers": dossiers,
        "attachments": attachments,
        "singles": singles,
        "base": base,
    }


def dossier_context(dossier):
    revision = dossier.get_latest_revision()
    workflow_state = WorkflowState.objects.for_instance(dossier).order_by("-pk").first()
    task_state = dossier.current_workflow_task_state
    return {
        "pk": dossier.pk,
        "revision_id": revision.pk if revision else 0,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_state_id": workflow_state.pk if workflow_state else 0,
        "task_state_id": task_state.pk if task_state else 0,
        "task_id": task_state.task_id if task_state else Task.objects.order_by("pk").first().pk,
        "action_name": "approve",
        "step": "referents",
    }


def targets(world, rule, keywords):
    """The objects a route is built with: a dossier in each state (and another body's), their
    attachments or bodies, or the one object of the table the rule names."""
    base = world["base"]
    family = rule.objects
    if family in ("dossier", "attachment", "body"):
        found = []
        for state in rule.states or STATES:
            dossier = world["dossiers"][state]
            ctx = {**base, **dossier_context(dossier)}
            if family == "attachment":
                ctx["pk"] = world["attachments"][state].pk
            elif family == "body":
                ctx["pk"] = dossier.collectivite_id
            found.append(Target(state, ctx, dossier))
        return found
    if family.startswith("setting:"):
        app_name, model_name = family.split(":")[1].split(".")
        model = apps.get_model(app_name, model_name)
        setting = model.objects.order_by("pk").first()
        ctx = {**base, "app_name": app_name, "model_name": model_name}
        # A site setting's address names its site, not the setting's row.
        ctx["pk"] = setting.site_id if setting else Site.objects.get(is_default_site=True).pk
        return [Target(family, ctx)]
    if family:
        obj = world["singles"][family]
        return [Target(family, {**base, "pk": obj.pk, "instance_pk": obj.pk})]
    return [Target("", dict(base))]


LOGIN_PATHS = {"/admin/login/", "/compte/connexion/", "/_util/login/"}


def outcome(response):
    code = response.status_code
    if code == 200:
        return "ok"
    if code in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        if path in LOGIN_PATHS:
            return "login"
        if path == "/admin/":
            return "home"  # wagtail.admin.auth.permission_denied, or "already signed in"
        return "redirect"
    if code in (403, 404):
        return "refused"
    if code == 405:
        return "post"
    if code == 400:
        return "bad"
    return str(code)


# Wagtail refuses by a redirect to the admin home (with a message); a signed-in person asking
# for a sign-in page is sent there too.
MATCHES = {"refused": {"refused", "home"}, "redirect": {"redirect", "home"}}


def matches(expected, got):
    return got in MATCHES.get(expected, {expected})


TIMES = {}


# People with the same groups get the same answer from a route that names no dossier, body or
# attachment: the second one of a pair is checked against the first one's answer.
SAME_GROUPS = {"other_applicant": "applicant", "juror_free": "juror", "juror_conflict": "juror"}
PER_DOSSIER = ("dossier", "attachment", "body")


def run_matrix(world, only=None, people=None):
    """Request every (route, target) as every person (or those named): (requests, failures,
    seen)."""
    table = route_table()
    failures, seen = [], {}
    requests = 0
    for person in world["people"]:
        if people and person.name not in people:
            continue
        client = Client()
        if person.user is not None:
            client.force_login(person.user)
        for key, (name, route, keywords) in sorted(table.items()):
            if is_core(key) or key not in ROUTES or (only and not key.startswith(only)):
                continue
            rule = ROUTES[key]
            for target in targets(world, rule, keywords):
                expected = rule.expect(person, target)
                twin = SAME_GROUPS.get(person.name)
                if twin and rule.objects not in PER_DOSSIER:
                    got, url, code = seen[(key, target.label, twin)]
                else:
                    if keywords or not positional(name):
                        url = reverse(name, kwargs={k: target.kwargs[k] for k in keywords})
                    else:
                        url = reverse(name, args=[""])  # wagtail_serve: the site's root page
                    began = time.monotonic()
                    response = client.get(url)
                    TIMES[key] = TIMES.get(key, 0) + time.monotonic() - began
                    requests += 1
                    got, code = outcome(response), response.status_code
                    if rule.ends_session and person.user is not None:
                        client.force_login(person.user)
                seen[(key, target.label, person.name)] = (got, url, code)
                if not matches(expected, got):
                    failures.append(
                        f"{key} [{target.label}] as {person.name}: expected {expected}, "
                        f"got {got} ({code} {url})"
                    )
    return requests, failures, seen


# The people in four parts that run as four tests (spread over pytest-xdist's workers, each its
# own group); a person and the twin whose answers they reuse are in the same part.
PARTS = {
    "public-and-staff": ("anonymous", "superuser", "staff"),
    "applicants": ("applicant", "other_applicant"),
    "jurors": ("juror", "juror_free", "juror_conflict"),
    "president-and-editors": ("president", "redacteur", "communication"),
}
assert sorted(sum(PARTS.values(), ())) == sorted(ROLES)


@pytest.mark.parametrize(
    "part",
    [pytest.param(name, marks=pytest.mark.xdist_group(f"matrix-{name}")) for name in PARTS],
)
def test_route_role_matrix(cast, part):
    started = time.monotonic()
    world = build_world(cast)
    built = time.monotonic() - started
    print(f"cast built in {built:.1f}s")
    requests, failures, seen = run_matrix(world, people=PARTS[part])
    routes = len({key for key, _label, _person in seen})
    cells = len({(key, label) for key, label, _person in seen})
    checked = len(seen)
    print(
        f"\nroute matrix: {routes} routes, {cells} instantiated URLs × {len(PARTS[part])} "
        f"roles = {checked} answers checked, {requests} requests; cast {built:.1f}s, requests "
        f"{time.monotonic() - started - built:.1f}s"
    )
    slow = sorted(TIMES.items(), key=lambda kv: -kv[1])[:25]
    print("\n".join(f"{t:6.2f}s {k}" for k, t in slow))
    assert not failures, f"{len(failures)} answers differ from the map:\n" + "\n".join(failures)
