from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category-feed"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
