from django import forms

from congso.core.text import clean_plain, format_number
from congso.drafts.models import DraftComment

NAME_MAX = DraftComment._meta.get_field("name").max_length
ORGANISATION_MAX = DraftComment._meta.get_field("organisation").max_length
TEXT_MAX = DraftComment._meta.get_field("text").max_length
EMAIL_MAX = 254
HONEYPOT_FIELD = "website"
WHOLE_DRAFT = ""


class DraftCommentForm(forms.Form):
    """A comment on one section of a draft, or on the whole of it; `website` only bots fill."""

    section = forms.ChoiceField(label="Góp ý cho", required=False)
    name = forms.CharField(
        label="Họ tên",
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX}),
        error_messages={"required": "Vui lòng nhập họ tên."},
    )
    organisation = forms.CharField(
        label="Cơ quan, tổ chức (nếu có)",
        required=False,
        strip=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "organization", "maxlength": ORGANISATION_MAX}
        ),
    )
    email = forms.CharField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": EMAIL_MAX}),
        error_messages={"required": "Vui lòng nhập địa chỉ email."},
    )
    text = forms.CharField(
        label="Nội dung góp ý",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX}),
        error_messages={"required": "Vui lòng nhập nội dung góp ý."},
    )
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        # Django refuses a NUL byte in English before our cleaning runs; clean_plain drops
        # control characters, so a stray one never costs the citizen their text.
        for name in ("name", "organisation", "email", "text", "website", "section"):
            self.fields[name].validators = []
        self.sections = {str(s.pk): s for s in page.sections.all() if s.pk}
        self.fields["section"].choices = [(WHOLE_DRAFT, "Toàn bộ dự thảo")] + [
            (key, section.title) for key, section in self.sections.items()
        ]
        self.fields["section"].error_messages["invalid_choice"] = (
            "Phần được chọn không có trong dự thảo; vui lòng chọn lại."
        )

    def _plain(self, name: str, limit: int, label: str, required: bool = True) -> str:
        value = clean_plain(self.cleaned_data.get(name) or "")
        if name != "text":
            value = " ".join(value.split())
        if required and not value:
            raise forms.ValidationError(f"Vui lòng nhập {label}.")
        if len(value) > limit:
            raise forms.ValidationError(
                f"{label[0].upper()}{label[1:]} dài tối đa {format_number(limit)} ký tự; "
                f"bạn đã nhập {format_number(len(value))} ký tự. Vui lòng rút gọn."
            )
        return value

    def clean_name(self):
        return self._plain("name", NAME_MAX, "họ tên")

    def clean_organisation(self):
        return self._plain("organisation", ORGANISATION_MAX, "tên cơ quan, tổ chức", False)

    def clean_text(self):
        return self._plain("text", TEXT_MAX, "nội dung góp ý")

    def clean_email(self):
        email = clean_plain(self.cleaned_data.get("email") or "")
        if len(email) > EMAIL_MAX:
            raise forms.ValidationError("Địa chỉ email quá dài.")
        try:
            forms.EmailField().clean(email)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                "Địa chỉ email không hợp lệ (ví dụ đúng: ten@example.com)."
            ) from error
        return email

    def clean_section(self):
        key = self.cleaned_data.get("section") or WHOLE_DRAFT
        return self.sections.get(key)

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))
