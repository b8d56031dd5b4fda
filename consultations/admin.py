from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin import AuditedDeleteMixin, GuardedRevertMixin
from consultations import exporting, moderation, publishing, roles
from consultations.models import Comment, Draft, DraftFile
from navigation import tasks
from permissions.admin import apply_to_each
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin

CONTACT_FIELDS = ("email", "phone")


class DraftFileInline(admin.TabularInline):
    model = DraftFile
    extra = 1
    fields = ["file", "title", "order"]


class DraftAdminForm(forms.ModelForm):
    class Meta:
        model = Draft
        fields = [
            "title",
            "abstract",
            "office",
            "opens_on",
            "closes_on",
            "status",
            "summary",
            "document",
            "slug",
        ]


class PhaseFilter(admin.SimpleListFilter):
    title = _("thời hạn góp ý")
    parameter_name = "thoi-han"

    def lookups(self, request, model_admin):
        return [
            ("dang-lay", _("Đang lấy ý kiến")),
            ("sap-lay", _("Sắp lấy ý kiến")),
            ("het-han", _("Đã hết hạn")),
            ("chua-tong-hop", _("Hết hạn, chưa có tổng hợp")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "dang-lay":
                return queryset.filter(opens_on__lte=today, closes_on__gte=today)
            case "sap-lay":
                return queryset.filter(opens_on__gt=today)
            case "het-han":
                return queryset.filter(closes_on__lt=today)
            case "chua-tong-hop":
                return queryset.filter(closes_on__lt=today, summary="")
        return queryset


@admin.register(Draft)
class DraftAdmin(
    UploadFaultMixin,
    GuardedRevertMixin,
    AuditedDeleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    form = DraftAdminForm
    inlines = [DraftFileInline]
    list_display = [
        "title",
        "office",
        "opens_on",
        "closes_on",
        "status",
        "pending_count",
        "approved_count",
    ]
    list_filter = ["status", PhaseFilter, "office"]
    list_select_related = ["office"]
    search_fields = ["title"]
    date_hierarchy = "opens_on"
    autocomplete_fields = ["document"]
    actions = ["publish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "abstract", "office"]}),
        (_("Thời hạn góp ý"), {"fields": ["opens_on", "closes_on", "status"]}),
        (
            _("Sau khi hết hạn góp ý"),
            {
                "fields": ["summary", "document"],
                "description": _(
                    "Phần tổng hợp chỉ hiện trên trang sau ngày hết hạn góp ý. Khi văn bản "
                    "được ban hành, hãy chọn văn bản đó trong sổ văn bản."
                ),
            },
        ),
        (_("Địa chỉ trang"), {"fields": ["slug"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("góp ý chờ duyệt"), ordering="pending_total")
    def pending_count(self, draft):
        return draft.pending_total

    @admin.display(description=_("góp ý đang hiện"), ordering="approved_total")
    def approved_count(self, draft):
        return draft.approved_total

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                pending_total=Count("comments", filter=Q(comments__status="pending")),
                approved_total=Count("comments", filter=Q(comments__status="approved")),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def can_revert(self, user) -> bool:
        return roles.keeps_drafts(user)

    def save_model(self, request, obj, form, change):
        previous = form.initial.get("status") if change else Draft.Status.DRAFT
        wanted = obj.status
        if wanted == Draft.Status.PUBLISHED and previous != Draft.Status.PUBLISHED:
            obj.status = Draft.Status.DRAFT
            obj.save()
            publishing.publish_draft(obj, by=request.user)
        elif wanted == Draft.Status.DRAFT and previous == Draft.Status.PUBLISHED:
            publishing.unpublish_draft(obj, by=request.user)
        else:
            obj.save()

    @admin.action(description=_("Đăng lấy ý kiến các dự thảo đã chọn"))
    def publish_selected(self, request, queryset):
        def publish(draft, *, by):
            if draft.is_published:
                return False
            publishing.publish_draft(draft, by=by)
            return True

        apply_to_each(self, request, queryset, publish, done_message=_("Đã đăng %(n)d dự thảo."))


class LinkHeavyFilter(admin.SimpleListFilter):
    title = _("đường dẫn web")
    parameter_name = "nhieu-lien-ket"

    def lookups(self, request, model_admin):
        return [("1", _("Có nhiều đường dẫn (cần xem kỹ)"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(link_heavy=True)
        return queryset


@admin.register(Comment)
class CommentAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    list_display = [
        "body_short",
        "draft",
        "name",
        "section",
        "status",
        "link_heavy",
        "submitted_at",
    ]
    list_filter = ["status", LinkHeavyFilter, "draft"]
    list_select_related = ["draft"]
    search_fields = ["body", "name", "section"]
    date_hierarchy = "submitted_at"
    actions = ["approve_selected", "reject_selected", "export_selected"]
    list_per_page = 50

    @admin.display(description=_("nội dung góp ý"))
    def body_short(self, comment):
        return comment.body[:160]

    def get_fields(self, request, obj=None):
        fields = ["draft", "name", "section", "body", "status", "link_heavy", "submitted_at"]
        if roles.sees_contacts(request.user):
            fields[2:2] = ["email", "phone", "contact_erased_at"]
        return [*fields, "moderated_at", "moderated_by"]

    def get_readonly_fields(self, request, obj=None):
        # The citizen's words are theirs: the office approves or not, it does not rewrite.
        return [name for name in self.get_fields(request, obj) if name != "status"]

    def get_search_fields(self, request):
        if roles.sees_contacts(request.user):
            return [*self.search_fields, *CONTACT_FIELDS]
        return self.search_fields

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "status" not in form.changed_data:
            return
        wanted = obj.status
        obj.status = form.initial.get("status")
        if wanted == Comment.Status.APPROVED:
            moderation.approve_comment(obj, by=request.user)
        elif wanted == Comment.Status.REJECTED:
            moderation.reject_comment(obj, by=request.user)
        else:
            obj.status = wanted
            obj.save(update_fields=["status"])
            moderation.bump_content_version()

    @admin.action(description=_("Duyệt đăng các góp ý đã chọn"), permissions=["change"])
    def approve_selected(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            moderation.approve_comment,
            done_message=_("Đã duyệt đăng %(n)d góp ý."),
        )

    @admin.action(description=_("Không đăng các góp ý đã chọn"), permissions=["change"])
    def reject_selected(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            moderation.reject_comment,
            done_message=_("Đã chuyển %(n)d góp ý sang “Không đăng”."),
        )

    @admin.action(
        description=_("Xuất các góp ý đã chọn ra Excel (không kèm thông tin liên hệ)"),
        permissions=["view"],
    )
    def export_selected(self, request, queryset):
        return exporting.comments_response(queryset)


@tasks.register
def consultation_tasks(user) -> list[tasks.Task]:
    if not roles.moderates_comments(user):
        return []
    waiting = Comment.objects.pending().count()
    url = reverse("admin:consultations_comment_changelist") + "?status__exact=pending"
    unsummarised = Draft.objects.closed_on(timezone.localdate()).filter(summary="").count()
    drafts = reverse("admin:consultations_draft_changelist") + "?thoi-han=chua-tong-hop"
    return [
        tasks.Task(_("Góp ý dự thảo chờ duyệt"), waiting, url),
        tasks.Task(_("Dự thảo hết hạn góp ý chưa có tổng hợp"), unsummarised, drafts),
    ]
