from django.urls import path

from schedule import views

app_name = "schedule"

urlpatterns = [
    path("", views.WeekView.as_view(), name="current"),
    path("lich.ics", views.calendar_feed, name="ical"),
    path("<int:year>/tuan-<int:week>/", views.WeekView.as_view(), name="week"),
    path("<int:year>/tuan-<int:week>/lich.ics", views.week_calendar, name="week-ical"),
]
