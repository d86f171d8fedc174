"""The admin's article form."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        # An article not yet live that the editor schedules goes out dated by its go-live time:
        # the "thời gian đăng" field defaults to when the add form was opened, so a scheduled
        # article would otherwise show readers a time before it was published. A date the
        # editor set later than the go-live time, and a live article's date, are kept.
        go_live_at, date = cleaned.get("go_live_at"), cleaned.get("date")
        if go_live_at and date and go_live_at > date and not self.instance.live:
            if not cleaned.get("date_unknown"):
                cleaned["date"] = go_live_at
        return cleaned
