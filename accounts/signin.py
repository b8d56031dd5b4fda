"""Sign-in guards: who may try, how often, and what a try costs.

django-axes counts failed sign-ins (AXES_* settings). LOGIN_FAILURE_LIMIT failures within
LOGIN_LOCKOUT_MINUTES lock, until that time has passed since the lock:
- a user name from one address;
- an address, whatever names it tries (random names would never trip the first lock);
- a user name from any address (guesses spread over many addresses: IPv6, a botnet).
A browser that has signed in to an account before carries a signed cookie saying so (a
known device); for that account it is held only by the first lock, so the owner of an
account that strangers keep locked still signs in from their own browser. Anyone else waits
for the cool-off.

Each try that reaches the password check costs a password hash, for an unknown name too
(Django hashes one anyway, so that a name's existence does not show in the time taken).
Beyond LOGIN_CHECKS_PER_SECOND such tries a second across the site, from browsers that are
not known devices, a try is refused before the check, and counted as a failure (so an
address that keeps trying is locked as soon as by failed passwords): sign-in cannot be used
to burn the servers' CPU.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core import signing
from django.core.exceptions import PermissionDenied

from accounts.counting import count_hit

KNOWN_DEVICE_COOKIE = "known_device"
_SALT = "accounts.known_device"
_KNOWN_DEVICE_DAYS = 365
_NAMES_KEPT = 5


def known_device_names(request) -> list[str]:
    """The user names this browser has signed in to (its signed cookie), or none."""
    cookies = getattr(request, "COOKIES", None) or {}
    value = cookies.get(KNOWN_DEVICE_COOKIE)
    if not value:
        return []
    try:
        names = signing.loads(value, salt=_SALT, max_age=_KNOWN_DEVICE_DAYS * 86400)
    except signing.BadSignature:
        return []
    return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []


def is_known_device(request, username) -> bool:
    return bool(username) and username in known_device_names(request)


def remember_device(request, response, username: str) -> None:
    """After a sign-in: this browser is a known device for `username`."""
    names = [username, *(n for n in known_device_names(request) if n != username)]
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        signing.dumps(names[:_NAMES_KEPT], salt=_SALT),
        max_age=_KNOWN_DEVICE_DAYS * 86400,
        path=settings.SESSION_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def lockout_parameters(request, credentials=None) -> list:
    """AXES_LOCKOUT_PARAMETERS: the locks that hold this try (see the module's doc)."""
    username = (credentials or {}).get("username")
    if username is None:
        post = getattr(request, "POST", None)
        username = post.get("username") if post is not None else None
    if is_known_device(request, username):
        return [["username", "ip_address"]]
    return [["username", "ip_address"], "ip_address", "username"]


def take_password_check() -> bool:
    """Count one password check in this second, across the site; False beyond the limit."""
    count = count_hit("signin-checks", window=1).value
    return count is None or count <= settings.LOGIN_CHECKS_PER_SECOND


class BudgetedModelBackend(ModelBackend):
    """Django's ModelBackend, refusing a try from an unknown device before its password
    hash when the site has hashed LOGIN_CHECKS_PER_SECOND of them this second (the sign-in
    form then says to wait: `request.sign_in_busy`). Comes after django-axes' backend, so
    that a locked try (refused without a hash) takes none; the refusal is a failure to it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if (
            request is not None
            and not is_known_device(request, username)
            and not take_password_check()
        ):
            request.sign_in_busy = True
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
