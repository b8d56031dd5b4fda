from django.urls import path

from work_plans import views

app_name = "work_plans"

urlpatterns = [
    path("", views.current_year, name="current"),
    path("<int:year>/", views.YearView.as_view(), name="year"),
    path("<int:year>/bang-theo-doi/", views.DashboardView.as_view(), name="dashboard"),
    path("<int:year>/<slug:slug>/", views.PlanView.as_view(), name="plan"),
    path("<int:year>/<slug:slug>/xuat.<str:export>", views.plan_export, name="plan-export"),
    path("phe-duyet/<int:pk>/", views.approve, name="approve"),
    path("bao-cao/<int:pk>/", views.review_report, name="review-report"),
    path("minh-chung/<int:pk>/", views.evidence, name="evidence"),
]
