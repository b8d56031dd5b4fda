from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Góp ý dự thảo")

    def ready(self):
        from consultations import checklist  # noqa: F401 (registers its items)
        from consultations.models import next_midnight
        from page_cache import middleware as page_cache

        # Drafts and their files renew cached pages when saved; comments do not (Comment has
        # page_cache_ignore): a flood of submissions must not empty the cache, so only a
        # moderation that changes what is shown bumps the version (consultations/moderation.py).
        page_cache.watch(self)
        # A draft opens and closes for comments at midnight, and its days left change then.
        page_cache.changes_at(next_midnight)
