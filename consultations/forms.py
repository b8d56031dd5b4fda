from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import BODY_MAX_LENGTH, Comment


class CommentForm(forms.ModelForm):
    """A citizen's comment on a draft: a name, a way to reach them (kept for the office,
    never shown), the article commented on, the comment, and consent to publication."""

    agree = forms.BooleanField(
        label=_(
            "Tôi đồng ý để họ tên và nội dung góp ý được đăng công khai trên cổng sau khi "
            "được duyệt (thư điện tử, điện thoại không bao giờ được đăng)."
        ),
        error_messages={"required": _("Hãy đánh dấu đồng ý để gửi góp ý.")},
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "phone", "section", "body"]
        labels = {
            "name": _("Họ và tên"),
            "email": _("Thư điện tử"),
            "phone": _("Điện thoại"),
            "section": _("Góp ý cho điều, khoản nào"),
            "body": _("Nội dung góp ý"),
        }
        help_texts = {
            "email": _("Nhập thư điện tử hoặc điện thoại (ít nhất một) để Sở liên hệ khi cần."),
            "section": _("Ví dụ: Điều 5, khoản 2. Bỏ trống nếu góp ý chung cho cả dự thảo."),
            "body": _("Tối đa %(max)s ký tự.") % {"max": f"{BODY_MAX_LENGTH:,}".replace(",", ".")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "body": forms.Textarea(attrs={"rows": 8, "maxlength": BODY_MAX_LENGTH}),
        }
        error_messages = {
            "name": {"required": _("Hãy nhập họ và tên.")},
            "body": {"required": _("Hãy nhập nội dung góp ý.")},
            "email": {"invalid": _("Thư điện tử chưa đúng (ví dụ: ten@example.com).")},
        }

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and not (self.has_error("email") or self.has_error("phone"))
        ):
            self.add_error(
                "email", _("Hãy nhập thư điện tử hoặc số điện thoại (ít nhất một) để Sở liên hệ.")
            )
        return cleaned

    def contact(self) -> str:
        """What the rate limit counts per contact."""
        return (self.cleaned_data.get("email") or self.cleaned_data.get("phone") or "").lower()


# Interim link-heavy check, until public_forms (issue 23) provides the shared one.
LINK_MARKERS = ("http://", "https://", "www.")
LINK_HEAVY_COUNT = 3


def is_link_heavy(text: str) -> bool:
    lowered = text.lower()
    return sum(lowered.count(marker) for marker in LINK_MARKERS) >= LINK_HEAVY_COUNT
