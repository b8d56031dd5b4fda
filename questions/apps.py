from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Hỏi đáp")

    def ready(self):
        from page_cache import middleware as page_cache
        from questions.models import Question

        # Topics renew pages whenever they change. Questions only when one is, or was,
        # public: a flood of new questions must not throw away every cached page.
        page_cache.watch(self)

        def note_public(sender, instance, **kwargs):
            instance._was_public = (
                instance.pk is not None
                and Question.objects.published().filter(pk=instance.pk).exists()
            )

        def renew(sender, instance, **kwargs):
            if instance.is_public or getattr(instance, "_was_public", False):
                page_cache.bump_content_version()

        uid = "questions:public-pages"
        pre_save.connect(note_public, sender=Question, dispatch_uid=uid + ":pre")
        post_save.connect(renew, sender=Question, dispatch_uid=uid + ":save")
        post_delete.connect(renew, sender=Question, dispatch_uid=uid + ":delete")
