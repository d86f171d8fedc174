"""Public-service pages under /dich-vu-cong/ (mounted in congso/urls.py)."""

from django.urls import path

from congso.dossiers.views import citizen, files, filing

app_name = "dossiers"

urlpatterns = [
    path("tep/<int:pk>/", files.dossier_file, name="file"),
    path("phieu/<int:pk>/", files.slip_file, name="slip"),
    # Online filing (procedure codes contain dots: `str` takes anything but "/").
    path("nop-ho-so/<str:code>/", filing.start, name="file_start"),
    path("ho-so-cua-toi/", citizen.my_dossiers, name="my_dossiers"),
    path("ho-so-cua-toi/<int:pk>/", citizen.my_dossier, name="my_dossier"),
    path("ho-so-cua-toi/<int:pk>/nguoi-nop/", filing.step_applicant, name="step_applicant"),
    path("ho-so-cua-toi/<int:pk>/thanh-phan/", filing.step_components, name="step_components"),
    path("ho-so-cua-toi/<int:pk>/trich-yeu/", filing.step_summary, name="step_summary"),
    path("ho-so-cua-toi/<int:pk>/xac-nhan/", filing.step_confirm, name="step_confirm"),
    path("ho-so-cua-toi/<int:pk>/da-nop/", filing.submitted, name="submitted"),
    path("ho-so-cua-toi/<int:pk>/bo-sung/", citizen.supplement, name="supplement"),
    path("ho-so-cua-toi/<int:pk>/rut/", citizen.withdraw, name="withdraw"),
    path("ho-so-cua-toi/<int:pk>/danh-gia/", citizen.rate, name="rate"),
]
