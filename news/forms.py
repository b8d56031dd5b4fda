from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from news.models import Article
from news.publishing import check_ready
from news.roles import EDITOR_STATUSES, can_publish


class ArticleAdminForm(forms.ModelForm):
    """The article form of the admin: workflow rules by role, and concurrent-edit detection."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # Set by ArticleAdmin.get_form: the request's user, and the workflow step its button
    # asked for ("review", "publish", "schedule", "unpublish"), if any.
    user = None
    step = None

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "lead",
            "body",
            "category",
            "byline",
            "institutions",
            "source",
            "status",
            "published_at",
            "is_featured",
            "editor_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].initial = self.instance.version
        if "status" in self.fields and not can_publish(self.user):
            allowed = set(EDITOR_STATUSES) | {self.instance.status}
            self.fields["status"].choices = [
                (value, label) for value, label in Article.Status.choices if value in allowed
            ]
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Hãy nhập tiêu đề."))
        return title

    def clean_status(self):
        status = self.cleaned_data["status"]
        if (
            not can_publish(self.user)
            and status not in EDITOR_STATUSES
            and status != self.instance.status
        ):
            raise ValidationError(_("Chỉ người duyệt tin mới được đăng hoặc gỡ tin."))
        return status

    def clean(self):
        cleaned = super().clean()
        self.check_concurrent_edit()
        if self.step:
            self.take_step(cleaned)
        status = cleaned.get("status")
        if status == Article.Status.PUBLISHED and "published_at" in self.fields:
            # An empty publish time means "now" (the help text says so).
            cleaned["published_at"] = cleaned.get("published_at") or timezone.now()
        if status in (Article.Status.REVIEW, Article.Status.PUBLISHED):
            draft = Article(
                lead=cleaned.get("lead", ""),
                body=cleaned.get("body", ""),
                byline=cleaned.get("byline", ""),
                category=cleaned.get("category"),
            )
            try:
                check_ready(draft)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    if field in self.fields:
                        self.add_error(field, messages)
                    else:
                        self.add_error(None, messages)
        return cleaned

    def take_step(self, cleaned):
        """The status a step button asks for, checked like a status chosen in the list."""
        statuses = {
            "review": Article.Status.REVIEW,
            "publish": Article.Status.PUBLISHED,
            "schedule": Article.Status.PUBLISHED,
            "unpublish": Article.Status.UNPUBLISHED,
        }
        if self.step not in statuses or (self.step != "review" and not can_publish(self.user)):
            raise ValidationError(_("Chỉ người duyệt tin mới được đăng hoặc gỡ tin."))
        cleaned["status"] = statuses[self.step]
        if self.step == "publish":
            cleaned["published_at"] = timezone.now()
        elif self.step == "schedule":
            when = cleaned.get("published_at")
            if not when or when <= timezone.now():
                self.add_error(
                    "published_at",
                    _("Hãy chọn ngày và giờ đăng trong tương lai rồi bấm “Hẹn giờ đăng”."),
                )

    def check_concurrent_edit(self):
        """Refuse a save made from a page opened before someone else's save.

        Runs inside the admin's transaction: the row stays locked (PostgreSQL) until this
        save commits, so two saves cannot both pass the check.
        """
        if not self.instance.pk:
            return
        expected = self.cleaned_data.get("expected_version")
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if expected is None or current is None or expected == current:
            return
        latest = self.instance.history.select_related("history_user").first()
        who = latest.history_user if latest and latest.history_user else _("người khác")
        when = date_format(timezone.localtime(latest.history_date), "H:i d/m/Y") if latest else ""
        raise ValidationError(
            _(
                "Tin bài này vừa được %(who)s lưu lúc %(when)s, sau khi bạn mở trang. "
                "Thay đổi của bạn CHƯA được lưu để không ghi đè lên bản của họ. "
                "Hãy sao chép phần bạn đã sửa, mở lại tin bài và sửa tiếp trên bản mới nhất."
            )
            % {"who": who, "when": when},
            code="concurrent_edit",
        )
