from django.urls import path, register_converter

from work_plans import views


class YearConverter:
    """A plan's year: four digits from 2000 (a longer number was a date error, a 500)."""

    regex = "2[0-9]{3}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(YearConverter, "year")
app_name = "work_plans"

urlpatterns = [
    path("", views.current_year, name="current"),
    path("<year:year>/", views.YearView.as_view(), name="year"),
    path("<year:year>/bang-theo-doi/", views.DashboardView.as_view(), name="dashboard"),
    path("<year:year>/<slug:slug>/", views.PlanView.as_view(), name="plan"),
    path("<year:year>/<slug:slug>/xuat.<str:export>", views.plan_export, name="plan-export"),
    path("phe-duyet/<int:pk>/", views.approve, name="approve"),
    path("bao-cao/<int:pk>/", views.review_report, name="review-report"),
    path("minh-chung/<int:pk>/", views.evidence, name="evidence"),
]
