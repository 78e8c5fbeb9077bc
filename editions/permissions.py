"""What the label staff ("Équipe label") may do with the record, granted by migration 0006.

The label staff run the éditions (dates, levels, criteria domains, mention types), the candidate
bodies, the results (typed or imported), the reference territories (imported) and the palmarès
publication. Deleting an édition (which deletes its results) stays with the administrator.
"""

from home import roles

GROUP = roles.LABEL_TEAM
CRUD = ("add", "change", "delete", "view")

# (app_label, model, codename)
LABEL_TEAM_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    # The workflows (Recevabilité → Évaluation → Délibération, the editorial review): seen and
    # edited by label staff; adding or deleting one stays with the administrator.
    *[
        ("wagtailcore", model, f"{action}_{model}")
        for model in ("workflow", "task")
        for action in ("view", "change")
    ],
    *[("editions", "edition", f"{action}_edition") for action in ("add", "change", "view")],
    *[
        ("editions", model, f"{action}_{model}")
        for model in (
            "level",
            "criteriadomain",
            "mentiontype",
            "collectivite",
            "result",
            "mentionaward",
            "applicationtrack",
        )
        for action in CRUD
    ],
    *[("editions", "territory", f"{action}_territory") for action in ("add", "change", "view")],
]

# What each admin screen of the record asks (one place, read by the views and the tests).
CHANGE_EDITION = "editions.change_edition"
ADD_EDITION = "editions.add_edition"
IMPORT_RESULTS = "editions.add_result"
IMPORT_TERRITORIES = "editions.add_territory"
ADD_COLLECTIVITE = "editions.add_collectivite"
