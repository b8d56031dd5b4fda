"""The search index: what each app contributes, kept in step with every save.

An app makes a kind of content searchable by declaring a `Source` in its own
`search_entries.py` (found at start-up, as Django's admin finds `admin.py`):

    @index.register
    class ArticleSource(index.Source):
        kind = "news"
        model = "news.Article"
        ...
        def entry(self, article) -> index.Entry: ...

Every save or deletion of the source's model rewrites its one `SearchEntry`, in the saving
transaction (rolled back with it). A source names the fields of other models its entries
show (`follows`: a category's name on its articles), so that renaming one rewrites theirs.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from search.matching import search_tokens
from search.models import SearchEntry

# The date of an entry whose object has none (a unit, a category): only the admin's search
# boxes find those, and they do not sort by date.
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Entry:
    """What the index keeps of one object."""

    title: str
    url: str
    date: datetime
    label: str = ""  # shown beside the result (a category, a place), not searched
    text: str = ""
    # Further words the object is found by (a type, a place).
    words: tuple[str, ...] = ()
    # Shown by the site search (from `date` on); the others only in the admin's search.
    public: bool = True


@dataclass(frozen=True)
class Follow:
    """Entries show fields of another model: a change of those fields rewrites them."""

    model: str  # "news.Category"
    lookups: tuple[str, ...]  # paths from the source's model to it ("category")
    fields: tuple[str, ...]  # what the entries show of it ("name",)


class Source(ABC):
    """One kind of searchable content, declared by the app that owns it: a kind without
    `entry` cannot be registered (Python refuses to make it)."""

    kind: str = ""  # stored in SearchEntry.kind
    model: str = ""  # "app_label.ModelName"
    label: str = ""  # the tab and badge on the search page
    slug: str = ""  # ?loai= on the search page; empty: never shown there
    shows_date: bool = False  # results show their date (news), else their label (a place)
    # Other models whose names the entries show (a category, a place).
    follows: tuple["Follow", ...] = ()

    def get_model(self):
        return apps.get_model(self.model)

    def queryset(self):
        """The objects that have an entry (one each), with what `entry` reads."""
        return self.get_model()._default_manager.all()

    @abstractmethod
    def entry(self, obj) -> Entry:
        """What the index stores of `obj` (every object of `queryset()` has one): its title,
        address, date, text and whether the site search shows it."""

    def newest(self, count: int) -> list:
        """What the search page offers when nothing is found (empty: nothing)."""
        return []

    newest_template = ""  # the card each of those is shown with, as `item`
    newest_title = ""
    browse_url_name = ""  # where to browse this kind when nothing is found
    browse_label = ""


_sources: dict[str, Source] = {}


def register(source_class: type[Source]) -> type[Source]:
    source = source_class()
    _sources[source.kind] = source
    return source_class


def sources() -> list[Source]:
    return list(_sources.values())


def source(kind: str) -> Source:
    return _sources[kind]


def public_sources() -> list[Source]:
    return [s for s in _sources.values() if s.slug]


def source_for_model(model) -> Source | None:
    label = model._meta.label
    return next((s for s in _sources.values() if s.model == label), None)


def build(source: Source, obj) -> SearchEntry:
    found = source.entry(obj)
    return SearchEntry(
        kind=source.kind,
        object_id=obj.pk,
        public=found.public,
        title=found.title[:300],
        url=found.url,
        date=found.date,
        label=found.label[:300],
        text=found.text,
        title_tokens=search_tokens(found.title),
        tokens=search_tokens(found.title, *found.words, found.text),
    )


UPDATED_FIELDS = ["public", "title", "url", "date", "label", "text", "title_tokens", "tokens"]


def store(source: Source, obj) -> None:
    entry = build(source, obj)
    values = {name: getattr(entry, name) for name in UPDATED_FIELDS}
    SearchEntry.objects.update_or_create(kind=source.kind, object_id=obj.pk, defaults=values)


def refresh(source: Source, queryset) -> None:
    """Rewrite the entries of these objects of the source (a name they show changed)."""
    for obj in source.queryset().filter(pk__in=queryset.values("pk")):
        store(source, obj)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (restore): rebuild_search_index follows
        return
    source = source_for_model(sender)
    # Re-read with what the entry shows; in the saving transaction, so a rollback takes it.
    obj = source.queryset().filter(pk=instance.pk).first()
    if obj is None:
        SearchEntry.objects.filter(kind=source.kind, object_id=instance.pk).delete()
    else:
        store(source, obj)


def _on_delete(sender, instance, **kwargs):
    source = source_for_model(sender)
    SearchEntry.objects.filter(kind=source.kind, object_id=instance.pk).delete()


def _follow(source: Source, follow: Follow):
    """Signal handlers that rewrite the source's entries when the followed fields change."""
    marker = f"_search_before_{source.kind}"

    def before(sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            return
        old = sender._default_manager.filter(pk=instance.pk).values(*follow.fields).first()
        setattr(instance, marker, old)

    def after(sender, instance, raw=False, created=False, **kwargs):
        old = instance.__dict__.pop(marker, None)
        if raw or created or old is None:
            return
        if all(old[name] == getattr(instance, name) for name in follow.fields):
            return
        related = Q()
        for lookup in follow.lookups:
            related |= Q(**{lookup: instance.pk})
        refresh(source, source.get_model()._default_manager.filter(related))

    return before, after


def connect_signals() -> None:
    for source in _sources.values():
        uid = f"search-index:{source.kind}"
        post_save.connect(_on_save, sender=source.model, dispatch_uid=uid + ":save")
        post_delete.connect(_on_delete, sender=source.model, dispatch_uid=uid + ":delete")
        for follow in source.follows:
            before, after = _follow(source, follow)
            follow_uid = f"{uid}:follows:{follow.model}"
            pre_save.connect(before, sender=follow.model, weak=False, dispatch_uid=follow_uid)
            post_save.connect(after, sender=follow.model, weak=False, dispatch_uid=follow_uid)


def rebuild(progress=None, kinds=None) -> int:
    """Rebuild the index (or the entries of `kinds`) in one transaction; returns the count."""
    chosen = [s for s in _sources.values() if kinds is None or s.kind in kinds]
    count = 0
    with transaction.atomic():
        for source in chosen:
            SearchEntry.objects.filter(kind=source.kind).delete()
            batch = []
            for obj in source.queryset().order_by("pk").iterator(chunk_size=500):
                batch.append(build(source, obj))
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


def fill_missing(using="default", **kwargs) -> None:
    """After `migrate`: each object without an entry gets one, and entries of objects that
    are gone are dropped (a new kind of content, a database upgraded from an older index);
    entries already there are kept as they are."""
    for source in _sources.values():
        objects = source.queryset().using(using)
        entries = SearchEntry.objects.using(using).filter(kind=source.kind)
        if objects.count() == entries.count():
            continue
        ids = set(objects.values_list("pk", flat=True))
        indexed = set(entries.values_list("object_id", flat=True))
        entries.filter(object_id__in=indexed - ids).delete()
        missing = sorted(ids - indexed)
        for start in range(0, len(missing), 500):
            chunk = objects.filter(pk__in=missing[start : start + 500])
            SearchEntry.objects.using(using).bulk_create(build(source, obj) for obj in chunk)
