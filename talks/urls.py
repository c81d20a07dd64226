from django.urls import path

from . import feeds, views

app_name = "talks"

urlpatterns = [
    path("", views.talk_list, name="list"),
    path("feed/", feeds.TalksFeed(), name="feed"),
    # Before "<slug>.ics", which would otherwise read it as the talk "calendar".
    path("calendar.ics", views.calendar_ics, name="calendar"),
    path("<slug:slug>.ics", views.talk_ics, name="ics"),
    path("<slug:slug>/", views.talk_detail, name="detail"),
]
