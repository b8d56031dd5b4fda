"""Four weeks of the demo leaders' schedule for `manage.py load_demo`, around the current
week (two before, this one and the next), all published; one entry of this week adjusted
after publication, one postponed."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from schedule.models import Entry, Week, week_start

DIRECTOR = "Giám đốc Sở Trần Văn Minh"
DEPUTY = "Phó Giám đốc Sở Nguyễn Văn An"
DEPUTY_2 = "Phó Giám đốc Sở Lê Thị Thu Hương"
HALL = "Hội trường Sở, số 12 đường Võ Trường Toản"
ROOM = "Phòng họp số 1, trụ sở Sở"

# (weekday, start, end, title, chair, attendees, location)
PATTERN = [
    (
        0,
        time(7, 30),
        time(9, 0),
        "Giao ban lãnh đạo Sở đầu tuần",
        DIRECTOR,
        "Các Phó Giám đốc Sở; Chánh Văn phòng; Trưởng các phòng",
        ROOM,
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh về chương trình nghệ thuật phục vụ Tết",
        DEPUTY_2,
        "Phòng Quản lý Văn hóa và Gia đình; Ban Giám đốc Trung tâm",
        "Trung tâm Văn hóa Nghệ thuật tỉnh",
    ),
    (
        1,
        time(8, 0),
        time(11, 30),
        "Dự họp Ủy ban nhân dân tỉnh thường kỳ",
        DIRECTOR,
        "Chánh Văn phòng",
        "Trụ sở Ủy ban nhân dân tỉnh",
    ),
    (
        1,
        time(14, 0),
        None,
        "Kiểm tra công tác chuẩn bị Giải Việt dã truyền thống",
        DEPUTY,
        "Phòng Quản lý Thể dục thể thao",
        "Sân vận động tỉnh",
    ),
    (
        2,
        time(8, 0),
        time(10, 0),
        "Tiếp công dân định kỳ",
        DIRECTOR,
        "Văn phòng Sở; Phòng Quản lý Văn hóa và Gia đình",
        "Phòng tiếp công dân, trụ sở Sở",
    ),
    (
        2,
        time(14, 0),
        time(17, 0),
        "Hội nghị triển khai phát triển du lịch cộng đồng",
        DEPUTY,
        "Phòng Quản lý Du lịch; đại diện Ủy ban nhân dân các xã có làng nghề",
        HALL,
    ),
    (
        3,
        time(8, 0),
        time(11, 0),
        "Làm việc với Bảo tàng tỉnh về hồ sơ di sản văn hóa phi vật thể",
        DEPUTY_2,
        "Phòng Quản lý Văn hóa và Gia đình; Bảo tàng tỉnh",
        "Bảo tàng tỉnh",
    ),
    (
        4,
        time(8, 0),
        time(9, 30),
        "Họp Ban Biên tập Cổng thông tin điện tử",
        DEPUTY,
        "Các thành viên Ban Biên tập",
        ROOM,
    ),
    (
        4,
        time(15, 0),
        time(16, 30),
        "Giao ban cuối tuần, đánh giá kết quả công tác",
        DIRECTOR,
        "Các Phó Giám đốc Sở; Chánh Văn phòng",
        ROOM,
    ),
]


def load() -> dict:
    this_week = week_start(timezone.localdate())
    for offset in (-2, -1, 0, 1):
        start = this_week + timedelta(weeks=offset)
        week, created = Week.objects.get_or_create(start=start)
        if not created and week.entries.exists():
            continue
        for weekday, begins, ends, title, chair, attendees, location in PATTERN:
            Entry.objects.create(
                week=week,
                day=start + timedelta(days=weekday),
                starts_at=begins,
                ends_at=ends,
                title=title,
                chair=chair,
                attendees=attendees,
                location=location,
            )
        published = timezone.make_aware(datetime.combine(start - timedelta(days=3), time(16)))
        week.status, week.published_at = Week.Status.PUBLISHED, published
        week.save()
        if offset == 0:
            moved = week.entries.get(title__startswith="Hội nghị triển khai")
            moved.starts_at, moved.location = time(15, 0), "Hội trường Ủy ban nhân dân tỉnh"
            moved.adjusted_at, moved.sequence = published + timedelta(days=2, hours=1), 1
            moved.save()
            postponed = week.entries.get(title__startswith="Làm việc với Bảo tàng")
            postponed.cancelled = True
            postponed.adjusted_at, postponed.sequence = published + timedelta(days=2), 1
            postponed.save()
    return {"weeks": Week.objects.published().count()}
