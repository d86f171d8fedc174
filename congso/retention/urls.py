"""The citizen's own data under /tai-khoan/du-lieu-cua-toi/."""

from django.urls import path

from congso.retention import views

app_name = "retention"

urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("tai-ve/<str:token>/", views.download, name="download"),
]
