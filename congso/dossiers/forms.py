"""Forms of the one-stop admin: one small form per action button, the in-person entry form,
and the workflow editor's check that its steps and transitions fit together.

These forms only parse what was typed; every rule about the dossier lives in the services,
which answer with Vietnamese messages the views show as they are.
"""

from collections import deque

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from congso.dossiers.services.filing import APPLICANT_FIELDS, MAX_LENGTHS
from congso.dossiers.status import Action
from congso.dossiers.uploads import ACCEPT_ATTRIBUTE, ALLOWED_DESCRIPTION

_TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _reason(required=True, label=None):
    label = label or _("Lý do")
    return forms.CharField(label=label, required=required, max_length=5000, widget=_TEXTAREA)


def _note():
    return _reason(required=False, label=_("Ghi chú"))


def _user_choice(label):
    return forms.ChoiceField(label=label, required=False, choices=[("", "—")])


def _result_file():
    return forms.FileField(
        label=_("Tệp kết quả"),
        required=False,
        help_text=ALLOWED_DESCRIPTION,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )


# action → (field name → field factory). Field names are those of processing.perform.
ACTION_FIELDS = {
    Action.RECEIVE: {"note": _note},
    Action.REQUEST_SUPPLEMENT: {"reason": lambda: _reason(label=_("Nội dung cần bổ sung"))},
    Action.REFUSE: {"reason": _reason},
    Action.FORWARD: {"user": lambda: _user_choice(_("Chuyển cho cán bộ")), "note": _note},
    Action.SEND_BACK: {"reason": _reason},
    Action.APPROVE: {"note": _note},
    Action.RETURN_RESULT: {
        "result_number": lambda: forms.CharField(label=_("Số, ký hiệu kết quả"), max_length=100),
        "result_date": lambda: forms.DateField(
            label=_("Ngày ban hành"),
            required=False,
            input_formats=["%d/%m/%Y", "%Y-%m-%d"],
            help_text=_("dd/mm/yyyy; để trống: hôm nay."),
        ),
        "signer": lambda: forms.CharField(label=_("Người ký"), required=False, max_length=255),
        "note": _note,
        "file": _result_file,
    },
    Action.STOP: {"reason": _reason},
    Action.ASSIGN: {"user": lambda: _user_choice(_("Giao cho cán bộ"))},
    Action.APOLOGIZE: {
        "new_due_at": lambda: forms.DateTimeField(
            label=_("Ngày hẹn trả mới"),
            input_formats=["%H:%M %d/%m/%Y", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M"],
            help_text=_("Ví dụ 16:00 25/12/2026."),
        ),
        "reason": _reason,
    },
    Action.WITHDRAW: {"reason": lambda: _reason(label=_("Lý do rút hồ sơ"))},
    Action.REOPEN: {"reason": lambda: _reason(label=_("Lý do mở lại"))},
}


class ActionForm(forms.Form):
    """The fields of one action; `user_choices` lists the officers a forward/assign may name."""

    def __init__(self, action: str, *args, user_choices=(), prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix or action, **kwargs)
        self.action = action
        for name, factory in ACTION_FIELDS.get(action, {}).items():
            self.fields[name] = factory()
        if "user" in self.fields:
            self.fields["user"].choices = [("", "—")] + [
                (u.username, u.get_full_name() or u.username) for u in user_choices
            ]
            if action == Action.ASSIGN:
                self.fields["user"].required = True

    @property
    def label(self):
        return Action(self.action).label

    def service_fields(self) -> dict:
        """What perform() takes: text as typed, dates in ISO form."""
        fields = {}
        for name, value in self.cleaned_data.items():
            if name == "file" or value in (None, ""):
                continue
            fields[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return fields


class DeskForm(forms.Form):
    """In-person entry: the applicant as they tell it, and one scan per component."""

    name = forms.CharField(label=_("Họ tên người nộp"), max_length=MAX_LENGTHS["name"])
    id_number = forms.CharField(
        label=_("Số định danh cá nhân"), max_length=MAX_LENGTHS["id_number"], required=False
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=MAX_LENGTHS["phone"], required=False)
    email = forms.CharField(label=_("Thư điện tử"), max_length=MAX_LENGTHS["email"], required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=MAX_LENGTHS["address"], required=False)
    summary = forms.CharField(label=_("Trích yếu"), required=False, widget=_TEXTAREA)
    note = _note()

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.components = list(components)
        for component in self.components:
            label = component.name + (" *" if component.required else "")
            # Required components are checked by the service (an e-form component may be
            # typed later); the message then names what is missing.
            self.fields[f"component_{component.pk}"] = forms.FileField(
                label=label,
                required=False,
                help_text=component.copies,
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
            )

    def applicant(self) -> dict:
        return {key: self.cleaned_data.get(key) or "" for key in APPLICANT_FIELDS}

    def files_by_component(self):
        return [
            (component, self.cleaned_data.get(f"component_{component.pk}"))
            for component in self.components
        ]


def _limit_agencies(form, *, required: bool) -> None:
    """An agency admin picks only among the agencies they administer (a superuser: any)."""
    from congso.dossiers.queues import admin_agency_ids

    user = getattr(form, "for_user", None)
    ids = admin_agency_ids(user) if user is not None else None
    if ids is not None and "agency" in form.fields:
        field = form.fields["agency"]
        field.queryset = field.queryset.filter(pk__in=ids)
        field.required = required
        # A plain list of their few agencies instead of the chooser, which would offer all.
        field.widget = forms.Select()
        field.widget.choices = field.choices


class AgencyStaffForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_agencies(self, required=True)


class AgencyWorkingSessionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_agencies(self, required=True)


def agency_calendar_day_form():
    """CalendarDayForm (rows saved by an admin are marked theirs) with the agency limited."""
    from congso.dossiers.models.calendars import CalendarDayForm

    class AgencyCalendarDayForm(CalendarDayForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _limit_agencies(self, required=True)

    return AgencyCalendarDayForm


class WorkflowForm(WagtailAdminModelForm):
    """The workflow with its inline steps and transitions, checked together: every transition
    starts and ends at a step that exists, and every step can be reached from the first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A workflow for every agency (agency empty) is the installation administrator's.
        _limit_agencies(self, required=True)

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        problems = workflow_problems(self._live_rows("steps"), self._live_rows("transitions"))
        for problem in problems:
            self.add_error(None, problem)
        return not problems

    def _live_rows(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        rows = []
        for form in formset.forms:
            if not getattr(form, "cleaned_data", None) or formset._should_delete_form(form):
                continue
            rows.append(form.cleaned_data)
        if name == "steps":
            rows.sort(key=lambda row: row.get("ORDER") or 0)
        return rows


def workflow_problems(steps: list[dict], transitions: list[dict]) -> list[str]:
    """Vietnamese messages for a workflow whose transitions name unknown steps or whose steps
    cannot be reached from the first step (the one at the top)."""
    codes = [row.get("code") for row in steps if row.get("code")]
    if not codes:
        return [str(_("Quy trình cần ít nhất một bước."))]
    known = set(codes)
    problems = [
        str(_("Mã bước “%(code)s” bị trùng.")) % {"code": code}
        for code in sorted(known)
        if codes.count(code) > 1
    ]
    for row in transitions:
        action = Action(row["action"]).label if row.get("action") else ""
        for field in ("from_step", "to_step"):
            code = row.get(field) or ""
            if code and code not in known:
                problems.append(
                    str(_("Chuyển bước “%(action)s”: không có bước mã “%(code)s”."))
                    % {"action": action, "code": code}
                )
    graph = {}
    for row in transitions:
        if row.get("to_step"):
            graph.setdefault(row.get("from_step"), set()).add(row["to_step"])
    seen, waiting = {codes[0]}, deque([codes[0]])
    while waiting:
        for following in graph.get(waiting.popleft(), ()):
            if following not in seen:
                seen.add(following)
                waiting.append(following)
    for code in codes:
        if code not in seen:
            problems.append(
                str(_("Bước “%(code)s” không đến được từ bước đầu tiên “%(first)s”."))
                % {"code": code, "first": codes[0]}
            )
    return problems
