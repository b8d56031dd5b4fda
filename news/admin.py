from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, F, When
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin import AuditedDeleteMixin, GuardedRevertMixin, RecoverDeletedMixin
from audit.history import PHOTOS_NOT_IN_VERSIONS, ReadableHistoryMixin
from navigation import tasks
from news import publishing, roles
from news.citing import link_cited_documents
from news.forms import ArticleAdminForm
from news.models import Article, ArticlePhoto, Category
from news.richtext import photo_ids
from permissions.admin import ParentRulesInlineMixin, apply_to_each
from photos.admin import PhotoInlineMixin
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin
from uploads.storage import StorageWriteError, remove_written, upload_journal
from vietnamese.sorting import SortKey


@admin.register(Category)
class CategoryAdmin(IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name"]
    ordering = ["order", SortKey("name")]


class ArticlePhotoInline(ParentRulesInlineMixin, PhotoInlineMixin, admin.StackedInline):
    model = ArticlePhoto
    extra = 0
    fields = [("image", "thumbnail"), "caption", "alt_text", ("is_cover", "order"), "placement"]
    readonly_fields = [*PhotoInlineMixin.readonly_fields, "placement"]

    @admin.display(description=_("vị trí trong bài"))
    def placement(self, photo):
        if photo.pk is None or photo.article is None:
            return "—"
        if photo.pk in photo_ids(photo.article.body):
            return _("Đã đặt trong nội dung (kéo thả trong khung soạn thảo để đổi chỗ).")
        if photo.is_cover:
            return _("Ảnh đại diện, hiện ở đầu bài.")
        return _(
            "Chưa đặt trong nội dung nên chưa hiện trên trang: đặt con trỏ vào chỗ cần ảnh, "
            "bấm nút “Chèn ảnh” của khung soạn thảo rồi chọn ảnh này."
        )


class PhotoUploadForm(forms.ModelForm):
    """One photo uploaded from the body editor's "Chèn ảnh" dialog."""

    class Meta:
        model = ArticlePhoto
        fields = ["image", "caption", "alt_text"]


class MineFilter(admin.SimpleListFilter):
    title = _("người viết")
    parameter_name = "cua-toi"

    def lookups(self, request, model_admin):
        return [("1", _("Tin tôi viết"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(created_by=request.user)
        return queryset


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
class ArticleAdmin(
    UploadFaultMixin,
    ReadableHistoryMixin,
    GuardedRevertMixin,
    RecoverDeletedMixin,
    AuditedDeleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    recover_related = [("news.ArticlePhoto", "article_id")]
    history_note = PHOTOS_NOT_IN_VERSIONS

    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
    list_display = ["title", "status_label", "category", "published_at", "created_by", "updated_at"]
    list_display_links = ["title"]
    list_filter = [PublicationFilter, MineFilter, "status", "category", "is_featured"]
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

    @admin.display(description=_("trạng thái"), ordering="status")
    def status_label(self, article):
        if article.is_scheduled:
            return _("Hẹn giờ: %(time)s") % {
                "time": date_format(timezone.localtime(article.published_at), "H:i d/m/Y")
            }
        return article.get_status_display()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # A subclass: the metaclass makes its fields anew, so they are marked after.
        step = request.POST.get("_step") if request.method == "POST" else None
        form = type(form.__name__, (form,), {"user": request.user, "step": step})
        if "body" in form.base_fields:
            # Where the body editor's photo button lists and uploads the article's photos.
            form.base_fields["body"].widget.attrs["data-photos-url"] = reverse(
                "admin:news_article_photos", args=[obj.pk] if obj else []
            )
        return form

    def next_steps(self, request, article) -> list[dict]:
        """The workflow's next steps for this article and user, as buttons of the form."""
        if article is not None and not self.has_change_permission(request, article):
            return []
        if not roles.can_publish(request.user):
            if article is None or article.status in (
                Article.Status.DRAFT,
                Article.Status.UNPUBLISHED,
            ):
                return [
                    {
                        "value": "review",
                        "label": _("Gửi duyệt"),
                        "help": _("Lưu và chuyển tin cho người duyệt tin."),
                    }
                ]
            return []
        if article is not None and article.is_public:
            return [{"value": "unpublish", "label": _("Gỡ khỏi trang")}]
        steps = [
            {"value": "publish", "label": _("Đăng ngay")},
            {
                "value": "schedule",
                "label": _("Hẹn giờ đăng"),
                "help": _("Chọn ngày và giờ ở ô “Thời gian đăng” rồi bấm “Hẹn giờ đăng”."),
            },
        ]
        if article is not None and article.is_scheduled:
            steps.append({"value": "unpublish", "label": _("Huỷ hẹn giờ và gỡ")})
        return steps

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["next_steps"] = self.next_steps(request, obj)
        if obj is not None:
            context["current_status"] = self.status_label(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self.response_step(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.response_step(request, obj) or super().response_change(request, obj)

    def response_step(self, request, article):
        """After a step button: one message that says what happened, back to the list."""
        step = request.POST.get("_step")
        if step not in ("review", "publish", "schedule", "unpublish"):
            return None
        title = {"title": article.title}
        if step == "review":
            message = _("Đã gửi duyệt “%(title)s”. Tin nằm ở đầu danh sách của người duyệt tin.")
        elif step == "publish":
            message = _("Đã đăng “%(title)s” lên trang.")
        elif step == "schedule":
            when = date_format(timezone.localtime(article.published_at), "H:i d/m/Y")
            message = _("Đã hẹn đăng “%(title)s” lúc %(when)s.")
            title["when"] = when
        else:
            message = _("Đã gỡ “%(title)s” khỏi trang.")
        self.message_user(request, message % title, messages.SUCCESS)
        return redirect("admin:news_article_changelist")

    def get_urls(self):
        view = self.admin_site.admin_view(self.photos_view)
        return [
            path("anh/", view, name="news_article_photos"),
            path("<int:object_id>/anh/", view, name="news_article_photos"),
            *super().get_urls(),
        ]

    def photos_view(self, request, object_id=None):
        """The body editor's photos: GET lists the article's photos, POST uploads one.

        From an article not saved yet, the photos are the uploader's own, attached to the
        article when it is first saved (`save_related`)."""
        article = self.get_object(request, str(object_id)) if object_id else None
        if object_id and article is None:
            raise Http404
        if article is not None:
            allowed = self.has_change_permission(request, article)
            photos = article.photos.all()
        else:
            allowed = self.has_add_permission(request)
            photos = ArticlePhoto.objects.filter(article=None, uploaded_by=request.user)
        if not allowed:
            raise PermissionDenied
        if request.method == "GET":
            return JsonResponse({"photos": [photo.as_json() for photo in photos]})
        if request.method != "POST":
            return JsonResponse({}, status=405)
        if not request.user.has_perm("news.add_articlephoto"):
            raise PermissionDenied
        form = PhotoUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        photo = form.save(commit=False)
        photo.article, photo.uploaded_by = article, request.user
        photo.order = 1 + max((p.order for p in photos), default=0)
        with upload_journal() as written:
            try:
                with transaction.atomic():
                    photo.save()
            except StorageWriteError as error:
                remove_written(written)
                return JsonResponse({"errors": {"image": [{"message": error.message}]}}, status=507)
        # Uploads from forms never saved: gone a day later.
        ArticlePhoto.objects.filter(
            article=None, uploaded_at__lt=timezone.now() - timedelta(days=1)
        ).delete()
        return JsonResponse(photo.as_json(), status=201)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Photos uploaded before the article's first save belong to it once its body
        # places them.
        ArticlePhoto.objects.filter(
            article=None, uploaded_by=request.user, pk__in=photo_ids(form.instance.body)
        ).update(article=form.instance)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = set()
        if not self.has_change_permission(request, obj):
            # Only the form that saves checks the version it was opened at.
            hidden.add("expected_version")
        if not request.user.has_perm("news.add_article"):
            # Staff who only look up published news (to name it as evidence) do not read
            # the newsroom's internal note.
            hidden.add("editor_note")
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = []
        if not roles.can_publish(request.user):
            readonly += ["published_at", "is_featured"]
        if obj and obj.published_by_id:
            readonly.append("slug")
        return readonly

    def get_ordering(self, request):
        if request.GET.get("publication") == "scheduled":
            return ["published_at"]
        # What waits for review first, then drafts (no date yet), then the newest news.
        waiting_first = Case(When(status=Article.Status.REVIEW, then=0), default=1)
        return [waiting_first, F("published_at").desc(nulls_first=True), "-pk"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not roles.writes_news(request.user):
            # Staff who do not write news (institution staff naming evidence) see only
            # what is public.
            return queryset.published()
        return queryset

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        # Also through the history pages, which look objects up past get_queryset.
        return allowed and (obj is None or roles.can_read(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or roles.can_delete(request.user, obj))

    def has_recover_permission(self, request):
        return roles.can_publish(request.user)

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        return roles.reads_history(
            request.user
        ) and super().has_view_history_or_change_history_permission(request, obj)

    def can_revert(self, user) -> bool:
        return roles.can_publish(user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        previous = form.initial.get("status") if change else None
        publishing.apply_status(obj, previous, by=request.user)
        link_cited_documents(obj)

    @admin.action(description=_("Đăng ngay các tin đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        def publish(article, *, by):
            if article.is_public:
                return False
            publishing.publish_article(article, by=by)
            return True

        apply_to_each(self, request, queryset, publish, done_message=_("Đã đăng %(n)d tin."))

    @admin.action(description=_("Gỡ các tin đã chọn khỏi trang"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        def unpublish(article, *, by):
            if article.status != Article.Status.PUBLISHED:
                return False
            publishing.unpublish_article(article, by=by)
            return True

        apply_to_each(self, request, queryset, unpublish, done_message=_("Đã gỡ %(n)d tin."))


@tasks.register
def news_tasks(user) -> list[tasks.Task]:
    if not roles.writes_news(user):
        return []
    articles = reverse("admin:news_article_changelist")
    if not roles.can_publish(user):
        drafts = Article.objects.filter(created_by=user, status=Article.Status.DRAFT).count()
        return [
            tasks.Task(_("Bản nháp của bạn"), drafts, articles + "?cua-toi=1&status__exact=draft"),
            tasks.Task(_("Viết tin mới"), 0, reverse("admin:news_article_add"), always=True),
        ]
    waiting = Article.objects.filter(status=Article.Status.REVIEW).count()
    scheduled = Article.objects.scheduled().count()
    return [
        tasks.Task(_("Tin chờ duyệt"), waiting, articles + "?publication=pending"),
        tasks.Task(_("Tin hẹn giờ đăng"), scheduled, articles + "?publication=scheduled"),
    ]
