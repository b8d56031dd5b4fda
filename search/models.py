from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable object (an article, an institution, a unit…) as every search box sees it.

    Kept in step with its source by search/index.py, from what each app registers; rebuilt by
    `manage.py rebuild_search_index`. Narrow on purpose: the long columns are read only for the
    page of results shown. `public` rows are what the site search shows (once `date` has come);
    the others are found only by the admin's search boxes (drafts, administrative units).
    """

    kind = models.CharField(_("loại"), max_length=20)
    object_id = models.PositiveIntegerField()
    public = models.BooleanField(_("công khai"), default=True)
    title = models.CharField(_("tiêu đề"), max_length=300)
    url = models.CharField(max_length=400)
    date = models.DateTimeField(
        _("thời gian"), help_text=_("Thời gian đăng tin; lần cập nhật cuối của thiết chế.")
    )
    label = models.CharField(
        _("nhãn"), max_length=300, blank=True, help_text=_("Chuyên mục, hoặc địa bàn.")
    )
    text = models.TextField(_("nội dung"), blank=True)
    title_tokens = models.TextField(default="")
    tokens = models.TextField(default="")

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        db_table = "culture_portal_searchentry"  # made when this lived in the project package
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["-date"], name="search_entry_date")]

    def __str__(self):
        return self.title
