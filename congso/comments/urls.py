from django.urls import path

from congso.comments import views

app_name = "comments"
urlpatterns = [
    path("token/", views.token, name="token"),
    path("<int:page_id>/gui/", views.submit, name="submit"),
]
