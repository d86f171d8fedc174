from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from congso.accounts.urls import allauth_urlpatterns
from congso.api.api import api
from congso.core import image_views
from congso.core import views as core_views
from congso.documents import views as documents_views
from congso.dossiers.views import tracking as dossier_tracking

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Same address and name as Wagtail's serve view, which it wraps (congso.documents.views).
    re_path(r"^documents/(\d+)/(.*)$", documents_views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("binh-luan/", include("congso.comments.urls")),
    path("thong-ke/", include("congso.analytics.urls")),
    path("tim-kiem/", include("congso.search.urls")),
    path("thu-tuc-hanh-chinh/", include("congso.procedures.urls")),
    path("dich-vu-cong/", include("congso.dossiers.urls")),
    path("thanh-toan/", include("congso.payments.urls")),
    path("ket-qua-giai-quyet-ho-so/", include("congso.servicestats.urls")),
    path("chi-so-766/", include("congso.index766.urls")),
    # Public tracking of a dossier by its code (records.TRACKING_PATH, on every receipt's QR).
    path("tra-cuu-ho-so/", dossier_tracking.tracking_page, name="dossier_tracking"),
    # Citizen accounts: the profile page, then allauth (login, signup, e-mail, OIDC).
    path("tai-khoan/du-lieu-cua-toi/", include("congso.retention.urls")),
    path("tai-khoan/", include("congso.accounts.urls")),
    path("tai-khoan/", include(allauth_urlpatterns)),
]

# Image files. Published ones are plain files (nginx serves them in production and comes here
# only for files it does not have); unpublished ones are kept under MEDIA_ROOT/private/ and
# served to editors only. See congso/core/images.py and docs/decisions/0004-image-embargo.md.
urlpatterns += [
    re_path(
        r"^media/(?P<path>(?:original_images|images)/.+)$",
        image_views.serve_image_file,
        name="image_file",
    )
]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "congso.core.views.page_not_found"
handler500 = "congso.core.views.server_error"
