from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.questions"
    label = "questions"
    verbose_name = "Hỏi đáp"
