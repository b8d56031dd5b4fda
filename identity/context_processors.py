from django.conf import settings

from identity.models import SiteIdentity


def site_identity(request):
    return {"site": SiteIdentity.load(), "DEBUG": settings.DEBUG}
