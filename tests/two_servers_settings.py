"""The production settings, for the app servers of ``tests/test_two_app_servers.py``.

One change: static URLs without the manifest, so the test need not run ``collectstatic`` (a
minute on this machine); pages, caches, sessions and throttling are production's.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
