"""The staff roles of the news workflow, as Django groups with their permissions."""

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


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from culture_portal.roles import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)
