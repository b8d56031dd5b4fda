"""The search index, moved from the project package: its table (with, on PostgreSQL, its
tsvector columns and their GIN indexes) and content type are kept."""

from django.db import migrations, models

from permissions.contenttypes import move_content_types


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("culture_portal", "0006_models_moved_to_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(max_length=20, verbose_name="loại")),
                        ("object_id", models.PositiveIntegerField()),
                        ("title", models.CharField(max_length=300, verbose_name="tiêu đề")),
                        ("url", models.CharField(max_length=400)),
                        ("date", models.DateTimeField(help_text="Thời gian đăng tin; lần cập nhật cuối của thiết chế.", verbose_name="thời gian")),
                        ("label", models.CharField(blank=True, help_text="Chuyên mục, hoặc địa bàn.", max_length=300, verbose_name="nhãn")),
                        ("text", models.TextField(blank=True, verbose_name="nội dung")),
                        ("title_tokens", models.TextField(default="")),
                        ("tokens", models.TextField(default="")),
                    ],
                    options={
                        "verbose_name": "mục tìm kiếm",
                        "verbose_name_plural": "mục tìm kiếm",
                        "db_table": "culture_portal_searchentry",
                        "indexes": [models.Index(fields=["-date"], name="search_entry_date")],
                        "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique")],
                    },
                ),
            ]
        ),
        migrations.RunPython(
            move_content_types("culture_portal", "search", ["searchentry"]),
            move_content_types("search", "culture_portal", ["searchentry"]),
        ),
    ]
