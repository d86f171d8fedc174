from django.urls import path

from . import views

app_name = "servicestats"
urlpatterns = [
    path("", views.results_page, name="results"),
    path("csv", views.results_csv, name="csv"),
]
