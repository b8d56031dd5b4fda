from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin import AuditedDeleteMixin, GuardedRevertMixin
from navigation import tasks
from permissions.admin import apply_to_each
from schedule import publishing, roles
from schedule.models import Entry, Week, week_start


class EntryInline(admin.StackedInline):
    model = Entry
    extra = 1
    fields = [
        ("day", "starts_at", "ends_at"),
        "title",
        ("chair", "location"),
        "attendees",
        ("cancelled", "adjusted_at"),
    ]
    readonly_fields = ["adjusted_at"]


@admin.register(Week)
class WeekAdmin(GuardedRevertMixin, AuditedDeleteMixin, SimpleHistoryAdmin):
    inlines = [EntryInline]
    list_display = ["__str__", "status", "entry_count", "published_at"]
    list_filter = ["status"]
    date_hierarchy = "start"
    fields = ["start", "status", "note"]
    actions = ["publish_selected"]

    @admin.display(description=_("số mục"))
    def entry_count(self, week):
        return week.entries.count()

    def get_changeform_initial_data(self, request):
        # The week after the latest one the office has made: usually the one it prepares.
        latest = Week.objects.order_by("-start").values_list("start", flat=True).first()
        today = week_start(timezone.localdate())
        start = max(today, latest + timedelta(days=7)) if latest else today
        return {"start": start}

    def can_revert(self, user) -> bool:
        return roles.keeps_schedule(user)

    def save_model(self, request, obj, form, change):
        previous = form.initial.get("status") if change else Week.Status.DRAFT
        wanted = obj.status
        if wanted == Week.Status.PUBLISHED and previous != Week.Status.PUBLISHED:
            # Published once its entries are saved (save_related).
            obj.status = Week.Status.DRAFT
            request.publish_week = True
        elif wanted == Week.Status.DRAFT and previous == Week.Status.PUBLISHED:
            obj.status = Week.Status.PUBLISHED
            request.unpublish_week = True
        obj.save()

    def save_formset(self, request, form, formset, change):
        if formset.model is not Entry:
            return super().save_formset(request, form, formset, change)
        entries = formset.save(commit=False)
        for entry in formset.deleted_objects:
            entry.delete()
        for entry in entries:
            publishing.save_entry(entry, changed=True, by=request.user)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        week = form.instance
        if getattr(request, "publish_week", False):
            try:
                publishing.publish_week(week, by=request.user)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
        if getattr(request, "unpublish_week", False):
            publishing.unpublish_week(week, by=request.user)

    @admin.action(description=_("Công bố các lịch tuần đã chọn"))
    def publish_selected(self, request, queryset):
        def publish(week, *, by):
            if week.is_published:
                return False
            publishing.publish_week(week, by=by)
            return True

        apply_to_each(self, request, queryset, publish, done_message=_("Đã công bố %(n)d tuần."))


@tasks.register
def schedule_tasks(user) -> list[tasks.Task]:
    if not roles.keeps_schedule(user):
        return []
    coming = week_start(timezone.localdate()) + timedelta(days=7)
    missing = 0 if Week.objects.published().filter(start=coming).exists() else 1
    url = reverse("admin:schedule_week_add")
    return [tasks.Task(_("Lịch công tác tuần tới chưa công bố"), missing, url)]
