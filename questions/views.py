from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from page_cache.canonical import reads_query
from public_forms import limits
from public_forms.pages import private_page
from public_forms.privacy import PrivacyNotice
from questions import answering, erasure
from questions.forms import AskForm, ErasureForm, TrackForm
from questions.models import Question, Topic

ASK_SCOPE = "questions-ask"
ERASE_SCOPE = "questions-erase"
TRACK_SCOPE = "questions-track"


def section_crumb() -> Crumb:
    return Crumb(_("Hỏi đáp"), reverse("questions:list"))


def privacy_notice() -> PrivacyNotice:
    from django.conf import settings

    return PrivacyNotice(
        collected=_(
            "Họ và tên, thư điện tử và/hoặc số điện thoại, tệp đính kèm (nếu có), cùng câu "
            "hỏi của bạn."
        ),
        purpose=_(
            "Để Sở trả lời, liên hệ lại khi cần làm rõ và báo cho bạn khi có câu trả lời. "
            "Chỉ cán bộ Văn phòng Sở xử lý câu hỏi được xem thông tin liên hệ; thông tin "
            "này không bao giờ được công khai."
        ),
        retention=_(
            "Thông tin liên hệ được xoá %(days)d ngày sau khi câu hỏi được trả lời hoặc khép "
            "lại. Câu hỏi và câu trả lời được công khai chỉ khi bạn đồng ý, với tên hiển "
            "thị bạn chọn."
        )
        % {"days": settings.QUESTIONS_CONTACT_RETENTION_DAYS},
        erasure=_(
            "Bạn có thể yêu cầu xoá bất cứ lúc nào bằng mã theo dõi, tại trang “Yêu cầu xoá "
            "thông tin”."
        ),
        controller=_("Sở Văn hóa, Thể thao và Du lịch, qua Văn phòng Sở."),
    )


class QuestionListView(BreadcrumbsMixin, ElidedPageRangeMixin, ListView):
    """Answered questions, newest answer first, by topic (?topic=)."""

    template_name = "questions/question_list.html"
    paginate_by = 20
    page_cache_params = ("topic", "page")

    def get_queryset(self):
        self.topics = list(
            Topic.objects.annotate(
                published=Count(
                    "questions",
                    filter=Q(
                        questions__status=Question.Status.ANSWERED,
                        questions__consent_publication=True,
                    ),
                )
            ).filter(Q(published__gt=0) | Q(is_active=True))
        )
        slug = self.request.GET.get("topic", "")
        self.topic = next((t for t in self.topics if t.slug == slug), None)
        questions = Question.objects.published().select_related("topic", "office")
        if self.topic:
            questions = questions.filter(topic=self.topic)
        return questions.order_by("-answered_at", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=self.topics, topic=self.topic, **kwargs)

    def get_breadcrumbs(self):
        if self.topic:
            return [section_crumb(), Crumb(self.topic.name)]
        return [Crumb(_("Hỏi đáp"))]


class QuestionDetailView(BreadcrumbsMixin, DetailView):
    template_name = "questions/question_detail.html"
    context_object_name = "question"

    def get_queryset(self):
        return Question.objects.published().select_related("topic", "office")

    def get_context_data(self, **kwargs):
        related = (
            Question.objects.published()
            .filter(topic=self.object.topic_id)
            .exclude(pk=self.object.pk)
            .order_by("-answered_at")
            .only("pk", "title", "answered_at")[:5]
        )
        return super().get_context_data(related=related, **kwargs)

    def get_breadcrumbs(self):
        topic = self.object.topic
        return [
            section_crumb(),
            Crumb(topic.name, topic.get_absolute_url()),
            Crumb(self.object.title),
        ]


def _form_page(request, form, *, refusal=None):
    context = {
        "form": form,
        "notice": privacy_notice(),
        "refusal": refusal,
        "breadcrumbs": [section_crumb(), Crumb(_("Gửi câu hỏi"))],
    }
    if refusal:
        return limits.too_many(request, "questions/ask.html", context, refusal)
    return render(request, "questions/ask.html", context)


@private_page
def ask(request):
    if request.method != "POST":
        return _form_page(request, AskForm())
    # Counted before anything is read: a flood costs no parsing of uploads.
    refusal = limits.take_address(request, ASK_SCOPE)
    if refusal:
        return _form_page(request, AskForm.refilled(request.POST), refusal=refusal)
    form = AskForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form)
    refusal = limits.take_contact(ASK_SCOPE, *form.contacts())
    if refusal:
        return _form_page(request, form, refusal=refusal)
    question = answering.receive(form, link_heavy=form.is_link_heavy())
    return redirect("questions:received", code=question.code)


@private_page
def received(request, code):
    question = get_object_or_404(Question.objects.select_related("topic"), code=code)
    return render(
        request,
        "questions/received.html",
        {"question": question, "breadcrumbs": [section_crumb(), Crumb(_("Đã nhận câu hỏi"))]},
    )


@private_page
@reads_query("ma")
def track(request):
    form = TrackForm(request.GET or None)
    question = None
    refusal = None
    status = 200
    if form.is_bound:
        refusal = limits.take_address(request, TRACK_SCOPE)
        if refusal:
            form = TrackForm()
        elif form.is_valid():
            question = (
                Question.objects.select_related("topic", "office")
                .filter(code=form.cleaned_data["ma"])
                .first()
            )
            if question is None:
                form.add_error("ma", _("Không tìm thấy câu hỏi có mã này. Hãy kiểm tra lại mã."))
                status = 404
    context = {
        "form": form,
        "question": question,
        "breadcrumbs": [section_crumb(), Crumb(_("Tra cứu câu hỏi"))],
    }
    if refusal:
        return limits.too_many(request, "questions/track.html", context, refusal)
    return render(request, "questions/track.html", context, status=status)


@private_page
@reads_query("ma")
def erase(request):
    crumbs = [section_crumb(), Crumb(_("Yêu cầu xoá thông tin"))]
    if request.method != "POST":
        form = ErasureForm(initial={"code": request.GET.get("ma", "")})
        return render(request, "questions/erase.html", {"form": form, "breadcrumbs": crumbs})
    refusal = limits.take_address(request, ERASE_SCOPE)
    if refusal:
        context = {"form": ErasureForm.refilled(request.POST), "breadcrumbs": crumbs}
        return limits.too_many(request, "questions/erase.html", context, refusal)
    form = ErasureForm(request.POST)
    question = None
    if form.is_valid():
        question = Question.objects.filter(code=form.cleaned_data["code"]).first()
        if question is None:
            form.add_error("code", _("Không tìm thấy câu hỏi có mã này. Hãy kiểm tra lại mã."))
    if question is None:
        return render(request, "questions/erase.html", {"form": form, "breadcrumbs": crumbs})
    deleted = erasure.erase_on_request(question)
    return render(
        request,
        "questions/erased.html",
        {"deleted": deleted, "question": None if deleted else question, "breadcrumbs": crumbs},
    )
