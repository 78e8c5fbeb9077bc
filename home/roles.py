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
    ("wagtaildocs", "document", "change_document"),
]
# Page permissions: communication on the whole tree, editors under the news/press indexes.
COMMUNICATION_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
