"""Whether a request comes from someone signed in, told from its cookies alone.

Public pages are cached, and read from the replica, for everyone who is not signed in. A
session cookie does not tell who is: anyone can send one, and looking it up costs a query.
So a sign-in also sets a marker cookie, the digest of the session key signed with SECRET_KEY
and dated; a sign-out deletes it. A request counts as signed in only when its marker is
valid, younger than SESSION_COOKIE_AGE, and made for the session cookie it comes with.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.utils.cache import patch_cache_control
from django.utils.crypto import constant_time_compare

from accounts.signin import remember_device

COOKIE_NAME = "signed_in"
_SALT = "accounts.signed_in"


def _digest(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()[:32]


def marker_for(session_key: str) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(_digest(session_key))


def _marks(marker: str | None, session_key: str | None) -> bool:
    if not marker or not session_key:
        return False
    try:
        digest = signing.TimestampSigner(salt=_SALT).unsign(
            marker, max_age=settings.SESSION_COOKIE_AGE
        )
    except signing.BadSignature:
        return False
    return constant_time_compare(digest, _digest(session_key))


def is_signed_in(request) -> bool:
    """True when the request carries a valid marker for its own session cookie."""
    return _marks(
        request.COOKIES.get(COOKIE_NAME), request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


class SignedInMarkerMiddleware:
    """Keeps the marker in step with the session: set on the response of a request that ends
    signed in (the sign-in itself, or a session from before the marker existed), deleted on
    one that ends signed out (sign-out, an expired or idle session).

    Goes after AuthenticationMiddleware and before anything that may sign the user out on
    the way in (StaffSessionLimitsMiddleware), so that it sees the user as the request ends.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        signed_in_as = getattr(request, "signed_in_as", None)  # set by the sign-in form
        if signed_in_as:
            remember_device(request, response, signed_in_as)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.session.session_key:
            session_key = request.session.session_key
            if not _marks(request.COOKIES.get(COOKIE_NAME), session_key):
                response.set_cookie(
                    COOKIE_NAME,
                    marker_for(session_key),
                    max_age=settings.SESSION_COOKIE_AGE,
                    path=settings.SESSION_COOKIE_PATH,
                    domain=settings.SESSION_COOKIE_DOMAIN,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite=settings.SESSION_COOKIE_SAMESITE,
                )
            # A page made for this person: no shared cache keeps it, and the browser asks
            # again after sign-out rather than showing it from its own cache.
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
        elif COOKIE_NAME in request.COOKIES:
            response.delete_cookie(
                COOKIE_NAME,
                path=settings.SESSION_COOKIE_PATH,
                domain=settings.SESSION_COOKIE_DOMAIN,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response
