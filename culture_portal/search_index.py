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


def refresh_institutions(institutions) -> None:
    """Rewrites the entries of these institutions (their place or type was renamed)."""
    entries = [
        institution_entry(institution)
        for institution in institutions.select_related("type", "unit__parent__parent")
    ]
    for entry in entries:
        store(SearchEntry.Kind.INSTITUTION, entry.object_id, entry)


def on_category_save(sender, instance, raw=False, **kwargs):
    """A renamed category: its news show the new name in the results."""
    if raw:
        return
    SearchEntry.objects.filter(
        kind=SearchEntry.Kind.NEWS,
        object_id__in=instance.articles.values("pk"),
    ).exclude(label=instance.name).update(label=instance.name)


def on_unit_save(sender, instance, raw=False, **kwargs):
    """A renamed administrative unit: the place (label and words) of every institution in it or
    below it."""
    if raw:
        return
    from institutions.models import Institution, within_unit

    refresh_institutions(Institution.objects.filter(within_unit(instance.pk)))


def on_type_save(sender, instance, raw=False, **kwargs):
    """A renamed institution type: its name is among the words the institutions are found by."""
    if raw:
        return
    from institutions.models import Institution

    refresh_institutions(Institution.objects.filter(type=instance))


def connect_signals() -> None:
    for label in ENTRY_BUILDERS:
        uid = f"search-index:{label}"
        post_save.connect(on_save, sender=label, dispatch_uid=uid + ":save")
        post_delete.connect(on_delete, sender=label, dispatch_uid=uid + ":delete")
    for label, handler in (
        ("news.Category", on_category_save),
        ("institutions.AdministrativeUnit", on_unit_save),
        ("institutions.InstitutionType", on_type_save),
    ):
        post_save.connect(handler, sender=label, dispatch_uid=f"search-index:{label}:save")


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
