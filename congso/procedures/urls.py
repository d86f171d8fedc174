from django.urls import path

from . import views

app_name = "procedures"
urlpatterns = [
    path("", views.catalogue_list, name="list"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/mau/<int:component_id>/", views.download_template, name="template"),
]
