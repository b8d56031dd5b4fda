"""The site's own address (SITE_URL) for every absolute URL the portal writes.

Never the request's Host header: a client chooses it, and a page that repeated it could be
cached with someone else's address in it (nginx and the page cache key on the configured
host)."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(location: str) -> str:
    """`location` (a path) on the site's address; an address that is already absolute (a
    photo on object storage or a CDN) is returned as it is."""
    if urlsplit(location).scheme:
        return location
    return settings.SITE_URL + location


def site_scheme() -> str:
    return urlsplit(settings.SITE_URL).scheme


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc
