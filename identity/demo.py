"""The demo department's identity, for `manage.py load_demo` (made once, never rewritten)."""

from identity.models import SiteIdentity


def load() -> None:
    if not SiteIdentity.objects.exists():
        SiteIdentity(
            name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp",
            parent_agency="Ủy ban nhân dân tỉnh Đồng Tháp",
            portal_name="Cổng thông tin điện tử",
            address="Số 12, đường Võ Trường Toản, phường Cao Lãnh, tỉnh Đồng Tháp",
            phone="0277 3851 234",
            hotline="0277 3851 999",
            email="vanphong.svhttdl@dongthap.gov.vn",
            content_responsible="Nguyễn Văn An – Phó Giám đốc Sở",
            license_text="Giấy phép thiết lập trang thông tin điện tử số 01/GP-STTTT",
            description="Tin tức, thiết chế văn hóa và kế hoạch công tác của ngành "
            "văn hóa, thể thao và du lịch tỉnh.",
        ).save()
