import re

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from congso.contact.models import ContactMessage
from congso.core.text import clean_plain, format_number

HONEYPOT_FIELD = "website"
_field = ContactMessage._meta.get_field
NAME_MAX = _field("name").max_length
SUBJECT_MAX = _field("subject").max_length
MESSAGE_MAX = _field("message").max_length
PHONE_MAX = _field("phone").max_length
PHONE_PATTERN = re.compile(r"^\+?[0-9 .()\-]{6,}$")


class ContactForm(forms.Form):
    """What a citizen writes to the agency; every field arrives as plain text."""

    name = forms.CharField(
        label="Họ tên",
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX}),
        error_messages={"required": "Vui lòng nhập họ tên."},
    )
    email = forms.EmailField(
        label="Thư điện tử",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
        error_messages={
            "required": "Vui lòng nhập địa chỉ thư điện tử để cơ quan trả lời bạn.",
            "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
        },
    )
    phone = forms.CharField(
        label="Điện thoại (không bắt buộc)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "maxlength": PHONE_MAX}),
    )
    topic = forms.TypedChoiceField(
        label="Chủ đề",
        coerce=int,
        error_messages={
            "required": "Vui lòng chọn chủ đề.",
            "invalid_choice": "Chủ đề đã chọn không còn; vui lòng chọn lại.",
        },
    )
    subject = forms.CharField(
        label="Tiêu đề",
        widget=forms.TextInput(attrs={"maxlength": SUBJECT_MAX}),
        error_messages={"required": "Vui lòng nhập tiêu đề."},
    )
    message = forms.CharField(
        label="Nội dung",
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MESSAGE_MAX}),
        error_messages={"required": "Vui lòng nhập nội dung thư."},
    )
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.pk: topic for topic in topics}
        self.fields["topic"].choices = [("", "— Chọn chủ đề —")] + [
            (topic.pk, topic.name) for topic in topics
        ]
        # Django's fields would refuse a long address or a NUL byte with an English message:
        # lengths are checked below in Vietnamese, and clean_plain drops control characters.
        for field in self.fields.values():
            field.validators = [
                v
                for v in field.validators
                if not hasattr(v, "limit_value")
                and not isinstance(v, ProhibitNullCharactersValidator)
            ]

    def _plain(self, name: str, limit: int, label: str, one_line: bool = True) -> str:
        value = clean_plain(self.cleaned_data.get(name, ""))
        if one_line:
            value = " ".join(value.split())
        if not value:
            raise forms.ValidationError(self.fields[name].error_messages["required"])
        if len(value) > limit:
            raise forms.ValidationError(
                f"{label} dài tối đa {format_number(limit)} ký tự; bạn đã nhập "
                f"{format_number(len(value))} ký tự. Vui lòng rút gọn."
            )
        return value

    def clean_name(self):
        return self._plain("name", NAME_MAX, "Họ tên")

    def clean_subject(self):
        return self._plain("subject", SUBJECT_MAX, "Tiêu đề")

    def clean_message(self):
        return self._plain("message", MESSAGE_MAX, "Nội dung", one_line=False)

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if len(email) > 254:
            raise forms.ValidationError("Địa chỉ thư điện tử quá dài.")
        return email

    def clean_phone(self):
        phone = " ".join(clean_plain(self.cleaned_data.get("phone", "")).split())
        if not phone:
            return ""
        if len(phone) > PHONE_MAX or not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                f"Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch, dấu +), "
                f"tối đa {PHONE_MAX} ký tự."
            )
        return phone

    def clean_topic(self):
        topic = self.topics.get(self.cleaned_data.get("topic"))
        if topic is None:
            raise forms.ValidationError(self.fields["topic"].error_messages["invalid_choice"])
        return topic

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))
