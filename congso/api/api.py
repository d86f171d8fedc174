"""The one public JSON API (django-ninja). Each app adds its own router in `<app>/api.py`."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

api = NinjaAPI(
    title="congso API",
    version="1.0.0",
    description="API công khai của cổng thông tin điện tử (Thông tư 22/2023/TT-BTTTT).",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _register_routers():
    from congso.api.tokens import Unauthenticated, unauthenticated
    from congso.core.api import router as sites_router
    from congso.documents.api import router as documents_router
    from congso.dossiers.api import router as calendar_router
    from congso.dossiers.api_dossiers import router as dossiers_router
    from congso.drafts.api import router as drafts_router
    from congso.index766.api import router as index766_router
    from congso.news.api import articles_router, categories_router
    from congso.organisation.api import router as agencies_router
    from congso.organisation.api_public import router as organisation_router
    from congso.procedures.api import router as procedures_router
    from congso.questions.api import router as questions_router
    from congso.schedule.api import router as schedule_router
    from congso.search.api import router as search_router
    from congso.servicestats.api import router as statistics_router

    api.add_router("/agencies", agencies_router)
    api.add_router("/articles", articles_router)
    api.add_router("/calendar", calendar_router)
    api.add_router("/categories", categories_router)
    api.add_router("/documents", documents_router)
    api.add_router("/dossiers", dossiers_router)
    api.add_router("/drafts", drafts_router)
    # A missing, unknown or revoked bearer token: 401 with a Vietnamese detail.
    api.add_exception_handler(Unauthenticated, unauthenticated)
    api.add_router("/organisation", organisation_router)
    api.add_router("/procedures", procedures_router)
    api.add_router("/questions", questions_router)
    api.add_router("/schedule", schedule_router)
    api.add_router("/search", search_router)
    api.add_router("/sites", sites_router)
    # Its only path is "": "/statistics/index-766" can be another app's router.
    api.add_router("/statistics", statistics_router)
    api.add_router("/statistics/index-766", index766_router)


def _invalid_parameters(request, exc: ValidationError):
    """Parameters django-ninja refuses before our code runs (a page_size over the limit, a year
    out of range): 422 as before, but `detail` is a Vietnamese sentence, as every other error of
    the API and as the endpoints' documented Message schema says; the details stay in `errors`."""
    names = sorted({str(error.get("loc", ["", "?"])[-1]) for error in exc.errors})
    detail = "Tham số không hợp lệ: " + ", ".join(names) + "."
    return api.create_response(request, {"detail": detail, "errors": exc.errors}, status=422)


_register_routers()
api.add_exception_handler(ValidationError, _invalid_parameters)
