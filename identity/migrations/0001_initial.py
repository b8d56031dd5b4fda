"""The site identity, moved from the project package: its table and content type are kept."""

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
                    name="SiteIdentity",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(default="Sở Văn hóa, Thể thao và Du lịch", max_length=255, verbose_name="tên cơ quan")),
                        ("parent_agency", models.CharField(blank=True, default="Ủy ban nhân dân tỉnh", max_length=255, verbose_name="cơ quan chủ quản")),
                        ("portal_name", models.CharField(default="Cổng thông tin điện tử", max_length=255, verbose_name="tên cổng thông tin")),
                        ("address", models.CharField(blank=True, max_length=500, verbose_name="địa chỉ")),
                        ("phone", models.CharField(blank=True, max_length=50, verbose_name="điện thoại")),
                        ("hotline", models.CharField(blank=True, max_length=50, verbose_name="đường dây nóng")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="thư điện tử")),
                        ("content_responsible", models.CharField(blank=True, help_text="Họ tên và chức vụ, ví dụ: Nguyễn Văn A – Phó Giám đốc Sở.", max_length=255, verbose_name="người chịu trách nhiệm nội dung")),
                        ("license_text", models.CharField(blank=True, help_text="Số giấy phép thiết lập trang thông tin điện tử, nếu có.", max_length=500, verbose_name="giấy phép")),
                        ("description", models.CharField(blank=True, help_text="Dùng cho công cụ tìm kiếm và khi chia sẻ liên kết.", max_length=300, verbose_name="mô tả ngắn")),
                    ],
                    options={
                        "verbose_name": "thông tin cơ quan",
                        "verbose_name_plural": "thông tin cơ quan",
                        "db_table": "culture_portal_siteidentity",
                    },
                ),
            ]
        ),
        migrations.RunPython(
            move_content_types("culture_portal", "identity", ["siteidentity"]),
            move_content_types("identity", "culture_portal", ["siteidentity"]),
        ),
    ]
