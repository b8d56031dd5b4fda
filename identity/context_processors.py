from django.conf import settings
from django.core.cache import caches

from identity.models import SiteIdentity
from page_cache.fragments import versions_of


def site_identity(request):
    # Kept in the worker's memory under the version of the identity: one page after another
    # costs no round trip to the shared cache for it.
    key = f"site-identity:{versions_of(request).identity}"
    site = caches["fragments"].get(key)
    if site is None:
        site = SiteIdentity.load()
        caches["fragments"].set(key, site)
    return {"site": site, "DEBUG": settings.DEBUG}
