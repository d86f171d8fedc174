from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from congso.questions.models import Officer


@hooks.register("register_admin_urls")
def register_questions_urls():
    from congso.questions import admin_views

    return [
        path(
            "hoi-dap/",
            include((admin_views.urls(), "questions_admin"), namespace="questions_admin"),
        )
    ]


class QuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("questions.view_question")


@hooks.register("register_admin_menu_item")
def register_questions_menu_item():
    return QuestionsMenuItem(
        _("Hỏi đáp"), reverse("questions_admin:index"), icon_name="help", order=260
    )


@hooks.register("register_log_actions")
def register_question_log_actions(actions):
    for action, label in (
        ("ask", _("Người dân gửi câu hỏi")),
        ("assign", _("Giao câu hỏi cho đơn vị")),
        ("save_draft", _("Lưu bản nháp trả lời")),
        ("submit", _("Trình duyệt câu trả lời")),
        ("send_back", _("Trả lại đơn vị sửa câu trả lời")),
        ("publish", _("Duyệt và đăng câu hỏi, câu trả lời")),
        ("reject", _("Từ chối câu hỏi")),
        ("withdraw", _("Gỡ câu hỏi khỏi cổng")),
    ):
        actions.register_action(f"congso_questions.{action}", label, label)


class OfficerViewSet(SnippetViewSet):
    """Which account answers for which unit; kept by the chief editor."""

    model = Officer
    icon = "user"
    menu_label = _("Cán bộ trả lời hỏi đáp")
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    add_to_admin_menu = False


register_snippet(OfficerViewSet)
