"""The citizen's forms: ask a question, look one up by its code, ask for erasure."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from documents.files import check_document_file
from photos.images import clean_photo
from public_forms.forms import ProtectedForm, ProtectedFormMixin
from questions.models import CODE_LENGTH, Question, Topic, normalise_code

IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
ACCEPT = ".pdf,.doc,.docx,.jpg,.jpeg,.png"


class AttachmentField(forms.FileField):
    """A PDF, DOC or DOCX checked as the documents register checks its files, or a photo
    re-encoded without its metadata as every photo of the portal is; at most
    QUESTIONS_ATTACHMENT_MAX_BYTES."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        limit = settings.QUESTIONS_ATTACHMENT_MAX_BYTES
        if data.size > limit:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s). Tối đa %(max)s.")
                % {"size": filesizeformat(data.size), "max": filesizeformat(limit)},
                code="too_large",
            )
        data.seek(0)
        head = data.read(8)
        data.seek(0)
        stem = PurePath(data.name or "tep").stem[:60] or "tep"
        if head.startswith(IMAGE_SIGNATURES):
            cleaned = clean_photo(data)
            cleaned.name = f"{stem}.{PurePath(cleaned.name or '.jpg').suffix.lstrip('.')}"
            return cleaned
        kind = check_document_file(data)
        data.name = f"{stem}.{kind}"
        return data


class AskForm(ProtectedFormMixin, forms.ModelForm):
    attachment = AttachmentField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        help_text=_("PDF, DOC, DOCX hoặc ảnh JPEG, PNG; tối đa 5 MB."),
    )

    class Meta:
        model = Question
        fields = [
            "asker_name",
            "email",
            "phone",
            "topic",
            "title",
            "body",
            "attachment",
            "name_shown",
            "consent_publication",
        ]
        labels = {
            "asker_name": _("Họ và tên"),
            "email": _("Thư điện tử"),
            "phone": _("Số điện thoại"),
            "body": _("Nội dung câu hỏi"),
            "name_shown": _("Khi công khai, tên của bạn hiện là"),
            "consent_publication": _(
                "Tôi đồng ý để Sở công khai câu hỏi và câu trả lời trên cổng thông tin, "
                "không kèm thư điện tử, số điện thoại và tệp đính kèm của tôi."
            ),
        }
        help_texts = {
            "email": _("Nhập thư điện tử hoặc số điện thoại (ít nhất một) để Sở liên hệ."),
            "phone": _("Ví dụ: 0912 345 678."),
            "consent_publication": _(
                "Không đồng ý: Sở vẫn trả lời, bạn xem câu trả lời bằng mã theo dõi."
            ),
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "name_shown": forms.RadioSelect,
            "asker_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.active()
        self.fields["topic"].empty_label = _("— Chọn chủ đề —")
        self.fields["asker_name"].required = True
        self.fields["body"].max_length = 5000
        self.fields["body"].widget.attrs["maxlength"] = 5000

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.has_error("email"):
            if not self.has_error("phone"):
                self.add_error(
                    "email",
                    _("Nhập thư điện tử hoặc số điện thoại (ít nhất một) để Sở liên hệ."),
                )
        return cleaned

    def contacts(self) -> list[str]:
        return [self.cleaned_data.get("email") or "", self.cleaned_data.get("phone") or ""]


class TrackForm(forms.Form):
    ma = forms.CharField(
        label=_("Mã theo dõi"),
        max_length=40,
        help_text=_("Mã gồm %(n)d chữ và số Sở đã cho khi bạn gửi câu hỏi.") % {"n": CODE_LENGTH},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_ma(self):
        code = normalise_code(self.cleaned_data["ma"])
        if len(code) != CODE_LENGTH:
            raise ValidationError(
                _("Mã theo dõi gồm %(n)d chữ và số, ví dụ ABCD234XYZ.") % {"n": CODE_LENGTH}
            )
        return code


class ErasureForm(ProtectedForm):
    code = forms.CharField(label=_("Mã theo dõi"), max_length=40)
    confirm = forms.BooleanField(
        label=_(
            "Tôi muốn xoá thông tin liên hệ của mình (và câu hỏi, nếu câu hỏi chưa được "
            "công khai). Việc này không hoàn tác được."
        )
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise ValidationError(
                _("Mã theo dõi gồm %(n)d chữ và số, ví dụ ABCD234XYZ.") % {"n": CODE_LENGTH}
            )
        return code
