"""The citizen's question form and the small forms of each admin step."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congso.core.text import clean_plain, format_number
from congso.dossiers import uploads
from congso.questions.models import Question

NAME_MAX = 100
TITLE_MAX = 200
QUESTION_MAX = Question._meta.get_field("question").max_length
ANSWER_MAX = 20_000
MAX_FILES = 3
MAX_FILE_BYTES = 5 * 1024 * 1024
HONEYPOT_FIELD = "website"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": uploads.ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [f for f in files if f]


def _plain(value: str, label: str, limit: int, required: bool = True) -> str:
    text = clean_plain(value or "")
    if required and not text:
        raise ValidationError(f"Vui lòng nhập {label}.")
    if len(text) > limit:
        raise ValidationError(
            f"{label[0].upper()}{label[1:]} dài tối đa {format_number(limit)} ký tự; "
            f"bạn đã nhập {format_number(len(text))} ký tự. Vui lòng rút gọn."
        )
    return text


class AskForm(forms.Form):
    name = forms.CharField(
        label="Họ tên",
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX}),
    )
    email = forms.EmailField(
        label="Thư điện tử",
        help_text="Để nhận thông báo khi câu hỏi được trả lời; không hiển thị trên cổng.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vui lòng nhập địa chỉ thư điện tử.",
            "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
        },
    )
    topic = forms.ModelChoiceField(
        label="Chủ đề",
        queryset=None,
        empty_label="— Chọn chủ đề —",
        error_messages={
            "required": "Vui lòng chọn chủ đề.",
            "invalid_choice": "Chủ đề không có trong danh sách; vui lòng chọn lại.",
        },
    )
    title = forms.CharField(
        label="Tiêu đề câu hỏi", widget=forms.TextInput(attrs={"maxlength": TITLE_MAX})
    )
    question = forms.CharField(
        label="Nội dung câu hỏi",
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": QUESTION_MAX}),
    )
    attachments = MultipleFileField(
        label="Tệp đính kèm (không bắt buộc)",
        required=False,
    )
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = page.topics.all()
        self.fields["topic"].required = page.topics.exists()
        for name in ("name", "title", "question"):
            self.fields[name].max_length = None
            self.fields[name].validators = []
            self.fields[name].error_messages["required"] = "Vui lòng nhập " + (
                self.fields[name].label.lower() + "."
            )
        self.fields[
            "attachments"
        ].help_text = f"Tối đa {MAX_FILES} tệp; {uploads.allowed_description(MAX_FILE_BYTES)}."
        self.checked_files = []

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean_name(self):
        return " ".join(_plain(self.cleaned_data.get("name"), "họ tên", NAME_MAX).split())

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if len(email) > 254:
            raise ValidationError("Địa chỉ thư điện tử quá dài.")
        return email

    def clean_title(self):
        return " ".join(_plain(self.cleaned_data.get("title"), "tiêu đề", TITLE_MAX).split())

    def clean_question(self):
        return _plain(self.cleaned_data.get("question"), "nội dung câu hỏi", QUESTION_MAX)

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise ValidationError(f"Chỉ được đính kèm tối đa {MAX_FILES} tệp.")
        errors, checked = [], []
        for uploaded in files:
            try:
                checked.append((uploaded, uploads.check_upload(uploaded, max_bytes=MAX_FILE_BYTES)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        self.checked_files = checked
        return files


# Admin steps ---------------------------------------------------------------------------------


class StepForm(forms.Form):
    action = ""
    label = ""

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "note"}


class AssignForm(StepForm):
    action, label = "assign", _("Giao đơn vị trả lời")
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, **kwargs):
        from congso.organisation.models import Unit

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.all()


class _AnswerForm(StepForm):
    answer = forms.CharField(
        label=_("Nội dung trả lời"),
        max_length=ANSWER_MAX,
        required=False,
        widget=forms.Textarea({"rows": 10}),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 2}))


class SaveDraftForm(_AnswerForm):
    action, label = "save_draft", _("Lưu bản nháp trả lời")


class SubmitForm(_AnswerForm):
    action, label = "submit", _("Trình Trưởng ban duyệt")


class PublishForm(StepForm):
    action, label = "publish", _("Duyệt và đăng")
    title = forms.CharField(label=_("Tiêu đề khi đăng"), max_length=TITLE_MAX)
    public_question = forms.CharField(
        label=_("Câu hỏi khi đăng"), max_length=QUESTION_MAX, widget=forms.Textarea({"rows": 6})
    )
    answer = forms.CharField(
        label=_("Câu trả lời khi đăng"), max_length=ANSWER_MAX, widget=forms.Textarea({"rows": 10})
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 2}))


class _NoteForm(StepForm):
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 3}))

    def service_fields(self) -> dict:
        return {}


class RejectForm(_NoteForm):
    action, label = "reject", _("Từ chối")
    note = forms.CharField(
        label=_("Lý do từ chối (gửi cho người hỏi)"), widget=forms.Textarea({"rows": 3})
    )


class SendBackForm(_NoteForm):
    action, label = "send_back", _("Trả lại đơn vị sửa")
    note = forms.CharField(label=_("Nội dung cần sửa"), widget=forms.Textarea({"rows": 3}))


class WithdrawForm(_NoteForm):
    action, label = "withdraw", _("Gỡ khỏi cổng")


STEP_FORMS = {
    form.action: form
    for form in (AssignForm, SaveDraftForm, SubmitForm, PublishForm, RejectForm, SendBackForm)
}
STEP_FORMS[WithdrawForm.action] = WithdrawForm


def initial_for(action: str, question) -> dict:
    if action == "assign":
        return {"unit": question.unit_id}
    if action in ("save_draft", "submit"):
        return {"answer": question.answer}
    if action == "publish":
        return {
            "title": question.title,
            "public_question": question.shown_question,
            "answer": question.answer,
        }
    return {}
