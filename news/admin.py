from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from culture_portal.admin import AuditedDeleteMixin, RecoverDeletedMixin, UploadFaultMixin
from culture_portal.search import Query, words_q
from news import publishing
from news.forms import ArticleAdminForm, can_publish
from news.models import Article, ArticlePhoto, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name"]


class ArticlePhotoInline(admin.StackedInline):
    model = ArticlePhoto
    extra = 0
    fields = [
        ("image", "thumbnail"),
        "caption",
        "alt_text",
        ("is_cover", "after_paragraph", "order"),
    ]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("xem trước"))
    def thumbnail(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html('<img src="{}" alt="" width="160" style="height:auto">', photo.src(320))

    def _editable(self, request, obj):
        return obj is None or ArticleAdmin.editable_by(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class PublicationFilter(admin.SimpleListFilter):
    title = _("hiển thị")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Đang hiển thị")),
            ("scheduled", _("Hẹn giờ đăng")),
            ("pending", _("Chờ duyệt")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "pending":
            return queryset.filter(status=Article.Status.REVIEW)
        return queryset


@admin.register(Article)
class ArticleAdmin(UploadFaultMixin, RecoverDeletedMixin, AuditedDeleteMixin, SimpleHistoryAdmin):
    recover_related = [("news.ArticlePhoto", "article_id")]

    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
    list_display = ["title", "status_label", "category", "published_at", "created_by", "updated_at"]
    list_display_links = ["title"]
    list_filter = [PublicationFilter, "status", "category", "is_featured"]
    list_select_related = ["category", "created_by"]
    search_fields = ["title"]
    search_help_text = _("Tìm theo tiêu đề, sapo hoặc nội dung; gõ có dấu hay không dấu đều được.")
    date_hierarchy = "published_at"
    list_per_page = 50
    autocomplete_fields = ["institutions"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Phân loại và tác giả"),
            {"fields": ["category", "byline", "institutions", "source"]},
        ),
        (
            _("Xuất bản"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "editor_note",
                    "expected_version",
                ]
            },
        ),
    ]

    @staticmethod
    def editable_by(user, article) -> bool:
        """Editors change drafts and articles awaiting review; publishers change everything."""
        return can_publish(user) or article.status in (
            Article.Status.DRAFT,
            Article.Status.REVIEW,
            Article.Status.UNPUBLISHED,
        )

    @admin.display(description=_("trạng thái"), ordering="status")
    def status_label(self, article):
        if article.is_scheduled:
            return _("Hẹn giờ: %(time)s") % {
                "time": date_format(timezone.localtime(article.published_at), "H:i d/m/Y")
            }
        return article.get_status_display()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("news.add_article"):
            return fieldsets
        # Staff who only look up published news (to name it as evidence) do not read the
        # newsroom's internal note.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "editor_note"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = []
        if not can_publish(request.user):
            readonly += ["published_at", "is_featured"]
        if obj and obj.published_by_id:
            readonly.append("slug")
        return readonly

    def get_ordering(self, request):
        if request.GET.get("publication") == "scheduled":
            return ["published_at"]
        return super().get_ordering(request)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not request.user.has_perm("news.add_article"):
            # Staff who do not write news (institution staff naming evidence) see only
            # what is public.
            return queryset.published()
        return queryset

    def get_search_results(self, request, queryset, search_term):
        # Diacritic-insensitive: match the folded search column, word by word.
        return queryset.filter(words_q("search_text", Query.parse(search_term).words)), False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return self.editable_by(request.user, obj)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        # Staff who do not write news see only what is public (also through the history
        # pages, which look objects up past get_queryset).
        return request.user.has_perm("news.add_article") or obj.is_public

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or can_publish(request.user) or obj.status == Article.Status.DRAFT
        )

    def has_recover_permission(self, request):
        return can_publish(request.user)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        # Earlier versions, even of a published article, are drafts and internal notes: the
        # history pages are the newsroom's (the role's explicit permission).
        return request.user.has_perm(
            "news.view_historicalarticle"
        ) and super().has_view_history_or_change_history_permission(request, obj)

    # Restoring an earlier version is a publisher's act.
    def has_change_history_permission(self, request, obj=None):
        return can_publish(request.user) and self.has_change_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not can_publish(request.user):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        previous = form.initial.get("status") if change else None
        publishing.apply_status(obj, previous, by=request.user)

    @admin.action(description=_("Đăng ngay các tin đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        published, refused = 0, []
        for pk in queryset.values_list("pk", flat=True):
            with transaction.atomic():
                article = Article.objects.select_for_update().get(pk=pk)
                if article.is_public:
                    continue
                try:
                    publishing.publish_article(article, by=request.user)
                    published += 1
                except ValidationError:
                    refused.append(article.title)
        if published:
            self.message_user(
                request,
                ngettext("Đã đăng %(n)d tin.", "Đã đăng %(n)d tin.", published) % {"n": published},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Chưa đăng được vì còn thiếu sapo, nội dung, tác giả hoặc chuyên mục: %(titles)s")
                % {"titles": "; ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Gỡ các tin đã chọn khỏi trang"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = 0
        with transaction.atomic():
            for article in queryset.filter(status=Article.Status.PUBLISHED).select_for_update(
                of=("self",)
            ):
                publishing.unpublish_article(article, by=request.user)
                count += 1
        self.message_user(
            request,
            ngettext("Đã gỡ %(n)d tin.", "Đã gỡ %(n)d tin.", count) % {"n": count},
            messages.SUCCESS,
        )
