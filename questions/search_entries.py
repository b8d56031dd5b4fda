"""Answered questions in the search index (tab "Hỏi đáp"): found by the words of the
question and of its answer. Only published ones are public; the admin's search box finds
the others by their code and title."""

from django.utils.translation import gettext_lazy as _

from questions.models import Question
from search import index


@index.register
class QuestionSource(index.Source):
    kind = "question"
    model = "questions.Question"
    label = _("Hỏi đáp")
    slug = "hoi-dap"
    shows_date = True
    follows = (index.Follow("questions.Topic", ("topic",), ("name",)),)
    newest_title = _("Câu hỏi mới được trả lời")
    newest_template = "questions/includes/search_card.html"
    browse_url_name = "questions:list"
    browse_label = _("Xem các câu hỏi đã trả lời")

    def queryset(self):
        return Question.objects.select_related("topic")

    def entry(self, question) -> index.Entry:
        return index.Entry(
            title=question.title,
            url=question.get_absolute_url(),
            date=question.answered_at or question.submitted_at,
            label=question.topic.name,
            text=f"{question.body}\n{question.answer}" if question.is_public else "",
            words=(question.code, question.topic.name),
            public=question.is_public,
        )

    def newest(self, count):
        return list(
            Question.objects.published()
            .select_related("topic", "office")
            .order_by("-answered_at")[:count]
        )
