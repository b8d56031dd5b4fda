"""The project's settings with a one-view URLconf: the "hello" baseline of bench/http.py."""

from culture_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.hello_urls"
