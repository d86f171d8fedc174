"""Public-service pages under /dich-vu-cong/ (mounted in congso/urls.py)."""

from django.urls import path

from congso.dossiers.views import files

app_name = "dossiers"

urlpatterns = [
    path("tep/<int:pk>/", files.dossier_file, name="file"),
    path("phieu/<int:pk>/", files.slip_file, name="slip"),
]
