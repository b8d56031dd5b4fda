from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import BODY_MAX_LENGTH, Comment
from public_forms.forms import ProtectedFormMixin
from public_forms.privacy import PrivacyNotice

# The rate limits count this form apart from the other public forms.
SCOPE = "consultations.comment"


class CommentForm(ProtectedFormMixin, forms.ModelForm):
    """A citizen's comment on a draft: a name, a way to reach them (kept for the office,
    never shown), the article commented on, the comment, and consent to publication; with
    the public forms' guards against spam (honeypot, signed timestamp, length, links)."""

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

    def contacts(self) -> tuple[str, str]:
        """What the rate limit counts per contact."""
        return self.cleaned_data.get("email", ""), self.cleaned_data.get("phone", "")


def privacy_notice(retention_days: int) -> PrivacyNotice:
    return PrivacyNotice(
        collected=_(
            "Họ và tên, thư điện tử hoặc số điện thoại, điều khoản góp ý và nội dung góp ý. "
            "Chỉ họ tên và nội dung góp ý được đăng công khai, sau khi Văn phòng Sở duyệt; "
            "thư điện tử và số điện thoại không bao giờ được đăng, không có trong bản xuất dữ "
            "liệu nào, chỉ cán bộ Văn phòng Sở phụ trách xem được."
        ),
        purpose=_(
            "Tổng hợp, tiếp thu, giải trình ý kiến vào dự thảo; liên hệ lại với bạn khi cần "
            "làm rõ góp ý."
        ),
        retention=_(
            "Thư điện tử và số điện thoại được xoá %(days)s ngày sau ngày hết hạn góp ý của "
            "dự thảo; họ tên và nội dung góp ý đã đăng được giữ cùng dự thảo."
        )
        % {"days": retention_days},
        erasure=_(
            "Muốn xoá sớm hoặc hỏi về dữ liệu của mình, hãy liên hệ Văn phòng Sở (địa chỉ, "
            "điện thoại ở cuối trang)."
        ),
        controller=_(
            "Sở Văn hóa, Thể thao và Du lịch (Văn phòng Sở), theo Nghị định 13/2023/NĐ-CP."
        ),
    )
