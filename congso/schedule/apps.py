from django.apps import AppConfig

_ENTRY_PERMS = [f"schedule.{verb}_scheduleentry" for verb in ("add", "change", "delete", "view")]


class ScheduleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congso.schedule"
    label = "schedule"
    verbose_name = "Lịch công tác"
    # The office keeps the leaders' schedule; the chief editor may correct it too. Each group
    # also needs "change" on the site's schedule page (services.grant_office; the sample loader
    # grants it on the default site's page): entries are listed per page the user may change.
    group_permissions = {
        "Văn phòng": ["wagtailadmin.access_admin", *_ENTRY_PERMS],
        "Trưởng ban biên tập": _ENTRY_PERMS,
    }
    demo_accounts = [("vanphong", "Văn phòng (lịch công tác)", "Văn phòng")]
