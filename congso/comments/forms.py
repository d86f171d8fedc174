from django import forms

from congso.comments.models import Comment
from congso.core.text import clean_plain, format_number

TEXT_MAX = Comment._meta.get_field("text").max_length
NAME_MAX = Comment._meta.get_field("name").max_length
HONEYPOT_FIELD = "website"
KEY_FIELD = "submission_key"


_clean_plain = clean_plain


class CommentForm(forms.ModelForm):
    """Name, e-mail and text of a reader's comment, plus a field only bots fill in."""

    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # The form's idempotency key (services.new_submission_key): a resend of a post whose
    # answer was lost carries the same key and creates nothing. Optional: pages cached
    # before keys existed, or whose script failed, still send comments.
    submission_key = forms.CharField(required=False, strip=True, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "text"]
        labels = {"name": "Họ tên", "email": "Email", "text": "Nội dung"}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "text": forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX}),
        }
        error_messages = {
            "name": {"required": "Vui lòng nhập họ tên."},
            "email": {
                "required": "Vui lòng nhập địa chỉ email.",
                "invalid": "Địa chỉ email không hợp lệ (ví dụ đúng: ten@example.com).",
            },
            "text": {"required": "Vui lòng nhập nội dung bình luận."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's max_length would reject the post with Django's English message and
        # without saying by how much; the form checks length itself after cleaning.
        for name in ("name", "text"):
            self.fields[name].max_length = None
            self.fields[name].validators = []
        self.fields["email"].max_length = None
        # A broken key (even one with a NUL byte) is the view's business, never a field error
        # the reader could not see on a hidden field.
        self.fields[KEY_FIELD].validators = []
        self.fields["email"].validators = [
            v for v in self.fields["email"].validators if not hasattr(v, "limit_value")
        ]

    def clean_name(self):
        name = " ".join(_clean_plain(self.cleaned_data.get("name", "")).split())
        if not name:
            raise forms.ValidationError("Vui lòng nhập họ tên.")
        if len(name) > NAME_MAX:
            raise forms.ValidationError(f"Họ tên dài tối đa {NAME_MAX} ký tự.")
        return name

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if len(email) > 254:
            raise forms.ValidationError("Địa chỉ email quá dài.")
        return email

    def clean_text(self):
        text = _clean_plain(self.cleaned_data.get("text", ""))
        if not text:
            raise forms.ValidationError("Vui lòng nhập nội dung bình luận.")
        if len(text) > TEXT_MAX:
            raise forms.ValidationError(
                f"Nội dung dài tối đa {format_number(TEXT_MAX)} ký tự; "
                f"bạn đã nhập {format_number(len(text))} ký tự. Vui lòng rút gọn."
            )
        return text

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))
