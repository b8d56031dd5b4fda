"""Site-wide middleware: database outages answered with a 503 page, staff session limits."""

import logging
import sys
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A request that finds the database down or restarting gets a Vietnamese 503 page.

    Nothing is half-written: multi-step operations run in transactions, and connections are
    health-checked (CONN_HEALTH_CHECKS), so the site recovers by itself when the database
    is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        return database_unavailable(exception)


DATABASE_DOWN = (OperationalError, InterfaceError)


def database_unavailable(exception) -> HttpResponse:
    logger.error("Database unavailable: %s", exception)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Django's 500 page, except for a database outage met before the view (a signed-in
    user's session is read by the middleware): the 503 page, as for one met in the view."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_DOWN):
        return database_unavailable(exception)
    return defaults.server_error(request)


def bad_request(request, exception):
    """Django's 400 page; for a request of more files than Django reads, it says so."""
    if isinstance(exception, TooManyFilesSent):
        most = min(settings.DATA_UPLOAD_MAX_NUMBER_FILES, settings.UPLOAD_MAX_FILES)
        reason = _(
            "Lần gửi này có quá nhiều tệp nên máy chủ không đọc được. Mỗi lần lưu nhận tối đa "
            "%(max)s tệp: hãy quay lại, bớt tệp rồi lưu, các tệp còn lại thêm ở lần lưu sau."
        ) % {"max": most}
        return render(request, "400.html", {"reason": reason}, status=400)
    return defaults.bad_request(request, exception)


class StaffSessionLimitsMiddleware:
    """Signed-in sessions end after SESSION_IDLE_SECONDS without a request, and in any case
    SESSION_COOKIE_AGE after sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.setdefault("signed_in_at", now)
            last = session.get("last_activity", now)
            if now - last > settings.SESSION_IDLE_SECONDS or (
                now - started > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(request, _("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."))
                return redirect(f"{reverse('admin:login')}?next={request.path}")
            if now - last > 60:  # a write a minute at most, not one per request
                session["last_activity"] = now
            session.setdefault("last_activity", now)
        return self.get_response(request)
