from django.urls import path

from congso.analytics import views

app_name = "analytics"
urlpatterns = [
    path("dem/", views.count, name="count"),
]
