"""How often one client may submit a public form: per address and per contact.

Counted in the shared cache over fixed windows of PUBLIC_FORM_RATE_WINDOW seconds, as the
sign-in guards count password checks (accounts.counting): PUBLIC_FORM_RATE_PER_ADDRESS
submissions from one client address, PUBLIC_FORM_RATE_PER_CONTACT naming one e-mail address
or phone number, per form. The client address is read as django-axes reads it for sign-in
lockouts (TRUSTED_PROXY_COUNT: X-Forwarded-For behind nginx). Keys hold digests, not the
addresses themselves. A refusal is answered 429 with the time to wait (`too_many`).
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext, ngettext

from accounts.counting import count_hit

# Refusals beyond this many in a window get a light page without the form: a person refused
# once or twice sees their text again; a flood costs each app server little.
REFUSALS_WITH_FORM = 3


@dataclass(frozen=True)
class Refusal:
    seconds: int
    by_contact: bool = False
    excess: int = 1  # the how-manieth refusal in this window

    @property
    def persistent(self) -> bool:
        return self.excess > REFUSALS_WITH_FORM

    @property
    def message(self) -> str:
        minutes = max(1, (self.seconds + 59) // 60)
        at = time_format(timezone.localtime() + timedelta(seconds=self.seconds), "H:i")
        who = (
            gettext("với địa chỉ e-mail hoặc số điện thoại này")
            if self.by_contact
            else gettext("từ địa chỉ mạng của bạn")
        )
        wait = ngettext(
            "Vui lòng thử lại sau %(minutes)d phút (từ %(at)s).",
            "Vui lòng thử lại sau %(minutes)d phút (từ %(at)s).",
            minutes,
        ) % {"minutes": minutes, "at": at}
        return gettext("Đã có quá nhiều lượt gửi %(who)s trong thời gian ngắn. %(wait)s") % {
            "who": who,
            "wait": wait,
        }


def client_address(request) -> str:
    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR", "") or "unknown"


def normalise_contact(value: str) -> str:
    """One spelling per contact: e-mail addresses case-folded, phone numbers as digits with
    the national 0 (+84 912 345 678 = 0912.345.678)."""
    value = (value or "").strip()
    if "@" in value:
        return value.casefold()
    digits = re.sub(r"\D", "", value)
    if digits.startswith("84") and len(digits) > 9:
        digits = "0" + digits[2:]
    return digits


def _take(kind: str, scope: str, value: str, limit: int) -> Refusal | None:
    digest = hashlib.sha256(f"{scope}:{value}".encode()).hexdigest()[:32]
    count = count_hit(f"public-form:{kind}:{digest}", window=settings.PUBLIC_FORM_RATE_WINDOW)
    if count.value is not None and count.value > limit:
        return Refusal(
            seconds=count.seconds_left, by_contact=kind == "contact", excess=count.value - limit
        )
    return None


def take_address(request, scope: str) -> Refusal | None:
    """Count one submission of form `scope` from this client; a Refusal beyond the limit."""
    return _take("address", scope, client_address(request), settings.PUBLIC_FORM_RATE_PER_ADDRESS)


def take_contact(scope: str, *contacts: str) -> Refusal | None:
    """Count one submission of form `scope` naming these contacts; a Refusal beyond the limit."""
    refusal = None
    for contact in {normalise_contact(c) for c in contacts} - {""}:
        refusal = _take("contact", scope, contact, settings.PUBLIC_FORM_RATE_PER_CONTACT) or refusal
    return refusal


def too_many(request, template: str, context: dict, refusal: Refusal):
    """The form's page again, answered 429 with the refusal's message and Retry-After; past
    the first few refusals, a light page that says the same (the text typed is still in the
    browser's previous page)."""
    if refusal.persistent:
        template, context = "public_forms/too_many.html", {}
    response = render(request, template, {**context, "refusal": refusal}, status=429)
    response["Retry-After"] = str(refusal.seconds)
    return response
