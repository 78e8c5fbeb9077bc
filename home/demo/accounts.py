"""Demo accounts, one per role. Refused unless ``settings.DEMO_ACCOUNTS_ALLOWED`` is true."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError

from home import roles

DEMO_PASSWORD = "demo-tnl"

# login, first name, last name, role shown to the user, groups, superuser
DEMO_ACCOUNTS = [
    ("admin", "Claire", "Martin", "Administratrice (tous les droits)", [], True),
    ("redacteur", "Julien", "Moreau", "Rédacteur", [roles.EDITORS], False),
    (
        "communication",
        "Sophie",
        "Bernard",
        "Responsable communication",
        [roles.COMMUNICATION],
        False,
    ),
    ("equipe", "Nicolas", "Petit", "Équipe label", [roles.LABEL_TEAM], False),
    ("jure1", "Isabelle", "Laurent", "Jurée", [roles.JURY], False),
    ("jure2", "Thomas", "Girard", "Juré", [roles.JURY], False),
    (
        "president",
        "Hélène",
        "Rousseau",
        "Présidente du jury",
        [roles.JURY_PRESIDENT, roles.JURY],
        False,
    ),
    ("candidat", "Marc", "Lefèvre", "Candidat (référent technique)", [roles.APPLICANTS], False),
]


def check_allowed():
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise CommandError(
            "Les comptes de démonstration sont refusés avec ces réglages "
            "(DEMO_ACCOUNTS_ALLOWED est faux, par exemple en production)."
        )


def create_demo_accounts():
    """Create the missing demo accounts; existing ones keep their password and edits."""
    check_allowed()
    User = get_user_model()
    for username, first_name, last_name, _role, group_names, superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            for name in group_names:
                user.groups.add(Group.objects.get_or_create(name=name)[0])


def accounts_table():
    rows = [("Identifiant", "Rôle", "Mot de passe")]
    rows += [(login, role, DEMO_PASSWORD) for login, _f, _l, role, _g, _s in DEMO_ACCOUNTS]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)
