"""Production settings for benchmarks/lighthouse.sh: gunicorn alone, so it also serves the media
(nginx does in production, deploy/nginx/); everything else is production's."""

from cms.settings.production import *  # noqa: F403

SERVE_MEDIA = True
