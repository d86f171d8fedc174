"""Online payment under /thanh-toan/ (mounted in congso/urls.py)."""

from django.urls import path

from congso.payments import views

app_name = "payments"

urlpatterns = [
    path("ho-so/<int:pk>/", views.pay, name="pay"),
    path("ket-qua/", views.payment_return, name="return"),
    path("ipn/", views.ipn, name="ipn"),
    path("sandbox/", views.sandbox, name="sandbox"),
    path("bien-lai/<int:pk>/", views.receipt, name="receipt"),
]
