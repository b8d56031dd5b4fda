from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    path("", views.QuestionListView.as_view(), name="list"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("da-nhan/<str:code>/", views.received, name="received"),
    path("tra-cuu/", views.track, name="track"),
    path("yeu-cau-xoa/", views.erase, name="erase"),
    path("cau-hoi/<int:pk>/", views.QuestionDetailView.as_view(), name="detail"),
]
