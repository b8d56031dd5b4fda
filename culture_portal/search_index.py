"""Keeps SearchEntry in step with published articles and institutions."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from culture_portal.models import SearchEntry
from culture_portal.search import search_tokens


def article_entry(article) -> SearchEntry | None:
    if article.status != article.Status.PUBLISHED or article.published_at is None:
        return None
    text = "\n".join(part for part in (article.lead, article.body_text) if part)
    return SearchEntry(
        kind=SearchEntry.Kind.NEWS,
        object_id=article.pk,
        title=article.title,
        url=article.get_absolute_url(),
        date=article.published_at,
        label=article.category.name if article.category_id else "",
        text=text,
        title_tokens=search_tokens(article.title),
        tokens=search_tokens(article.title, text),
    )


def institution_entry(institution) -> SearchEntry:
    unit = institution.unit
    place = ", ".join(u.title_name for u in reversed([*unit.ancestors(), unit]))
    text = "\n".join(part for part in (institution.address, institution.description) if part)
    return SearchEntry(
        kind=SearchEntry.Kind.INSTITUTION,
        object_id=institution.pk,
        title=institution.name,
        url=institution.get_absolute_url(),
        date=institution.updated_at,
        label=place,
        text=text,
        title_tokens=search_tokens(institution.name),
        tokens=search_tokens(institution.name, institution.type.name, place, text),
    )


ENTRY_BUILDERS = {
    "news.Article": (SearchEntry.Kind.NEWS, article_entry),
    "institutions.Institution": (SearchEntry.Kind.INSTITUTION, institution_entry),
}

UPDATED_FIELDS = ["title", "url", "date", "label", "text", "title_tokens", "tokens"]


def store(kind: str, object_id: int, entry: SearchEntry | None) -> None:
    if entry is None:
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
        return
    values = {name: getattr(entry, name) for name in UPDATED_FIELDS}
    SearchEntry.objects.update_or_create(kind=kind, object_id=object_id, defaults=values)


def on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (restore): rebuild_search_index follows
        return
    # In the saving transaction: if the save is rolled back, so is its entry.
    kind, build = ENTRY_BUILDERS[sender._meta.label]
    store(kind, instance.pk, build(instance))


def on_delete(sender, instance, **kwargs):
    kind, _build = ENTRY_BUILDERS[sender._meta.label]
    SearchEntry.objects.filter(kind=kind, object_id=instance.pk).delete()


def connect_signals() -> None:
    for label in ENTRY_BUILDERS:
        uid = f"search-index:{label}"
        post_save.connect(on_save, sender=label, dispatch_uid=uid + ":save")
        post_delete.connect(on_delete, sender=label, dispatch_uid=uid + ":delete")


def rebuild(progress=None) -> int:
    """Rebuilds the whole index in one transaction; returns the number of entries."""
    from institutions.models import Institution
    from news.models import Article

    articles = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__isnull=False)
    sources = [
        articles.select_related("category").order_by("pk"),
        Institution.objects.select_related("type", "unit__parent__parent").order_by("pk"),
    ]
    builders = [article_entry, institution_entry]
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for queryset, build in zip(sources, builders, strict=True):
            batch = []
            for obj in queryset.iterator(chunk_size=500):
                entry = build(obj)
                if entry is not None:
                    batch.append(entry)
                if len(batch) >= 500:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
                    if progress:
                        progress(count)
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
    if progress:
        progress(count)
    return count


def fill_if_empty(using="default", **kwargs) -> None:
    """After `migrate`: a database that has content but no index yet (an upgrade) gets one."""
    from institutions.models import Institution
    from news.models import Article

    if SearchEntry.objects.using(using).exists():
        return
    if Article.objects.using(using).exists() or Institution.objects.using(using).exists():
        rebuild()
