"""Who may do what with news: the staff roles as Django groups, and every permission check
the admin, the views and the forms of the news app ask."""

from news.models import Article

EDITORS = "Biên tập viên"
PUBLISHERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "news.view_category",
    "news.view_article",
    "news.add_article",
    "news.change_article",
    "news.delete_article",
    "news.view_articlephoto",
    "news.add_articlephoto",
    "news.change_articlephoto",
    "news.delete_articlephoto",
    "news.view_historicalarticle",
    # To name the institutions an article is about (the article form's autocomplete).
    "institutions.view_institution",
]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "news.publish_article",
    "news.add_category",
    "news.change_category",
]

ROLES = {EDITORS: EDITOR_PERMISSIONS, PUBLISHERS: PUBLISHER_PERMISSIONS}

# What editors may still change: not what is public.
EDITABLE_BY_EDITORS = (Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.UNPUBLISHED)
# What an editor may set an article to: the publisher decides the rest.
EDITOR_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def can_publish(user) -> bool:
    """Publish, schedule, unpublish, restore an earlier version: a publisher's acts."""
    return user.has_perm("news.publish_article")


def writes_news(user) -> bool:
    """Editors and publishers; others (institution staff naming evidence) only look up what
    is public."""
    return user.has_perm("news.add_article")


def can_edit(user, article) -> bool:
    """Editors change drafts, articles awaiting review and withdrawn ones; publishers all."""
    return can_publish(user) or article.status in EDITABLE_BY_EDITORS


def can_read(user, article) -> bool:
    return writes_news(user) or article.is_public


def can_delete(user, article) -> bool:
    return can_publish(user) or article.status == Article.Status.DRAFT


def reads_history(user) -> bool:
    """Earlier versions, even of a published article, are drafts and internal notes: the
    history pages are the newsroom's (the role's explicit permission)."""
    return user.has_perm("news.view_historicalarticle")


def can_preview(user) -> bool:
    """Unpublished news is read on the public site by those who write it (institution staff
    and leaders may view published articles in the admin, but not drafts)."""
    return user.is_authenticated and user.is_staff and user.has_perm("news.change_article")
