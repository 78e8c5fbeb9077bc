"""Names of the groups and of the editorial workflow (shared by migrations, demo and code)."""

EDITORS = "Rédacteurs"
COMMUNICATION = "Responsables communication"
APPLICANTS = "Candidats"
LABEL_TEAM = "Équipe label"
JURY = "Jury"
JURY_PRESIDENT = "Président du jury"

EDITORIAL_WORKFLOW = "Relecture éditoriale"
EDITORIAL_TASK = "Validation par la communication"

# (app_label, model, codename) of the model permissions of each editorial group.
EDITOR_PERMISSIONS = [("wagtailadmin", "admin", "access_admin")]
COMMUNICATION_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("home", "presscontact", "add_presscontact"),
    ("home", "presscontact", "change_presscontact"),
    ("home", "presscontact", "view_presscontact"),
    ("home", "presscontact", "delete_presscontact"),
    # Site settings (Admin > Paramètres): the menus and footer, the site identity.
    ("home", "navigation", "change_navigation"),
    ("home", "siteidentity", "change_siteidentity"),
]
# Images and documents are granted per collection (Wagtail ignores group.permissions for them):
# these apply to the root collection, so to every collection.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "choose_document"),
]
COMMUNICATION_COLLECTION_PERMISSIONS = [
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "delete_document"),
]
# Page permissions: communication on the whole tree, editors under the news/press indexes.
# "publish" also unpublishes and, with "change", deletes a page without sub-pages; deleting a
# whole branch at once ("bulk_delete") stays with the administrator.
COMMUNICATION_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
