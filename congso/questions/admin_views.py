"""The admin's Q&A screens: the list of questions this user may see, one question with a button
(and its small form) for each step the user may take now, its attachments, and the figures per
unit. Every view looks the question up among access.visible_questions(user): another site's or
another unit's question is a 404, as if it did not exist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from congso.core.pagination import paginate
from congso.questions import access, querysets
from congso.questions.forms import STEP_FORMS, initial_for
from congso.questions.models import Attachment, QuestionIndexPage, Status
from congso.questions.services import QuestionError, perform

VIEW_PERMISSION = "questions.view_question"


def _require_viewer(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


def _question(request, pk):
    _require_viewer(request)
    question = (
        access.visible_questions(request.user)
        .select_related("page", "topic", "unit")
        .filter(pk=pk)
        .first()
    )
    if question is None:
        raise Http404
    return question


@require_GET
def index(request):
    _require_viewer(request)
    rows = access.visible_questions(request.user).select_related("page", "unit", "topic")
    status = request.GET.get("trang-thai", "")
    if status in Status.values:
        rows = rows.filter(status=status)
    context = {
        "questions": paginate(request, rows.order_by("-received_at"), 30),
        "statuses": Status.choices,
        "status": status,
    }
    return TemplateResponse(request, "questions/admin/index.html", context)


def _forms_for(request, question, bound=None):
    forms = []
    for action in access.available_actions(request.user, question):
        if bound is not None and bound.action == action:
            forms.append(bound)
        else:
            forms.append(STEP_FORMS[action](initial=initial_for(action, question)))
    return forms


def _detail_page(request, question, bound=None, status=200):
    context = {
        "question": question,
        "action_forms": _forms_for(request, question, bound),
        "events": question.events.select_related("user"),
        "attachments": question.attachments.all(),
    }
    return TemplateResponse(request, "questions/admin/detail.html", context, status=status)


@require_GET
def detail(request, pk):
    return _detail_page(request, _question(request, pk))


@require_POST
def action(request, pk, name):
    question = _question(request, pk)
    form_class = STEP_FORMS.get(name)
    if form_class is None:
        raise Http404
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa thực hiện được: vui lòng sửa các ô được đánh dấu."))
        return _detail_page(request, question, bound=form, status=400)
    try:
        perform(
            question.pk,
            name,
            request.user,
            note=form.cleaned_data.get("note", ""),
            **form.service_fields(),
        )
    except QuestionError as error:
        messages.error(request, str(error))
        question.refresh_from_db()
        return _detail_page(request, question, bound=form, status=400)
    messages.success(request, _("Đã thực hiện: %(label)s.") % {"label": form_class.label})
    # After publishing or passing the question on, the user may no longer see it (an officer).
    if access.visible_questions(request.user).filter(pk=question.pk).exists():
        return redirect("questions_admin:detail", question.pk)
    return redirect("questions_admin:index")


@require_GET
def attachment(request, pk):
    _require_viewer(request)
    item = Attachment.objects.filter(
        pk=pk, question__in=access.visible_questions(request.user)
    ).first()
    if item is None:
        raise Http404
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def figures(request):
    _require_viewer(request)
    if request.user.is_superuser:
        pages = QuestionIndexPage.objects.all()
    elif access.is_editorial(request.user):
        pages = QuestionIndexPage.objects.filter(pk__in=access.editable_page_ids(request.user))
    else:
        raise PermissionDenied
    pages = list(pages.order_by("path"))
    context = {
        "sections": [(page, querysets.figures([page])) for page in pages],
    }
    return TemplateResponse(request, "questions/admin/figures.html", context)


def urls():
    return [
        path("", index, name="index"),
        path("thong-ke/", figures, name="figures"),
        path("tep/<int:pk>/", attachment, name="attachment"),
        path("<int:pk>/", detail, name="detail"),
        path("<int:pk>/<str:name>/", action, name="action"),
    ]


def menu_url() -> str:
    return reverse("questions_admin:index")
