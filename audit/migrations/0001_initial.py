"""The audit trail, moved from the project package: its table and content type are kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from permissions.contenttypes import move_content_types


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("culture_portal", "0006_models_moved_to_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="thời điểm")),
                        ("action", models.CharField(choices=[("published", "Đăng tin"), ("scheduled", "Hẹn giờ đăng tin"), ("unpublished", "Gỡ tin"), ("approved", "Phê duyệt"), ("returned", "Trả lại"), ("verified", "Xác nhận"), ("closed", "Khép lại"), ("deleted", "Xoá"), ("restored", "Khôi phục")], db_index=True, max_length=20, verbose_name="thao tác")),
                        ("object_type", models.CharField(max_length=100, verbose_name="loại")),
                        ("object_id", models.CharField(max_length=40, verbose_name="mã")),
                        ("object_repr", models.CharField(max_length=300, verbose_name="đối tượng")),
                        ("detail", models.TextField(blank=True, verbose_name="chi tiết")),
                        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="người thực hiện")),
                    ],
                    options={
                        "verbose_name": "nhật ký thao tác",
                        "verbose_name_plural": "nhật ký thao tác",
                        "ordering": ["-at", "-pk"],
                        "db_table": "culture_portal_auditevent",
                    },
                ),
            ]
        ),
        migrations.RunPython(
            move_content_types("culture_portal", "audit", ["auditevent"]),
            move_content_types("audit", "culture_portal", ["auditevent"]),
        ),
    ]
