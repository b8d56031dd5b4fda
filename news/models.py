import html
import re

from django.conf import settings
from django.db import connection, models
from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from audit.fields import EditCounterField
from news.richtext import BodyField, body_items, split_blocks
from photos.models import Photo
from vietnamese.fields import AutoSlugField, LineField, ParagraphsField
from vietnamese.text import normalize_text

# Paths under /tin-tuc/ that an article slug must not take.
RESERVED_SLUGS = {"rss", "chuyen-muc", "thang"}


class CategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_latest_articles(self, count: int) -> list["Category"]:
        """Active categories that have news, each with `latest_articles` (newest first, with
        their cover photos).

        Each category's newest are read from the (category, status, date) index, so the work
        does not grow with the archive. On PostgreSQL the categories come with the ids of
        their newest (an array subquery per category), then those articles in one query:
        building one queryset per category and their UNION cost more than running them.
        """
        if connection.vendor == "postgresql":
            from django.contrib.postgres.expressions import ArraySubquery

            newest = (
                Article.objects.published()
                .filter(category=OuterRef("pk"))
                .order_by("-published_at", "-pk")
                .values("pk")[:count]
            )
            categories = list(self.active().annotate(latest_ids=ArraySubquery(newest)))
            ids = [pk for category in categories for pk in category.latest_ids]
            articles = list(Article.objects.published().for_cards().filter(pk__in=ids))
        else:
            categories = list(self.active())
            articles = [
                article
                for category in categories
                for article in Article.objects.published()
                .for_cards()
                .filter(category=category)[:count]
            ]
        if not categories:
            return []
        prefetch_covers(articles)
        by_category: dict[int, list] = {}
        for article in articles:
            by_category.setdefault(article.category_id, []).append(article)
        for category in categories:
            category.latest_articles = sorted(
                by_category.get(category.pk, []),
                key=lambda a: (a.published_at, a.pk),
                reverse=True,
            )
        return [c for c in categories if c.latest_articles]


class Category(models.Model):
    name = LineField(_("tên chuyên mục"), max_length=120, unique=True)
    # Django's admin slug script mangles Vietnamese ("Thể thao" → "th-thao"): slugs are made
    # from the name when saved instead.
    slug = AutoSlugField(
        _("đường dẫn"),
        max_length=120,
        unique=True,
        populate_from="name",
        help_text=_("Bỏ trống để tạo tự động từ tên chuyên mục."),
    )
    description = LineField(_("mô tả"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        ).order_by("published_at")

    def for_cards(self):
        """What cards and lists show, without the body (covers: `prefetch_covers`)."""
        return self.select_related("category").defer("body", "editor_note")

    def for_listing(self):
        """What cards and lists show: no body, the cover photo prefetched."""
        return self.for_cards().prefetch_related(cover_prefetch())


def cover_prefetch():
    cover = ArticlePhoto.objects.order_by("-is_cover", "order", "pk")
    return models.Prefetch("photos", queryset=cover, to_attr="listing_photos")


def prefetch_covers(articles) -> None:
    """The cover photos of these articles, in one query (see `Article.cover_photo`)."""
    models.prefetch_related_objects(
        [a for a in articles if not hasattr(a, "listing_photos")], cover_prefetch()
    )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        REVIEW = "review", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã đăng")
        UNPUBLISHED = "unpublished", _("Đã gỡ")

    title = LineField(_("tiêu đề"), max_length=255)
    slug = AutoSlugField(
        _("đường dẫn"),
        max_length=255,
        unique=True,
        populate_from="title",
        fallback="tin-bai",
        reserved=RESERVED_SLUGS,
        reserved_suffix="tin",
        help_text=_("Tạo tự động từ tiêu đề; không đổi sau khi đã đăng."),
    )
    lead = ParagraphsField(_("sapo (tóm tắt)"), blank=True)
    body = BodyField(_("nội dung"), blank=True)
    byline = LineField(
        _("tác giả / đơn vị"),
        max_length=255,
        blank=True,
        help_text=_("Người viết (ví dụ: Thanh Nhàn) hoặc đơn vị (ví dụ: Phòng TC-PC)."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("chuyên mục"),
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
    )
    institutions = models.ManyToManyField(
        "institutions.Institution",
        verbose_name=_("thiết chế liên quan"),
        related_name="articles",
        blank=True,
        help_text=_("Các thiết chế văn hóa, thể thao mà tin bài nói tới."),
    )
    cited_documents = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("văn bản được dẫn"),
        related_name="citing_articles",
        blank=True,
        editable=False,
        help_text=_("Văn bản trong sổ văn bản mà tin bài nêu số, ký hiệu (tìm khi lưu tin)."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("thời gian đăng"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống khi đăng ngay; chọn thời điểm trong tương lai để hẹn giờ đăng."),
    )
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    source = LineField(
        _("nguồn"),
        max_length=500,
        blank=True,
        help_text=_("Nguồn của tin (với tin lấy từ cổng cũ hoặc nơi khác)."),
    )
    source_key = models.CharField(
        _("mã nguồn nhập"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    editor_note = ParagraphsField(
        _("ghi chú nội bộ"),
        blank=True,
        help_text=_("Chỉ hiện trong trang quản trị, ví dụ góp ý khi trả lại bài."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt đăng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)
    version = EditCounterField(_("phiên bản"))

    history = HistoricalRecords(
        verbose_name=_("lịch sử tin bài"),
        excluded_fields=["version", "updated_at"],
        m2m_fields=[],
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", _("Có thể đăng, hẹn giờ và gỡ tin bài")),
        ]
        # In the order of `ordering` (the pk breaks ties), so that a page of news is read
        # from the index in order and the scan stops at the page's end, however big the
        # archive.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="news_article_listing"),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="news_article_by_category",
            ),
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(is_featured=True, status="published"),
                name="news_article_featured",
            ),
            # The sitemap's last modification date: the newest edit, found without a scan.
            models.Index(fields=["-updated_at"], name="news_article_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="news_article_published_has_date",
                violation_error_message=_("Tin đã đăng phải có thời gian đăng."),
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="news_article_title_not_empty",
                violation_error_message=_("Tin bài phải có tiêu đề."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    @property
    def body_text(self) -> str:
        return normalize_text(html.unescape(strip_tags(re.sub(r"<", " <", self.body or ""))))

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def related(self, count: int = 6) -> list["Article"]:
        """Other published news: sharing an institution and the category first, then sharing
        an institution, then the category, then any; newest first within each.

        Each part is a small indexed query for its newest `count` (a ranking over the whole
        archive would grow with it); together they hold the overall top `count`.
        """
        published = (
            Article.objects.published()
            .exclude(pk=self.pk)
            .only("title", "slug", "published_at", "category_id")
        )
        parts = {"category": published.filter(category_id=self.category_id)}
        institution_ids = [i.pk for i in self.institutions.all()]
        if institution_ids:
            sharing = published.filter(
                pk__in=Article.institutions.through.objects.filter(
                    institution_id__in=institution_ids
                ).values("article_id")
            )
            parts["sharing"] = sharing
            parts["both"] = sharing.filter(category_id=self.category_id)
        parts["any"] = published
        candidates: dict[int, Article] = {}
        sharing_ids: set[int] = set()
        for name, query in parts.items():
            for article in query[:count]:
                candidates.setdefault(article.pk, article)
                if name in ("sharing", "both"):
                    sharing_ids.add(article.pk)

        def rank(article):
            relevance = (article.category_id == self.category_id) + 2 * (article.pk in sharing_ids)
            return (relevance, article.published_at, article.pk)

        return sorted(candidates.values(), key=rank, reverse=True)[:count]

    @property
    def cover_photo(self):
        photos = getattr(self, "listing_photos", None)
        if photos is None:
            photos = sorted(self.photos.all(), key=lambda p: (not p.is_cover, p.order, p.pk))
        return photos[0] if photos else None

    @property
    def header_photo(self):
        """The photo flagged as cover, shown above the body of the article page."""
        return next((p for p in self.photos.all() if p.is_cover), None)

    def body_with_photos(self) -> list[dict]:
        """The body's blocks, each photo the editor placed resolved to this article's photo
        (its renditions, with the caption and description written in the body)."""
        return body_items(split_blocks(self.body), {photo.pk: photo for photo in self.photos.all()})

    def missing_for_submission(self) -> list[str]:
        """Names of the fields an article needs before review or publishing."""
        required = {
            "lead": self.lead,
            "body": strip_tags(self.body or "").strip(),
            "byline": self.byline,
            "category": self.category_id,
        }
        return [name for name, value in required.items() if not value]


class ArticlePhoto(Photo):
    # Empty only for a photo uploaded from the body editor of an article not saved yet: the
    # article's first save takes the photos its body places (news.admin).
    article = models.ForeignKey(
        Article,
        verbose_name=_("tin bài"),
        on_delete=models.CASCADE,
        related_name="photos",
        null=True,
        blank=True,
    )
    is_cover = models.BooleanField(
        _("ảnh đại diện"),
        default=False,
        help_text=_("Ảnh hiện ở đầu bài, trong danh sách tin và khi chia sẻ liên kết."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), default=timezone.now, editable=False)

    history = HistoricalRecords(verbose_name=_("lịch sử ảnh"), excluded_fields=["renditions"])

    class Meta:
        verbose_name = _("ảnh trong bài")
        verbose_name_plural = _("ảnh trong bài")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(is_cover=True),
                name="news_articlephoto_one_cover",
                violation_error_message=_("Mỗi tin chỉ có một ảnh đại diện."),
            ),
        ]

    def __str__(self):
        return self.caption or self.image.name

    def as_json(self) -> dict:
        """What the body editor shows of a photo (its photo button and the photos it places)."""
        return {"id": self.pk, "src": self.src(640), "caption": self.caption, "alt": self.alt}
