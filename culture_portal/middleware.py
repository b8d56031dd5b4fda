"""Database outages answered with a Vietnamese 503 page, whether met in a view or before."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
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
