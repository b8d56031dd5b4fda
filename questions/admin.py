import csv
import io

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.admin import AuditedDeleteMixin
from navigation import tasks
from questions import answering, roles
from questions.models import Question, Topic
from uploads.storage import served_type
from work_plans.exporting import reads_as_formula

S = Question.Status
CONTACT_FIELDS = ["asker_name", "email", "phone", "attachment_link", "contact_erased_at"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name"]
    fields = ["name", "description", "order", "is_active"]


class Step:
    SAVE = "save"
    RELEASE = "release"
    SUBMIT = "submit"
    REFUSE = "refuse"
    APPROVE = "approve"
    RETURN = "return"

    LABELS = {
        SAVE: _("Chỉ lưu"),
        RELEASE: _("Không phải thư rác: đưa vào xử lý"),
        SUBMIT: _("Gửi lãnh đạo duyệt câu trả lời"),
        REFUSE: _("Không trả lời (thư rác, không thuộc thẩm quyền): khép lại"),
        APPROVE: _("Duyệt và công bố câu trả lời"),
        RETURN: _("Trả lại để sửa câu trả lời"),
    }


def steps_for(user, question) -> list[str]:
    found = [Step.SAVE]
    if roles.handles_questions(user):
        if question.status == S.HELD:
            found.append(Step.RELEASE)
        if question.status in (S.HELD, S.NEW, S.ASSIGNED):
            found += [Step.SUBMIT, Step.REFUSE]
    if roles.approves(user) and question.status == S.REVIEW:
        found += [Step.APPROVE, Step.RETURN]
    return found


class QuestionAdminForm(forms.ModelForm):
    step = forms.ChoiceField(label=_("Bước tiếp theo"), required=False)

    class Meta:
        model = Question
        fields = ["office", "answer", "staff_note"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        choices = steps_for(user, self.instance)
        self.fields["step"].choices = [(step, Step.LABELS[step]) for step in choices]
        self.fields["step"].initial = Step.SAVE

    def clean(self):
        cleaned = super().clean()
        step = cleaned.get("step") or Step.SAVE
        if step == Step.SUBMIT:
            if not cleaned.get("office") and "office" in self.fields:
                self.add_error("office", _("Chọn đơn vị trả lời trước khi gửi lãnh đạo duyệt."))
            if not (cleaned.get("answer") or "").strip() and "answer" in self.fields:
                self.add_error("answer", _("Nhập nội dung trả lời trước khi gửi lãnh đạo duyệt."))
        if step == Step.APPROVE and not (cleaned.get("answer", self.instance.answer) or "").strip():
            self.add_error(None, _("Câu trả lời trống: không duyệt được."))
        return cleaned


class WorkFilter(admin.SimpleListFilter):
    title = _("việc cần làm")
    parameter_name = "viec"

    def lookups(self, request, model_admin):
        return [
            ("qua-han", _("Chưa trả lời, quá hạn")),
            ("moi", _("Mới nhận, chờ kiểm tra")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "qua-han":
            return queryset.overdue()
        if self.value() == "moi":
            return queryset.filter(status__in=(S.NEW, S.HELD))
        return queryset


@admin.register(Question)
class QuestionAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    form = QuestionAdminForm
    list_display = ["code", "title", "topic", "status", "office", "submitted_at", "waiting"]
    list_filter = [WorkFilter, "status", "topic", "office"]
    list_select_related = ["topic", "office"]
    search_fields = ["code", "title"]
    date_hierarchy = "submitted_at"
    actions = ["export_csv"]

    # Contact details only for the roles that handle questions; never in the list.
    def get_fieldsets(self, request, obj=None):
        question = [
            "code",
            "topic",
            "title",
            "body",
            "public_name",
            "consent_publication",
            "submitted_at",
            "link_count",
            "status",
        ]
        handling = ["office", "answer", "staff_note", "step", "answered_at", "approved_by"]
        sets = [(_("Câu hỏi"), {"fields": question}), (_("Xử lý"), {"fields": handling})]
        if roles.sees_contact(request.user):
            sets.insert(
                0, (_("Người hỏi (thông tin liên hệ, không công khai)"), {"fields": CONTACT_FIELDS})
            )
        return sets

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            "code",
            "topic",
            "title",
            "body",
            "public_name",
            "consent_publication",
            "submitted_at",
            "link_count",
            "status",
            "answered_at",
            "approved_by",
            *CONTACT_FIELDS,
        ]
        if obj is not None and obj.status in (S.ANSWERED, S.REJECTED):
            readonly.append("office")
        elif not roles.handles_questions(request.user):
            readonly.append("office")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class WithUser(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, user=user, **kw)

        return WithUser

    def has_add_permission(self, request):
        return False  # questions come from the public form

    @admin.display(description=_("tệp đính kèm"))
    def attachment_link(self, question):
        if not question.attachment:
            return "—"
        url = reverse("admin:questions_question_attachment", args=[question.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Tải tệp đính kèm"))

    @admin.display(description=_("đã chờ"))
    def waiting(self, question):
        if question.status not in Question.OPEN_STATUSES:
            return "—"
        days = (timezone.now() - question.submitted_at).days
        return gettext("%(n)d ngày") % {"n": days}

    def save_model(self, request, obj, form, change):
        step = form.cleaned_data.get("step") or Step.SAVE
        if obj.office_id and obj.status == S.NEW:
            obj.status = S.ASSIGNED
        obj.save()
        by = request.user
        try:
            if step == Step.RELEASE:
                answering.release(obj, by=by)
            elif step == Step.SUBMIT:
                answering.submit_answer(obj, by=by)
            elif step == Step.REFUSE:
                answering.refuse(obj, by=by)
            elif step == Step.APPROVE:
                answering.approve(obj, by=by)
            elif step == Step.RETURN:
                answering.return_answer(obj, by=by)
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)

    def get_urls(self):
        return [
            path(
                "<int:pk>/attachment/",
                self.admin_site.admin_view(self.attachment_view),
                name="questions_question_attachment",
            ),
            *super().get_urls(),
        ]

    def attachment_view(self, request, pk):
        if not roles.sees_contact(request.user):
            raise PermissionDenied
        question = get_object_or_404(Question, pk=pk)
        if not question.attachment:
            raise Http404
        content_type, _disposition = served_type(question.attachment.name)
        response = FileResponse(
            question.attachment.open("rb"),
            content_type=content_type,
            as_attachment=True,
            filename=f"hoi-dap-{question.code}{_suffix(question.attachment.name)}",
        )
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.action(description=_("Xuất CSV các câu hỏi đã chọn (không có thông tin liên hệ)"))
    def export_csv(self, request, queryset):
        """What leaders take to meetings: never the asker's contact details."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(
            [
                gettext("Mã"),
                gettext("Chủ đề"),
                gettext("Tiêu đề"),
                gettext("Trạng thái"),
                gettext("Đơn vị trả lời"),
                gettext("Ngày gửi"),
                gettext("Ngày trả lời"),
            ]
        )
        for question in queryset.select_related("topic", "office"):
            row = [
                question.code,
                question.topic.name,
                question.title,
                question.get_status_display(),
                question.office.name if question.office else "",
                timezone.localtime(question.submitted_at).strftime("%d/%m/%Y"),
                timezone.localtime(question.answered_at).strftime("%d/%m/%Y")
                if question.answered_at
                else "",
            ]
            writer.writerow([f"'{v}" if reads_as_formula(v) else v for v in row])
        response = HttpResponse(
            ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="hoi-dap.csv"'
        response["Cache-Control"] = "private, no-store"
        return response


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > name.rfind("/") else ""


@tasks.register
def question_tasks(user) -> list[tasks.Task]:
    listing = reverse("admin:questions_question_changelist")
    found = []
    if roles.handles_questions(user):
        overdue = Question.objects.overdue().count()
        fresh = Question.objects.filter(status__in=(S.NEW, S.HELD)).count()
        found += [
            tasks.Task(
                gettext("Câu hỏi chưa trả lời quá %(n)d ngày") % {"n": _overdue_days()},
                overdue,
                listing + "?viec=qua-han",
            ),
            tasks.Task(gettext("Câu hỏi mới cần phân công"), fresh, listing + "?viec=moi"),
        ]
    if roles.approves(user):
        waiting = Question.objects.filter(status=S.REVIEW).count()
        found.append(
            tasks.Task(gettext("Câu trả lời chờ duyệt"), waiting, listing + "?status__exact=review")
        )
    return found


def _overdue_days() -> int:
    from django.conf import settings

    return settings.QUESTIONS_OVERDUE_DAYS
