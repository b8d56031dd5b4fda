"""A model moved from one app to another keeps its content type, and so its permissions,
the groups that hold them and the admin's log of it."""


def move_content_types(old_app: str, new_app: str, models: list[str]):
    """A migration operation's function: rename the content types of `models`."""

    def forward(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in models:
            old = ContentType.objects.using(db).filter(app_label=old_app, model=model).first()
            if old is None:
                continue
            # One made for the new label already (a database migrated part-way) has no rows
            # of its own yet: the old one, which permissions and the log point to, replaces it.
            ContentType.objects.using(db).filter(app_label=new_app, model=model).delete()
            old.app_label = new_app
            old.save(using=db)

    return forward
