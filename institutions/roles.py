"""Who may do what with institutions: the roles of institution staff and leaders as Django
groups, and every permission check the admin, the views and the forms of the app ask."""

from institutions.models import Institution

INSTITUTION_STAFF = "Cán bộ thiết chế"
LEADERS = "Lãnh đạo"

STAFF_PERMISSIONS = [
    "institutions.view_institution",
    "institutions.change_institution",
    "institutions.view_institutionphoto",
    "institutions.add_institutionphoto",
    "institutions.change_institutionphoto",
    "institutions.delete_institutionphoto",
    "institutions.view_institutionfacility",
    "institutions.add_institutionfacility",
    "institutions.change_institutionfacility",
    "institutions.delete_institutionfacility",
    "institutions.view_profilechange",
    # Photos and facilities as a pending proposal has them (staff amend it in the form).
    "institutions.view_proposedphoto",
    "institutions.add_proposedphoto",
    "institutions.change_proposedphoto",
    "institutions.delete_proposedphoto",
    "institutions.view_proposedfacility",
    "institutions.add_proposedfacility",
    "institutions.change_proposedfacility",
    "institutions.delete_proposedfacility",
    "institutions.view_administrativeunit",
    "institutions.view_facilitykind",
]
LEADER_PERMISSIONS = [
    *STAFF_PERMISSIONS,
    "institutions.change_any_institution",
    "institutions.change_profilechange",
    "institutions.view_assessment",
    "institutions.add_assessment",
    "institutions.view_historicalinstitution",
    "institutions.view_institutiontype",
]

ROLES = {INSTITUTION_STAFF: STAFF_PERMISSIONS, LEADERS: LEADER_PERMISSIONS}

DEFAULT_TYPES = [
    # (name, level)
    ("Trung tâm Văn hóa Nghệ thuật tỉnh", 1),
    ("Trung tâm Văn hóa – Điện ảnh tỉnh", 1),
    ("Bảo tàng tỉnh", 1),
    ("Thư viện tỉnh", 1),
    ("Trường Năng khiếu thể dục thể thao", 1),
    ("Nhà thi đấu, sân vận động tỉnh", 1),
    ("Rạp chiếu phim", 1),
    ("Trung tâm Văn hóa, Thể thao và Truyền thông cấp huyện", 2),
    ("Thư viện cấp huyện", 2),
    ("Sân vận động cấp huyện", 2),
    ("Trung tâm Văn hóa – Học tập cộng đồng cấp xã", 3),
    ("Trung tâm Văn hóa – Thể thao cấp xã", 3),
    ("Nhà văn hóa thôn, xóm, bản, ấp, tổ dân phố", 4),
]

DEFAULT_FACILITY_KINDS = [
    ("Diện tích sàn", "m²"),
    ("Diện tích đất", "m²"),
    ("Số chỗ ngồi hội trường", "chỗ"),
    ("Sân thể thao", "sân"),
    ("Số bản sách", "bản"),
    ("Số hiện vật", "hiện vật"),
    ("Phòng chức năng", "phòng"),
]


def is_leader(user) -> bool:
    """Leaders (and superusers) review, approve and assess every institution."""
    return user.is_superuser or user.has_perm("institutions.change_any_institution")


def editable_institutions(user):
    """The institutions a user may change: every one for leaders, else their own."""
    if is_leader(user):
        return Institution.objects.all()
    return Institution.objects.filter(editors=user)


def can_edit(user, institution) -> bool:
    return editable_institutions(user).filter(pk=institution.pk).exists()
