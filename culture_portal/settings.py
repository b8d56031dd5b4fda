"""Settings for culture_portal, read from the environment.

Every value has a default that makes `make run` work on a fresh clone. Production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (see .env.example and README.md).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Without DEBUG, the key must come from the environment. It is left empty when it does not,
# so that commands needing no key still run (makemigrations, check); anything that signs
# (sessions, CSRF, passwords reset) refuses with Django's "SECRET_KEY must not be empty",
# `check --deploy` warns, and the app server refuses to start (culture_portal/wsgi.py).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only-never-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks (it patches the admin's forms).
    "modeltranslation",
    "culture_portal.admin_site.PortalAdminConfig",  # django.contrib.admin, checked redirect
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "accounts.sign_in_guard.SignInGuardConfig",  # django-axes, named in Vietnamese
    "csp",
    "django_filters",
    "django_prose_editor",
    "simple_history",
    # The project on top, then the content apps, then the shared apps they stand on.
    "culture_portal",
    "questions",
    "consultations",
    "work_plans",
    "agency",
    "news",
    "services",
    "documents",
    "schedule",
    "institutions",
    "backups",
    "search",
    "photos",
    "page_cache",
    "replicas",
    "audit",
    "identity",
    "accounts",
    "navigation",
    "permissions",
    "uploads",
    "public_forms",
    "vietnamese",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "page_cache.middleware.AnonymousPageCacheMiddleware",
    "replicas.routers.ReplicaMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the URL's: /en/… English, any other path Vietnamese (urls.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.signed_in.SignedInMarkerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionLimitsMiddleware",
    "culture_portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "culture_portal.csp.ImportMapHashMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with a bound on password checks a second (accounts/signin.py).
    "accounts.signin.BudgetedModelBackend",
]

ROOT_URLCONF = "culture_portal.urls"
WSGI_APPLICATION = "culture_portal.wsgi.application"

# Widgets render through TEMPLATES, so templates/ may override them (the file input).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "identity.context_processors.site_identity",
                "page_cache.fragments.kinds",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A streaming replica of PostgreSQL for anonymous public reads (replicas/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"],
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["replicas.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Vietnamese, Asia/Ho_Chi_Minh, dates as dd/mm/yyyy.
LANGUAGE_CODE = "vi"
# English only for the agency's introduction under /en/ (culture_portal/urls.py); Vietnamese
# first, as the default language of the translated fields.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
# An English page without English text says so, rather than showing Vietnamese.
MODELTRANSLATION_ENABLE_FALLBACKS = False
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["culture_portal.formats"]

# Static files (served by WhiteNoise, compressed and fingerprinted) and media uploads.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that are not public (evidence of unverified reports): never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# Serve uploads from Django itself (development, tests, one small server). With a front proxy
# or object storage in production, leave it off and let those serve MEDIA_URL.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "uploads.storage.PortalFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads in S3-compatible object storage (django-storages) when S3_BUCKET is set: photos and
# their renditions in S3_BUCKET, served from S3_PUBLIC_URL (a CDN, or the front proxy's
# /media/); evidence in S3_PRIVATE_BUCKET, never public, read only by the evidence view.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION", "us-east-1"),
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": False,
    }
    _public_url = os.environ.get("S3_PUBLIC_URL", "").rstrip("/")
    if _public_url:
        _protocol, _slashes, _domain = _public_url.partition("//")
        _s3.update(custom_domain=_domain, url_protocol=_protocol or "https:")
    STORAGES["default"] = {"BACKEND": "uploads.storage_s3.PortalS3Storage", "OPTIONS": _s3}
    STORAGES["private"] = {
        "BACKEND": "uploads.storage_s3.PortalS3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ.get("S3_PRIVATE_BUCKET", f"{S3_BUCKET}-private"),
            "custom_domain": None,
            "querystring_auth": True,
        },
    }
else:
    STORAGES["private"] = {"BACKEND": "work_plans.uploads.PrivateMediaStorage"}

# Files uploaded in the admin: bounded in size and count.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Django refuses a request of more files unread (a 400 page that says so); the admin takes
# at most UPLOAD_MAX_FILES in one save, each photo costing up to what PHOTO_MAX_PIXELS allows.
DATA_UPLOAD_MAX_NUMBER_FILES = 30
UPLOAD_MAX_FILES = int(os.environ.get("UPLOAD_MAX_FILES", 10))
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "uploads.storage.TemporaryUploadHandler",  # a full temporary folder: a message
]

# Photos: limits for uploads (see photos/images.py). The pixel limit bounds the time and
# memory one photo costs (bench/upload_limits.py measures it) and admits today's cameras
# (6000 × 4000) and phones (5712 × 4284).
PHOTO_MAX_BYTES = int(os.environ.get("PHOTO_MAX_BYTES", 15 * 1024 * 1024))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 25_000_000))
PHOTO_RENDITION_WIDTHS = (320, 640, 1024, 1600)
DOCUMENT_FILE_MAX_BYTES = int(os.environ.get("DOCUMENT_FILE_MAX_BYTES", 30 * 1024 * 1024))
# Days the e-mail and phone of a comment on a draft are kept after its period closed, for
# the office to answer; then `erase_expired_comment_contacts` erases them.
CONSULTATION_CONTACT_RETENTION_DAYS = int(os.environ.get("CONSULTATION_CONTACT_RETENTION_DAYS", 90))
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))

# load_demo's accounts get random passwords with DEBUG on, kept here for each database
# (accounts/demo.py).
DEMO_PASSWORDS_FILE = Path(
    os.environ.get("DEMO_PASSWORDS_FILE", BASE_DIR / "var" / "demo-passwords.json")
)

# Cache: Redis when REDIS_URL is set (shared by all app servers), local memory otherwise.
# A Redis outage is not an error: django-redis ignores it and pages are rendered live.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "culture-portal"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "culture-portal",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Rendered fragments of pages (page_cache/fragments.py), keyed by the versions of what they
# show: a key never names two contents, so each worker keeps those it uses in its own memory
# (within a bound in bytes), in front of Redis where one worker's rendering serves the others.
CACHES["fragments"] = {
    "BACKEND": "page_cache.backends.TieredCache",
    "LOCATION": "culture-portal-fragments",
    "TIMEOUT": 600,
    "OPTIONS": {
        "MAX_ENTRIES": 20000,
        "MAX_BYTES": int(os.environ.get("FRAGMENT_CACHE_BYTES", 32 * 1024 * 1024)),
        "SHARED": "default" if REDIS_URL else None,
    },
}
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Anonymous pages are cached whole (page_cache/middleware.py); 0 turns that off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_ALIAS = "default"
# What this deployment renders with (a commit id, say): the shared cache's pages and fragments
# are this release's own (page_cache/release.py). Unset, a digest of the code is used.
RELEASE = os.environ.get("RELEASE", "")
# Pages each worker keeps in its own memory, in front of the shared cache (bytes); without
# Redis, the only place pages are kept.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", 24 * 1024 * 1024))
# Query variants of one page kept per content version (search words, filters, page numbers):
# beyond them a page is rendered each time, so that strangers cannot fill the cache.
PAGE_CACHE_VARIANTS = int(os.environ.get("PAGE_CACHE_VARIANTS", "50"))

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Staff sessions: at most SESSION_COOKIE_AGE after sign-in, and they end after
# SESSION_IDLE_SECONDS without a request (accounts/middleware.py).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 60 * 60))
SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_SECONDS", 30 * 60))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LOGIN_URL = "admin:login"

# Login brute force (django-axes, accounts/signin.py): after AXES_FAILURE_LIMIT failures for
# one account from one address, from one address whatever the names, or for one account from
# any address, those tries are refused for AXES_COOLOFF_TIME. A browser that signed in to an
# account before is held only by the first, so strangers cannot lock a leader out of their
# own device. Behind a proxy, set TRUSTED_PROXY_COUNT so the client's real address is read
# from X-Forwarded-For.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = "accounts.signin.lockout_parameters"
# The cool-off runs from the lock: tries while locked neither extend it nor cost a write.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Password checks a second across the site for browsers that are not known devices: each
# costs a deliberately slow hash, for unknown names too.
LOGIN_CHECKS_PER_SECOND = int(os.environ.get("LOGIN_CHECKS_PER_SECOND", "2"))
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_COOLOFF_MESSAGE = _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.")
AXES_PERMALOCK_MESSAGE = _("Đăng nhập sai quá nhiều lần. Hãy liên hệ quản trị viên để mở khoá.")
# No "AXES: BEGIN …" banner each time Django starts (twice under runserver's reloader).
AXES_VERBOSE = False
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    # nginx replaces X-Forwarded-For with the address that reached it, so the header names
    # the client and then the proxies before the last one; python-ipware counts those (with
    # the count of proxies itself, it found no client, and every sign-in shared one address).
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# Public forms (public_forms/): a form sent sooner than PUBLIC_FORM_MIN_SECONDS after it was
# shown, or later than PUBLIC_FORM_MAX_AGE, is refused (and shown again with what was typed);
# text with more than PUBLIC_FORM_MAX_LINKS links is held for review. Per form, one client
# address may send PUBLIC_FORM_RATE_PER_ADDRESS and one e-mail address or phone number
# PUBLIC_FORM_RATE_PER_CONTACT submissions in PUBLIC_FORM_RATE_WINDOW seconds.
PUBLIC_FORM_MIN_SECONDS = int(os.environ.get("PUBLIC_FORM_MIN_SECONDS", "3"))
PUBLIC_FORM_MAX_AGE = int(os.environ.get("PUBLIC_FORM_MAX_AGE", 2 * 60 * 60))
PUBLIC_FORM_MAX_LINKS = int(os.environ.get("PUBLIC_FORM_MAX_LINKS", "2"))
PUBLIC_FORM_MAX_CHARS = int(os.environ.get("PUBLIC_FORM_MAX_CHARS", "5000"))
PUBLIC_FORM_RATE_WINDOW = int(os.environ.get("PUBLIC_FORM_RATE_WINDOW", 60 * 60))
PUBLIC_FORM_RATE_PER_ADDRESS = int(os.environ.get("PUBLIC_FORM_RATE_PER_ADDRESS", "10"))
PUBLIC_FORM_RATE_PER_CONTACT = int(os.environ.get("PUBLIC_FORM_RATE_PER_CONTACT", "3"))

# Citizens' questions (questions/): a question unanswered QUESTIONS_OVERDUE_DAYS after it was
# sent shows on the office's admin home; the asker's contact details are erased
# QUESTIONS_CONTACT_RETENTION_DAYS after it was answered or refused (or, unanswered, sent) by
# `manage.py erase_expired_contacts` (deploy/systemd/culture-portal-erase-contacts.timer).
QUESTIONS_OVERDUE_DAYS = int(os.environ.get("QUESTIONS_OVERDUE_DAYS", "15"))
QUESTIONS_CONTACT_RETENTION_DAYS = int(os.environ.get("QUESTIONS_CONTACT_RETENTION_DAYS", "180"))
QUESTIONS_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("QUESTIONS_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
)

# E-mail (an asker is told when the answer is published): printed on the console unless an
# SMTP server is named (EMAIL_HOST).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Security: strict by default once DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Production is served over HTTPS (redirect, secure cookies, HSTS). HTTPS=0 only for a local
# `make serve` on loopback.
HTTPS = env_bool("HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# The site's public address. Every absolute URL the portal writes (feeds, sitemap, robots.txt,
# canonical and Open Graph links, e-mails) starts with it, never with the request's Host
# header, which a client chooses (a port added to an allowed host poisoned cached pages).
SITE_URL = (
    os.environ.get("SITE_URL")
    or "{}://{}{}".format(
        "https" if HTTPS else "http",
        next((host.lstrip(".") for host in ALLOWED_HOSTS if host != "*"), "localhost"),
        ":8000" if DEBUG else "",
    )
).rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(
        f"SITE_URL must be a scheme and a host, e.g. https://portal.example.gov.vn: {SITE_URL!r}"
    )
if SITE_URL.startswith("https://"):
    # Django's redirect to HTTPS names this host, not the one the request says.
    SECURE_SSL_HOST = SITE_URL.removeprefix("https://")

# Content Security Policy (django-csp): no inline or foreign script; the editor's inline
# import map is allowed by its hash (culture_portal/csp.py). Inline style attributes stay
# allowed: the admin and the editor set them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *env_list("CSP_IMG_SOURCES")],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The body editor's own extensions (news/static/news/prose/): each group names the ES module
# exporting them (export name = key) and what each may write, for the sanitiser. A photo is
# stored as a reference, <figure data-photo-id><img alt><figcaption>, never an address.
# Processors are callables: django-prose-editor 0.28 cannot import dotted paths here.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("news/prose/article-photo.js")],
        "extensions": {
            "ArticleDocument": html_tags([]),
            "ArticlePhoto": html_tags(
                ["figure", "img", "figcaption"], {"figure": ["data-photo-id"], "img": ["alt"]}
            ),
        },
    },
    {
        "js": [static_lazy("news/prose/editor-vi.js")],
        "extensions": {"MenuLabels": html_tags([]), "OfficePaste": html_tags([])},
    },
]

# The body editor: the blocks and marks staff may use, and the matching server-side
# sanitiser (django-prose-editor derives the nh3 allow-list from this list).
PROSE_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Photos of the article at the top level only (ArticleDocument replaces Document).
    "Document": False,
    "ArticleDocument": True,
    "ArticlePhoto": True,
    # Word's lists pasted as lists; the package's English labels in Vietnamese.
    "OfficePaste": True,
    "MenuLabels": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # pypdf warns once for each oddity of a PDF it reads: a crafted upload would flood
        # the log (work_plans/uploads.py refuses what it cannot read whole).
        "pypdf": {"level": "ERROR"},
    },
}
