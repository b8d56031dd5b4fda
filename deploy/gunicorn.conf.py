"""gunicorn settings for culture_portal (used by `make serve` and the deployment in deploy/)."""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
if os.environ.get("REDIS_URL"):
    workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
    worker_class = "sync"
else:
    # Without Redis the cache (pages, fragments and the versions of the content) is the
    # process's own memory: a publish handled by one process would not reach the pages
    # another keeps. So one process, with threads.
    workers = 1
    worker_class = "gthread"
    threads = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the app once, before forking: faster start and shared memory pages.
preload_app = True
# Recycle workers now and then, so no slow leak can grow a worker without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = 2000
timeout = 30
graceful_timeout = 20
keepalive = 5
# Requests' size limits (the app bounds fields and files; these bound the raw request line).
limit_request_line = 8190
limit_request_fields = 100
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "culture_portal"
