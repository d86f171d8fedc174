"""The citizen's forms: online filing step by step and the actions of "Hồ sơ của tôi".

The rules live in the services (filing.clean_applicant, uploads.check_upload, eforms): these
forms only lay the fields out for a phone and put the services' Vietnamese messages next to the
field they concern.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congso.dossiers import eforms
from congso.dossiers.models import DossierFile
from congso.dossiers.services import Invalid, filing
from congso.dossiers.uploads import ACCEPT_ATTRIBUTE, check_upload

# Supplements come as several files at once; more than this is not one supplement.
MAX_SUPPLEMENT_FILES = 10
STARS = [
    (1, _("1 sao – Rất không hài lòng")),
    (2, _("2 sao – Không hài lòng")),
    (3, _("3 sao – Bình thường")),
    (4, _("4 sao – Hài lòng")),
    (5, _("5 sao – Rất hài lòng")),
]


def text_input(autocomplete: str = "", **attrs) -> forms.TextInput:
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return forms.TextInput(attrs=attrs)


class ApplicantForm(forms.Form):
    """Step 1, người nộp: pre-filled from the citizen's profile, editable for this dossier."""

    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập họ tên người nộp hồ sơ.")},
        widget=text_input("name"),
    )
    id_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"),
        required=False,
        max_length=20,
        help_text=_("12 chữ số trên căn cước công dân (hoặc số CMND 9 chữ số)."),
        widget=text_input(inputmode="numeric"),
    )
    phone = forms.CharField(
        label=_("Số điện thoại di động"),
        required=False,
        max_length=20,
        help_text=_("Để cán bộ liên hệ khi cần, ví dụ 0912345678."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.CharField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        help_text=_("Nhận thông báo về tình trạng hồ sơ."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(
        label=_("Địa chỉ liên hệ"),
        required=False,
        max_length=500,
        widget=text_input("street-address"),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            return filing.clean_applicant(data)
        except Invalid as error:
            for name, messages in error.fields.items():
                self.add_error(name if name in self.fields else None, messages)
        return data

    @classmethod
    def initial_from(cls, dossier) -> dict:
        return {key: getattr(dossier, f"applicant_{key}") for key in filing.APPLICANT_FIELDS}


class AgencyForm(forms.Form):
    """Step 0 when several agencies carry out the procedure: where the dossier goes."""

    agency = forms.ChoiceField(
        label=_("Cơ quan giải quyết hồ sơ"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vui lòng chọn cơ quan giải quyết hồ sơ."),
            "invalid_choice": _("Cơ quan này không thực hiện thủ tục; vui lòng chọn lại."),
        },
    )

    def __init__(self, agencies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a.identifier, a.name) for a in agencies]


class SummaryForm(forms.Form):
    """Step 3: what the citizen asks for, in a sentence the officer reads first."""

    summary = forms.CharField(
        label=_("Trích yếu nội dung đề nghị"),
        max_length=5000,
        help_text=_(
            "Nêu ngắn gọn việc bạn đề nghị cơ quan giải quyết; có thể ghi chú thêm cho cán bộ "
            "tiếp nhận (tối đa 5.000 ký tự)."
        ),
        error_messages={
            "required": _("Vui lòng nhập trích yếu nội dung đề nghị."),
            "max_length": _("Trích yếu dài tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ConfirmForm(forms.Form):
    """Step 4: the applicant's pledge before submitting."""

    pledge = forms.BooleanField(
        label=_("Tôi cam đoan những thông tin đã khai là đúng sự thật."),
        error_messages={"required": _("Vui lòng đánh dấu ô cam đoan trước khi nộp hồ sơ.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do rút hồ sơ"),
        required=False,
        max_length=2000,
        help_text=_("Không bắt buộc; giúp cơ quan hiểu vì sao bạn rút hồ sơ."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Tôi hiểu rằng hồ sơ đã rút sẽ không được giải quyết tiếp."),
        error_messages={"required": _("Vui lòng đánh dấu ô xác nhận rút hồ sơ.")},
    )


class SupplementForm(forms.Form):
    note = forms.CharField(
        label=_("Nội dung bổ sung"),
        required=False,
        max_length=5000,
        help_text=_("Giải thích ngắn gọn những gì bạn bổ sung, sửa đổi."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, files_list=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploads = list(files_list or [])

    def clean(self):
        data = super().clean()
        if len(self.uploads) > MAX_SUPPLEMENT_FILES:
            raise ValidationError(
                _("Mỗi lần bổ sung tối đa %(n)d tệp.") % {"n": MAX_SUPPLEMENT_FILES}
            )
        # Every file is judged before any is kept: a refused one stops the whole supplement.
        problems = []
        for uploaded in self.uploads:
            try:
                check_upload(uploaded)
            except ValidationError as error:
                problems.extend(error.messages)
        if problems:
            raise ValidationError(problems)
        if not data.get("note", "").strip() and not self.uploads:
            raise ValidationError(_("Vui lòng đính kèm giấy tờ bổ sung hoặc ghi nội dung bổ sung."))
        return data


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Mức độ hài lòng của bạn"),
        choices=STARS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn số sao (từ 1 đến 5).")},
    )
    comment = forms.CharField(
        label=_("Góp ý thêm"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ComponentEntry:
    """One component on step 2: its current file, or its e-form; and what went wrong."""

    def __init__(self, component, current=None, eform=None):
        self.component = component
        self.current = current  # the DossierFile now in the draft, if any
        self.eform = eform
        self.errors: list[str] = []

    @property
    def field_name(self) -> str:
        return f"file-{self.component.pk}"

    @property
    def prefix(self) -> str:
        return f"form-{self.component.pk}"

    @property
    def accept(self) -> str:
        return ACCEPT_ATTRIBUTE

    @property
    def error_id(self) -> str:
        return f"component-{self.component.pk}-error"


class ComponentsStep:
    """Step 2: one entry per component. `save` keeps each accepted file and the e-form data
    that is right so far, and reports the rest per component; with `complete` (the citizen
    goes on) required components and required answers are asked for too."""

    def __init__(self, dossier, data=None, files=None):
        self.dossier = dossier
        self.data, self.files = data, files
        current = {
            f.component_id: f
            for f in filing.current_files(dossier).filter(kind=DossierFile.Kind.COMPONENT)
        }
        self.entries = []
        for component in dossier.procedure.components.all():
            eform = None
            if component.form_schema:
                eform = eforms.build_form(
                    component.form_schema,
                    initial=dossier.form_data.get(str(component.pk)) or {},
                    prefix=f"form-{component.pk}",
                )
            self.entries.append(ComponentEntry(component, current.get(component.pk), eform))

    @property
    def has_errors(self) -> bool:
        return any(entry.errors for entry in self.entries)

    def save(self, user, *, complete: bool) -> bool:
        """Keep what is right; True when nothing is left to correct."""
        form_data = dict(self.dossier.form_data)
        for entry in self.entries:
            if entry.eform is not None:
                self._save_eform(entry, form_data, complete=complete)
            else:
                self._save_file(entry, user)
        filing.update_draft(self.dossier, user, form_data=form_data)
        if complete:
            for entry in self.entries:
                missing = entry.eform is None and entry.current is None and not entry.errors
                if entry.component.required and missing:
                    entry.errors.append(
                        str(_("Vui lòng đính kèm “%(name)s”.") % {"name": entry.component.name})
                    )
        return not self.has_errors

    def _save_eform(self, entry, form_data, *, complete):
        component = entry.component
        key = str(component.pk)
        data, errors = eforms.clean_data(
            component.form_schema, self.data, prefix=entry.prefix, partial=True
        )
        if not errors:
            # What is there is right: kept, even while required answers still wait.
            if data:
                form_data[key] = data
            else:
                form_data.pop(key, None)
        # An optional e-form left empty is no answer, not a wrong one.
        partial = not complete or (not component.required and not data)
        entry.eform = eforms.build_form(
            component.form_schema, self.data, prefix=entry.prefix, partial=partial
        )
        if not entry.eform.is_valid():
            entry.errors.append(str(_("Tờ khai chưa hợp lệ: vui lòng sửa các ô được đánh dấu.")))

    def _save_file(self, entry, user):
        uploaded = (self.files or {}).get(entry.field_name)
        if uploaded is None:
            return
        try:
            stored = filing.attach_file(self.dossier, user, uploaded, component=entry.component)
        except Invalid as error:
            entry.errors.extend(str(m) for m in (error.fields.get("file") or [error.detail]))
            return
        entry.current = stored
