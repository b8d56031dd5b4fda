"""Staff sessions end after a while without a request, and in any case some hours after
sign-in (SESSION_IDLE_SECONDS, SESSION_COOKIE_AGE)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


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
