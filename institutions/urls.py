from django.urls import path

from institutions import views

app_name = "institutions"

urlpatterns = [
    path("", views.InstitutionListView.as_view(), name="list"),
    path("dia-ban/", views.PlaceView.as_view(), name="places"),
    path("dia-ban/<int:pk>/", views.PlaceView.as_view(), name="place"),
    path("theo-doi/", views.FollowUpView.as_view(), name="follow-up"),
    path("<slug:slug>/", views.InstitutionDetailView.as_view(), name="detail"),
    path("<slug:slug>/danh-gia/", views.ReviewView.as_view(), name="review"),
]
