from home.models.contact import ContactFormField, ContactPage
from home.models.mail import EmailAttempt, EmailDelivery
from home.models.news import NewsIndexPage, NewsPage, NewsPageTag
from home.models.pages import HomeKeyFigure, HomePage, StandardPage
from home.models.press import (
    PressContact,
    PressReleaseDocument,
    PressReleaseIndexPage,
    PressReleasePage,
)
from home.models.readlog import PersonalDataRead
from home.models.site_settings import (
    FooterItem,
    MainMenuItem,
    Navigation,
    NavigationLink,
    SiteIdentity,
)

__all__ = [
    "ContactFormField",
    "ContactPage",
    "EmailAttempt",
    "EmailDelivery",
    "FooterItem",
    "HomeKeyFigure",
    "HomePage",
    "MainMenuItem",
    "Navigation",
    "NavigationLink",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PersonalDataRead",
    "PressContact",
    "PressReleaseDocument",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "SiteIdentity",
    "StandardPage",
]
