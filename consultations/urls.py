from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.DraftListView.as_view(), name="list"),
    path("<slug:slug>/", views.DraftDetailView.as_view(), name="detail"),
    path("<slug:slug>/gop-y/", views.comment, name="comment"),
    path("<slug:slug>/gop-y/da-nhan/", views.comment_received, name="comment-received"),
    path("<slug:slug>/tep/<int:pk>/", views.draft_file, name="file"),
]
