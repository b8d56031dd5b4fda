"""Demo news for `manage.py load_demo`: categories, the two seed stories retold, and more.

Idempotent: what is missing is made; a row that exists is never changed (people may have
edited it since), and never duplicated.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from news.citing import link_cited_documents
from news.models import Article, ArticlePhoto, Category
from news.richtext import place_photos
from photos.demo import demo_photo
from photos.images import clean_photo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CATEGORIES = [
    ("Tin hoạt động", "tin-hoat-dong", "Hoạt động của Sở và các đơn vị trực thuộc"),
    ("Thông báo", "thong-bao", "Thông báo, hướng dẫn của Sở"),
    ("Văn hóa", "van-hoa", "Văn hóa cơ sở, di sản, nghệ thuật biểu diễn"),
    ("Thể thao", "the-thao", "Thể thao thành tích cao và thể thao quần chúng"),
    ("Du lịch", "du-lich", "Quảng bá, phát triển du lịch"),
]


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# The two seed stories, told again in our own words with their facts.
SEED_STORIES = [
    {
        "title": (
            "Hòa Bình: hội nghị chuyên đề về chất lượng hoạt động của thiết chế văn hóa, "
            "thể thao cơ sở"
        ),
        "category": "tin-hoat-dong",
        "published_at": datetime(2019, 9, 27, 16, 0, tzinfo=TZ),
        "byline": "Phòng TC-PC",
        "featured": True,
        "lead": (
            "Ngày 27/9/2019, Sở Văn hóa, Thể thao và Du lịch tỉnh Hòa Bình tổ chức hội nghị "
            "chuyên đề bàn giải pháp nâng cao chất lượng hoạt động của các thiết chế văn hóa, "
            "thể thao cấp huyện, cấp xã và ở xóm, bản."
        ),
        "body": p(
            "Hội nghị do hai Phó Giám đốc Sở là các đồng chí Lưu Huy Linh và Bùi Xuân Trường "
            "chỉ đạo. Tham dự có hơn 40 đại biểu: lãnh đạo các phòng chuyên môn và đơn vị sự "
            "nghiệp thuộc Sở, Phòng Văn hóa và Thông tin cùng Trung tâm Văn hóa, Thể thao và "
            "Truyền thông của các huyện, thành phố.",
            "Khai mạc hội nghị, Phó Giám đốc Lưu Huy Linh điểm lại việc thực hiện Kế hoạch số "
            "129-KH/TU ngày 06/02/2018 của Tỉnh ủy về Nghị quyết số 18-NQ/TW và Nghị quyết số "
            "19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII về sắp xếp bộ máy "
            "và đổi mới đơn vị sự nghiệp công lập.",
            "Kể từ ngày 01/01/2019, Trung tâm Văn hóa, Thể thao và Truyền thông cấp huyện cùng "
            "ba đơn vị thuộc Sở — Trường Năng khiếu, Huấn luyện và Thi đấu thể dục thể thao "
            "tỉnh, Trung tâm Văn hóa – Điện ảnh tỉnh và Bảo tàng tỉnh — chính thức đi vào hoạt "
            "động theo mô hình mới.",
            "Sau gần một năm hợp nhất, sáp nhập, hội nghị nhìn lại cách các đơn vị phối hợp "
            "hướng dẫn chuyên môn từ tỉnh đến cơ sở, chỉ ra những vướng mắc và kiến nghị cách "
            "tháo gỡ.",
            "Các đại biểu thống nhất tăng cường đào tạo, bồi dưỡng nghiệp vụ, nâng chất lượng "
            "dịch vụ tại các thiết chế cấp tỉnh và cấp huyện, đồng thời chú trọng bảo tồn, phát "
            "huy giá trị văn hóa truyền thống ở xóm, bản.",
        ),
        "photos": [
            ("Các Phó Giám đốc Sở Lưu Huy Linh và Bùi Xuân Trường chủ trì hội nghị", 1),
            ("Quang cảnh hội nghị", 3),
        ],
    },
    {
        "title": "Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh về nhiệm vụ năm 2022",
        "category": "tin-hoat-dong",
        "published_at": datetime(2022, 2, 15, 17, 30, tzinfo=TZ),
        "byline": "Thanh Nhàn",
        "featured": True,
        "lead": (
            "Ngày 15/02/2022, ông Nguyễn Ngọc Thương, Tỉnh ủy viên, Giám đốc Sở Văn hóa, Thể "
            "thao và Du lịch Đồng Tháp, làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh để triển "
            "khai chương trình công tác năm 2022."
        ),
        "body": p(
            "Cùng dự buổi làm việc có Phó Giám đốc Sở Lê Quang Biểu, lãnh đạo Văn phòng Sở, "
            "Phòng Quản lý Văn hóa, Thanh tra Sở và viên chức, người lao động của Trung tâm.",
            "Giám đốc Trung tâm Lê Hoàng Ái Nam báo cáo các giải pháp thực hiện nhiệm vụ đã cam "
            "kết với lãnh đạo Sở. Năm 2022, Trung tâm cam kết tổ chức 40 buổi chiếu phim lưu "
            "động và 40 buổi tuyên truyền lưu động; mỗi quý dàn dựng một chương trình nghệ "
            "thuật và cả năm một vở cải lương để phát trên sóng Đài Phát thanh Truyền hình Đồng "
            "Tháp và các kênh VTV1, VTV4, VTV9; phấn đấu giành 06 huy chương tại các hội thi, "
            "hội diễn, liên hoan.",
            "Trung tâm cũng sẽ mở lớp tập huấn nghiệp vụ cho Trung tâm Văn hóa, Thể thao và "
            "Truyền thanh cấp huyện, Trung tâm Văn hóa – Học tập cộng đồng cấp xã, tổ chức "
            "triển lãm lưu động và triển lãm trực tuyến, đẩy mạnh tuyên truyền trên mạng xã hội.",
            "Kết luận buổi làm việc, Giám đốc Sở yêu cầu Trung tâm tạo đột phá ở bốn nhóm "
            "việc: thể chế, thiết chế, nguồn nhân lực và chuyển đổi số, xứng đáng là đơn vị "
            "nghệ thuật cấp tỉnh duy nhất của tỉnh; đồng thời giao các phòng chuyên môn nghiên "
            "cứu, giải quyết kiến nghị của đơn vị.",
        ),
        "photos": [
            ("Ông Lê Hoàng Ái Nam, Giám đốc Trung tâm, phát biểu tại buổi làm việc", 1),
            ("Quang cảnh buổi làm việc", 2),
            ("Giám đốc Sở Nguyễn Ngọc Thương kết luận buổi làm việc", 3),
        ],
    },
]

# Further demo articles: (category, title, lead, body paragraphs).
MORE_STORIES = [
    (
        "van-hoa",
        "Khai mạc Liên hoan đờn ca tài tử tỉnh năm 2026",
        "Hơn 200 nghệ nhân, diễn viên của 12 đội đờn ca tài tử tham gia liên hoan kéo dài ba ngày.",
        [
            "Liên hoan là dịp các câu lạc bộ giao lưu, học hỏi, giữ gìn đờn ca tài tử Nam Bộ.",
            "Ban tổ chức trao 5 giải A, 8 giải B cho các tiết mục xuất sắc.",
            "Liên hoan được tổ chức theo Kế hoạch số 18/KH-SVHTTDL của Sở; các đội đạt giải "
            "A sẽ tham gia liên hoan toàn quốc theo Kế hoạch số 41/KH-SVHTTDL.",
        ],
    ),
    (
        "the-thao",
        "Giải Việt dã truyền thống thu hút hơn 1.000 vận động viên",
        "Giải chạy được tổ chức trên cung đường 10 km quanh trung tâm tỉnh.",
        [
            "Các vận động viên đến từ các xã, phường, trường học và lực lượng vũ trang.",
            "Đây là giải thể thao quần chúng có số người tham gia đông nhất trong năm.",
        ],
    ),
    (
        "du-lich",
        "Ra mắt tour du lịch cộng đồng trải nghiệm làng nghề truyền thống",
        "Du khách được tự tay làm bánh, dệt chiếu và nghe giới thiệu lịch sử làng nghề.",
        [
            "Tour do các hộ dân phối hợp với công ty lữ hành xây dựng, có sự hướng dẫn của Sở.",
            "Mỗi nhóm khách được người dân địa phương đón tiếp và giới thiệu sản phẩm đặc trưng.",
        ],
    ),
    (
        "thong-bao",
        "Thông báo lịch tiếp công dân tháng 12 năm 2026",
        "Lãnh đạo Sở tiếp công dân định kỳ vào thứ Năm tuần thứ hai và thứ tư của tháng.",
        [
            "Địa điểm: Phòng tiếp công dân, trụ sở Sở Văn hóa, Thể thao và Du lịch.",
            "Công dân mang theo căn cước và giấy tờ liên quan đến nội dung kiến nghị.",
        ],
    ),
    (
        "van-hoa",
        "Thư viện tỉnh hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam",
        "Chuỗi hoạt động gồm triển lãm sách, giao lưu tác giả và cuộc thi kể chuyện theo sách.",
        [
            "Thư viện cấp thêm 500 thẻ bạn đọc miễn phí cho học sinh các trường trên địa bàn.",
            "Xe thư viện lưu động sẽ đến 15 xã vùng sâu trong tháng.",
        ],
    ),
    (
        "tin-hoat-dong",
        "Tập huấn nghiệp vụ cho cán bộ văn hóa cấp xã",
        "Hơn 120 cán bộ văn hóa – xã hội các xã, phường được bồi dưỡng về quản lý thiết chế.",
        [
            "Nội dung tập trung vào tổ chức hoạt động tại trung tâm văn hóa – học tập cộng đồng.",
            "Học viên được hướng dẫn lập kế hoạch và báo cáo kết quả hoạt động hằng quý.",
        ],
    ),
    (
        "the-thao",
        "Đội tuyển điền kinh tỉnh giành 3 huy chương vàng toàn quốc",
        "Các vận động viên trẻ của Trường Năng khiếu thể dục thể thao góp công lớn.",
        [
            "Thành tích này vượt chỉ tiêu huy chương mà ngành đặt ra cho cả năm.",
            "Sở khen thưởng kịp thời các huấn luyện viên và vận động viên đạt thành tích.",
        ],
    ),
    (
        "van-hoa",
        "Chiếu phim lưu động phục vụ bà con vùng sâu, vùng xa",
        "Đội chiếu phim lưu động tổ chức 12 buổi chiếu tại các ấp trong tháng.",
        [
            "Trước buổi chiếu có phần tuyên truyền về phòng chống thiên tai, an toàn giao thông.",
            "Mỗi buổi chiếu thu hút hàng trăm người dân, đông nhất là thiếu nhi.",
        ],
    ),
    (
        "du-lich",
        "Tỉnh đón hơn 500.000 lượt khách trong dịp nghỉ lễ",
        "Các khu, điểm du lịch sinh thái và di tích lịch sử đều tăng lượng khách.",
        [
            "Doanh thu du lịch ước đạt hơn 300 tỷ đồng, tăng so với cùng kỳ năm trước.",
            "Sở đề nghị các cơ sở lưu trú niêm yết giá công khai và bảo đảm an toàn cho du khách.",
        ],
    ),
    (
        "tin-hoat-dong",
        "Kiểm tra hoạt động nhà văn hóa thôn, bản",
        "Đoàn kiểm tra của Sở làm việc tại 20 nhà văn hóa thôn, bản của 5 xã.",
        [
            "Nhiều nhà văn hóa được cải tạo, có sân thể thao và tủ sách cộng đồng.",
            "Đoàn đề nghị các xã bố trí kinh phí duy tu và phân công người quản lý.",
        ],
    ),
    (
        "van-hoa",
        "Bảo tàng tỉnh trưng bày chuyên đề về di sản văn hóa phi vật thể",
        "Hơn 300 hiện vật, hình ảnh giới thiệu lễ hội, nghề thủ công và diễn xướng dân gian.",
        [
            "Trưng bày mở cửa miễn phí cho khách tham quan đến hết tháng sau.",
            "Bảo tàng phối hợp với các trường tổ chức giờ học lịch sử tại bảo tàng.",
        ],
    ),
    (
        "the-thao",
        "Khai mạc Đại hội Thể dục thể thao cấp xã",
        "Đại hội có các môn bóng đá, bóng chuyền, kéo co, cờ tướng và võ cổ truyền.",
        [
            "Hơn 600 vận động viên của các thôn, khu phố tham gia tranh tài.",
            "Đại hội là bước chuẩn bị cho đại hội thể dục thể thao cấp tỉnh.",
        ],
    ),
    (
        "thong-bao",
        "Thông báo tuyển sinh năng khiếu thể dục thể thao năm 2027",
        "Trường Năng khiếu thể dục thể thao tỉnh tuyển học sinh các môn điền kinh, bơi, võ.",
        [
            "Hồ sơ nhận tại trường đến hết ngày 31/01/2027.",
            "Học sinh trúng tuyển được miễn học phí và hỗ trợ tiền ăn theo quy định.",
        ],
    ),
    (
        "van-hoa",
        "Hội thi tuyên truyền lưu động các đội thông tin cơ sở",
        "Mười đội thông tin lưu động tham gia với các tiết mục tiểu phẩm, hát, thơ.",
        [
            "Nội dung tuyên truyền về xây dựng nông thôn mới và nếp sống văn minh.",
            "Giải nhất thuộc về đội thông tin lưu động của trung tâm cấp xã.",
        ],
    ),
    (
        "du-lich",
        "Hội thảo phát triển du lịch gắn với bảo tồn di sản",
        "Các chuyên gia đề xuất sản phẩm du lịch đêm và tour trải nghiệm di tích.",
        [
            "Hội thảo nhấn mạnh vai trò của cộng đồng trong bảo tồn di sản.",
            "Sở sẽ tổng hợp ý kiến để tham mưu kế hoạch phát triển du lịch giai đoạn tới.",
        ],
    ),
    (
        "tin-hoat-dong",
        "Sơ kết công tác văn hóa, thể thao và du lịch 9 tháng",
        "Nhiều chỉ tiêu đạt và vượt kế hoạch, nhất là về thể thao thành tích cao và du lịch.",
        [
            "Hoạt động văn hóa cơ sở được duy trì; một số thiết chế còn thiếu kinh phí hoạt động.",
            "Hội nghị đề ra nhiệm vụ trọng tâm cho quý IV.",
        ],
    ),
    (
        "van-hoa",
        "Biểu diễn nghệ thuật phục vụ nhân dân dịp Tết",
        "Trung tâm Văn hóa Nghệ thuật tỉnh tổ chức 15 đêm biểu diễn tại các xã.",
        [
            "Chương trình gồm ca múa nhạc dân tộc, tân cổ giao duyên và trích đoạn cải lương.",
            "Các đêm diễn được phát trực tuyến trên trang mạng xã hội của trung tâm.",
        ],
    ),
    (
        "the-thao",
        "Giải bóng chuyền hơi người cao tuổi mở rộng",
        "Giải quy tụ 24 đội của các câu lạc bộ người cao tuổi trong tỉnh.",
        [
            "Đây là môn thể thao được người cao tuổi ưa chuộng vì vừa sức và vui.",
            "Ban tổ chức trao cúp cho ba đội dẫn đầu và giải phong cách.",
        ],
    ),
    (
        "thong-bao",
        "Công bố danh mục thủ tục hành chính lĩnh vực văn hóa",
        "Danh mục gồm 35 thủ tục được thực hiện trên Cổng dịch vụ công của tỉnh.",
        [
            "Tổ chức, cá nhân có thể nộp hồ sơ trực tuyến và theo dõi kết quả.",
            "Mọi vướng mắc xin liên hệ Văn phòng Sở qua số điện thoại đường dây nóng.",
        ],
    ),
    (
        "van-hoa",
        "Triển lãm ảnh trực tuyến về vẻ đẹp quê hương",
        "Triển lãm giới thiệu 120 tác phẩm nhiếp ảnh về cảnh sắc và con người địa phương.",
        [
            "Người xem có thể bình chọn tác phẩm yêu thích trên trang triển lãm.",
            "Các tác phẩm chọn lọc sẽ được in thành sách ảnh quảng bá du lịch.",
        ],
    ),
    (
        "tin-hoat-dong",
        "Bàn giao trung tâm văn hóa – học tập cộng đồng xã mới xây",
        "Công trình có hội trường 300 chỗ, thư viện và sân thể thao đa năng.",
        [
            "Tổng mức đầu tư hơn 8 tỷ đồng từ ngân sách và xã hội hóa.",
            "Trung tâm sẽ là nơi sinh hoạt văn hóa, học tập của người dân toàn xã.",
        ],
    ),
    (
        "du-lich",
        "Lễ hội văn hóa ẩm thực thu hút đông đảo du khách",
        "Hơn 80 gian hàng giới thiệu món ăn đặc sản của các địa phương trong tỉnh.",
        [
            "Lễ hội có thi nấu ăn, trình diễn nghề truyền thống và biểu diễn nghệ thuật.",
            "Nhiều món ăn dân dã được du khách đánh giá cao.",
        ],
    ),
    (
        "the-thao",
        "Khai giảng lớp dạy bơi miễn phí cho trẻ em",
        "Hơn 400 trẻ em được học bơi và kỹ năng phòng tránh đuối nước trong hè.",
        [
            "Lớp học do trung tâm văn hóa, thể thao cấp xã phối hợp với nhà trường tổ chức.",
            "Mỗi khóa học kéo dài 10 buổi, có huấn luyện viên hướng dẫn.",
        ],
    ),
    (
        "van-hoa",
        "Phục dựng lễ hội truyền thống của đồng bào dân tộc",
        "Lễ hội được phục dựng theo tư liệu của Bảo tàng tỉnh và lời kể của nghệ nhân.",
        [
            "Người dân trong bản cùng tham gia chuẩn bị lễ vật và các trò chơi dân gian.",
            "Lễ hội góp phần giữ gìn bản sắc và tạo sản phẩm du lịch văn hóa.",
        ],
    ),
    (
        "tin-hoat-dong",
        "Ứng dụng chuyển đổi số trong quản lý thiết chế văn hóa",
        "Sở thí điểm phần mềm theo dõi kế hoạch và kết quả hoạt động của các trung tâm.",
        [
            "Lãnh đạo Sở có thể theo dõi tiến độ thực hiện cam kết của từng đơn vị.",
            "Người dân xem được lịch hoạt động của nhà văn hóa gần nhà.",
        ],
    ),
    (
        "thong-bao",
        "Hướng dẫn tổ chức lễ hội đầu năm an toàn, tiết kiệm",
        "Các địa phương chỉ đạo ban tổ chức lễ hội bảo đảm an ninh trật tự, vệ sinh môi trường.",
        [
            "Nghiêm cấm lợi dụng lễ hội để hoạt động mê tín dị đoan, trục lợi.",
            "Niêm yết công khai nội quy và thông tin liên hệ của ban tổ chức.",
        ],
    ),
    (
        "van-hoa",
        "Liên hoan tiếng hát karaoke các câu lạc bộ",
        "Liên hoan dành cho hội viên các câu lạc bộ văn nghệ quần chúng.",
        [
            "Có 60 thí sinh tham gia với các ca khúc về quê hương, đất nước.",
            "Liên hoan góp phần làm phong phú đời sống tinh thần của người dân.",
        ],
    ),
    (
        "du-lich",
        "Quảng bá du lịch tỉnh tại hội chợ du lịch quốc tế",
        "Gian hàng của tỉnh giới thiệu các điểm đến sinh thái, di tích và làng nghề.",
        [
            "Nhiều doanh nghiệp lữ hành đã ký kết đưa khách về tỉnh.",
            "Tỉnh phát hành ấn phẩm quảng bá bằng tiếng Việt và tiếng Anh.",
        ],
    ),
]

# No password here: load_demo gives one, random, only with DEBUG on.
DEMO_ACCOUNTS = [
    ("bientap", "Biên tập viên", "", "Nguyễn Thị Lan", False),
    ("duyettin", "Duyệt tin", "", "Trần Văn Minh", False),
    ("quantri", None, "", "Lê Quản Trị", True),
]


def ensure_accounts() -> list[tuple[str, str]]:
    """The demo accounts as (username, role), each made when missing, without a password;
    an account that exists is left as it is."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    User = get_user_model()
    accounts = []
    for username, group, last, first, superuser in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": True,
                "is_superuser": superuser,
                "password": make_password(None),  # cannot sign in
            },
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        accounts.append((username, group or "Quản trị hệ thống"))
    return accounts


def _article(data: dict, category: Category, author, seed: int) -> Article:
    """The demo article, made if missing; one that exists (edited since, perhaps) is left as
    it is. Found by its demo key, or by its title in a database loaded before keys were kept."""
    key = f"demo-{seed}"
    found = Article.objects.filter(source_key=key).first()
    if found is None:
        found = Article.objects.filter(title=data["title"], source_key__isnull=True).first()
        if found is not None:
            Article.objects.filter(pk=found.pk).update(source_key=key)  # a marker, no edit
    if found is not None:
        return found
    article = Article(
        title=data["title"],
        lead=data["lead"],
        body=data["body"],
        byline=data["byline"],
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=data["published_at"],
        is_featured=data.get("featured", False),
        created_by=author,
        published_by=author,
        source_key=key,
    )
    article.save()
    link_cited_documents(article)
    photos = [
        ArticlePhoto.objects.create(
            article=article,
            image=clean_photo(demo_photo(seed * 10 + order)),
            caption=caption,
            alt_text=caption,
            is_cover=order == 1,
            order=order,
        )
        for order, (caption, _after) in enumerate(data.get("photos", []), start=1)
    ]
    # The body photos (all but the cover) where the story places them, as the body editor
    # would: written into the body and into its first version, so that the history holds no
    # version without them.
    wanted_places = [after for _caption, after in data.get("photos", [])[1:]]
    body = place_photos(article.body, list(zip(photos[1:], wanted_places, strict=False)))
    if article.body != body:
        Article.objects.filter(pk=article.pk).update(body=body)
        article.history.filter(history_type="+").update(body=body)
        article.body = body
    return article


def load() -> dict:
    categories = {}
    for order, (name, slug, description) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    accounts = ensure_accounts()
    author = get_user_model().objects.get(username="duyettin")
    for seed, story in enumerate(SEED_STORIES, start=1):
        _article(story, categories[story["category"]], author, seed)
    start = datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
    bylines = ["Thanh Nhàn", "Phòng Quản lý Văn hóa", "Minh Khoa", "Văn phòng Sở", "Thu Hà"]
    for index, (slug, title, lead, paragraphs) in enumerate(MORE_STORIES):
        story = {
            "title": title,
            "lead": lead,
            "body": p(*paragraphs),
            "byline": bylines[index % len(bylines)],
            "published_at": start - timedelta(days=index * 9, hours=index % 5),
            "featured": index in (0, 2),
            "photos": [(f"Ảnh minh họa: {title}", 1)],
        }
        _article(story, categories[slug], author, 100 + index)
    return {"articles": Article.objects.count(), "accounts": accounts}
