"""Demo questions and answers for `manage.py load_demo`: topics, four answered questions
(published), and open ones at each step: new, assigned past the overdue limit, an answer
waiting for a leader. Create-only: a row already there (by topic name, by tracking code)
is never rewritten. The askers are invented; their addresses are on example.com."""

from datetime import timedelta

from django.utils import timezone

from agency.models import Office
from questions.models import Question, Topic, shown_name

TOPICS = [
    ("Di sản văn hóa", "Di tích, bảo tàng, lễ hội truyền thống"),
    ("Thể dục, thể thao", "Giải đấu, câu lạc bộ, năng khiếu thể thao"),
    ("Du lịch", "Điểm đến, hướng dẫn viên, cơ sở lưu trú"),
    ("Thư viện, văn hóa cơ sở", "Thư viện, nhà văn hóa, phong trào văn hóa"),
]

S = Question.Status
N = Question.NameShown

# code, topic, office short name, status, days ago sent, days ago answered, name, name shown,
# e-mail, phone, title, question, answer
QUESTIONS = [
    (
        "MAUHDAA234",
        "Du lịch",
        "QLDL",
        S.ANSWERED,
        40,
        30,
        "Nguyễn Văn An",
        N.SHORT,
        "nguyenvanan@example.com",
        "",
        "Điều kiện cấp thẻ hướng dẫn viên du lịch nội địa",
        "Tôi tốt nghiệp cao đẳng ngành quản trị khách sạn. Tôi cần những điều kiện gì để "
        "được cấp thẻ hướng dẫn viên du lịch nội địa, và nộp hồ sơ ở đâu?",
        "Theo Luật Du lịch 2017, người đề nghị cấp thẻ hướng dẫn viên du lịch nội địa phải có "
        "năng lực hành vi dân sự đầy đủ, không mắc bệnh truyền nhiễm, không sử dụng chất gây "
        "nghiện, và tốt nghiệp trung cấp trở lên chuyên ngành hướng dẫn du lịch, hoặc chuyên "
        "ngành khác kèm chứng chỉ nghiệp vụ hướng dẫn du lịch nội địa.\n\n"
        "Hồ sơ nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc tại Trung tâm Phục vụ hành "
        "chính công tỉnh; thủ tục có trong mục Thủ tục hành chính của cổng này.",
    ),
    (
        "MAUHDAB234",
        "Di sản văn hóa",
        "QLVH",
        S.ANSWERED,
        25,
        18,
        "Trần Thị Bích Ngọc",
        N.FULL,
        "",
        "0912 345 678",
        "Giờ mở cửa Bảo tàng tỉnh vào dịp Tết",
        "Bảo tàng tỉnh có mở cửa vào những ngày Tết Nguyên đán không? Đoàn học sinh đến tham "
        "quan có phải đăng ký trước không?",
        "Bảo tàng tỉnh nghỉ từ 30 Tết đến hết mùng 2 Tết, mở cửa lại từ mùng 3, buổi sáng từ "
        "7 giờ 30 đến 11 giờ, buổi chiều từ 13 giờ 30 đến 17 giờ.\n\n"
        "Đoàn từ 20 người trở lên xin báo trước ít nhất 3 ngày làm việc qua điện thoại của "
        "Bảo tàng để được bố trí thuyết minh viên. Học sinh tham quan không mất phí.",
    ),
    (
        "MAUHDAC234",
        "Thể dục, thể thao",
        "TDTT",
        S.ANSWERED,
        14,
        6,
        "Lê Minh Tuấn",
        N.NONE,
        "tuan.le@example.com",
        "",
        "Tuyển sinh Trường Năng khiếu Thể dục thể thao",
        "Con tôi 11 tuổi, chơi bóng bàn ở câu lạc bộ phường. Trường Năng khiếu Thể dục thể "
        "thao tỉnh tuyển sinh vào thời gian nào và kiểm tra những gì?",
        "Trường tuyển sinh hằng năm vào tháng 6. Thí sinh được kiểm tra thể lực chung và "
        "chuyên môn môn bóng bàn; hồ sơ gồm đơn, giấy khai sinh, học bạ và giấy khám sức khỏe. "
        "Thông báo tuyển sinh được đăng trong mục Tin tức và trong sổ Văn bản của cổng này.",
    ),
    (
        "MAUHDAD234",
        "Thư viện, văn hóa cơ sở",
        "QLVH",
        S.ANSWERED,
        9,
        2,
        "Phạm Thu Hà",
        N.SHORT,
        "thuha.pham@example.com",
        "",
        "Làm thẻ thư viện cho người cao tuổi",
        "Người cao tuổi làm thẻ Thư viện tỉnh có được miễn phí không, cần mang giấy tờ gì?",
        "Người cao tuổi được làm thẻ Thư viện tỉnh miễn phí. Khi đến, xin mang căn cước; thẻ "
        "được cấp ngay tại quầy và dùng được ở cả phòng đọc và phòng mượn về nhà.",
    ),
    (
        "MAUHDAE234",
        "Di sản văn hóa",
        None,
        S.NEW,
        1,
        None,
        "Võ Thị Lan",
        N.SHORT,
        "volan@example.com",
        "0987 654 321",
        "Thủ tục xin tổ chức lễ hội truyền thống của ấp",
        "Ấp chúng tôi muốn tổ chức lại lễ hội cúng đình vào tháng Giêng. Ban tổ chức cần làm "
        "thủ tục gì với Sở và Ủy ban nhân dân xã?",
        "",
    ),
    (
        "MAUHDAF234",
        "Du lịch",
        "QLDL",
        S.ASSIGNED,
        21,
        None,
        "Đặng Quốc Bảo",
        N.FULL,
        "",
        "0903 111 222",
        "Xếp hạng sao cho khách sạn mới xây",
        "Khách sạn 40 phòng của gia đình tôi vừa đi vào hoạt động. Muốn được công nhận hạng "
        "3 sao thì cần đáp ứng những tiêu chuẩn nào?",
        "",
    ),
    (
        "MAUHDAG234",
        "Thể dục, thể thao",
        "TDTT",
        S.REVIEW,
        7,
        None,
        "Huỳnh Văn Phúc",
        N.SHORT,
        "phuc.huynh@example.com",
        "",
        "Đăng ký giải chạy Việt dã truyền thống",
        "Giải Việt dã truyền thống năm nay có nhận vận động viên phong trào không, đăng ký ở đâu?",
        "Giải nhận vận động viên phong trào từ 16 tuổi trở lên. Đăng ký qua Trung tâm Văn "
        "hóa, Thể thao và Truyền thông nơi cư trú trước ngày thi đấu 10 ngày.",
    ),
]


def load() -> dict:
    topics = {}
    for order, (name, description) in enumerate(TOPICS, start=1):
        topic = Topic.objects.filter(name=name).first()
        if topic is None:
            topic = Topic.objects.create(name=name, description=description, order=order)
        topics[name] = topic
    offices = {office.short_name: office for office in Office.objects.all()}
    now = timezone.now()
    for row in QUESTIONS:
        code, topic, office, status, sent, answered, name, shown, email, phone = row[:10]
        title, body, answer = row[10:]
        if Question.objects.filter(code=code).exists():
            continue
        Question.objects.create(
            code=code,
            topic=topics[topic],
            office=offices.get(office),
            status=status,
            submitted_at=now - timedelta(days=sent),
            answered_at=now - timedelta(days=answered) if answered is not None else None,
            closed_at=now - timedelta(days=answered) if answered is not None else None,
            asker_name=name,
            name_shown=shown,
            public_name=shown_name(name, shown),
            email=email,
            phone=phone,
            consent_publication=True,
            title=title,
            body=body,
            answer=answer,
        )
    return {
        "questions": Question.objects.count(),
        "answered_questions": Question.objects.published().count(),
    }
