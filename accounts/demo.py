"""Passwords of load_demo's accounts: random for each database, never written in the source.

The demo apps make their accounts without a password. With DEBUG on (`make run`), each demo
account that cannot sign in gets a random one, kept for its database in DEMO_PASSWORDS_FILE
(on this machine, outside the database and so outside its backups) for every later run to
print; a password once given is never changed. With DEBUG off none is given: the accounts
exist, as the demo rows' authors, and cannot sign in.
"""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction

# Read off a terminal: no 0/o, no 1/l.
ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def new_password() -> str:
    """Four groups of four characters: some 80 bits."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(4))


def _database() -> str:
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:{database['NAME']}"
    host = f"{database.get('HOST') or ''}:{database.get('PORT') or ''}"
    return f"{connection.vendor}://{host}/{database['NAME']}"


def _kept() -> dict:
    path = Path(settings.DEMO_PASSWORDS_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _keep(kept: dict) -> None:
    path = Path(settings.DEMO_PASSWORDS_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(kept, handle, ensure_ascii=False, indent=1)
    partial.replace(path)


def give_passwords(usernames: list[str]) -> dict[str, str | None]:
    """The demo accounts' passwords for this database (None: given before, not kept here),
    once each account that cannot sign in has got a random one. Only with DEBUG on."""
    if not settings.DEBUG:
        raise RuntimeError("demo accounts get passwords only with DEBUG on")
    kept = _kept()
    passwords = kept.setdefault(_database(), {})
    with transaction.atomic():
        given = False
        for user in get_user_model().objects.filter(username__in=usernames):
            if not user.has_usable_password():
                passwords[user.username] = new_password()
                user.set_password(passwords[user.username])
                user.save(update_fields=["password"])
                given = True
        if given:  # in the transaction: a file that cannot be written leaves no password
            _keep(kept)
    return {username: passwords.get(username) for username in usernames}
