from django.apps import AppConfig

OFFICER_GROUP = "Cán bộ trả lời hỏi đáp"
_VIEW = ["wagtailadmin.access_admin", "questions.view_question"]


class QuestionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.questions"
    label = "questions"
    verbose_name = "Hỏi đáp"

    # Applied by setup_roles (congso/users/roles.py app_group_permissions); the editorial groups
    # are the house's, extended here with this app's steps.
    group_permissions = {
        OFFICER_GROUP: _VIEW + ["questions.answer_question"],
        "Biên tập viên": _VIEW + ["questions.assign_question"],
        "Trưởng ban biên tập": _VIEW
        + [
            "questions.assign_question",
            "questions.publish_question",
            "questions.add_officer",
            "questions.change_officer",
            "questions.delete_officer",
            "questions.view_officer",
        ],
    }
    demo_accounts = [("canbohoidap", "Cán bộ trả lời hỏi đáp", OFFICER_GROUP)]

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from congso.questions import search

        search.connect()

        def _page_changed(sender, instance, **kwargs):
            from congso.questions.models import QuestionIndexPage

            if isinstance(instance.specific_deferred, QuestionIndexPage):
                search.reindex_page(instance)

        page_published.connect(_page_changed, dispatch_uid="questions-page-published")
        page_unpublished.connect(_page_changed, dispatch_uid="questions-page-unpublished")
