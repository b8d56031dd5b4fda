"""Error pages: database outages answered with a Vietnamese 503 page, whether met in a view
or before; a request of too many files told so on the 400 page."""

import logging
import sys

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
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
