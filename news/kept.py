"""What the news pages keep between requests beyond their fragments (page_cache/fragments.py),
under the news' version, so that a warm page reads nothing from the database."""

from django.core.cache import caches
from django.http import Http404
from django.shortcuts import get_object_or_404

from news.models import Category
from page_cache.fragments import versions_of

# How long a list's count, a category or a list's block is kept (its key names the news'
# version, so an edit never shows a stale one).
KEPT_SECONDS = 600


def kept_category(request, slug: str) -> Category:
    """The active category of this address (404 if none), kept between requests under the
    news' version: a category page does not read it from the database when warm. Signed-in
    staff read it live."""
    if request.user.is_authenticated:
        return get_object_or_404(Category.objects.active(), slug=slug)
    if len(slug) > Category._meta.get_field("slug").max_length:
        raise Http404("No active category")
    fragments = caches["fragments"]
    key = f"news-category:{versions_of(request).news}:{slug}"
    category = fragments.get(key)
    if category is None:
        category = Category.objects.active().filter(slug=slug).first()
        if category is None:
            raise Http404("No active category")
        fragments.set(key, category, KEPT_SECONDS)
    return category
