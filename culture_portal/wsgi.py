import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_portal.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (configured by the line above)

if not settings.DEBUG and not os.environ.get("SECRET_KEY"):
    # Fail at start, not at the first visitor's request.
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it in the environment (see .env.example), "
        "or set DEBUG=1 for local development."
    )
