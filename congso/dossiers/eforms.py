"""E-forms (tờ khai điện tử): a dossier component's fields, typed by the agency admin as JSON Schema.

The schema (draft 2020-12) is the single source: `check_schema` tells the admin in Vietnamese
what is wrong with what they typed, `build_form` turns it into an accessible Django form,
`clean_data` converts what a citizen typed (dates dd/mm/yyyy, numbers 1.000 or 2,5) and
`validate` answers field by field with Vietnamese messages. The data is stored as JSON.

Supported fields: string (format date or email; maxLength, minLength, pattern; enum renders a
select), integer and number (minimum, maximum), boolean (a checkbox; a required one must be
ticked, as in HTML), array of enum strings (checkboxes; a required one needs a tick). `title` is
the label, `description` the help text. Keys outside `properties` are dropped from form posts
(the CSRF token, buttons); from JSON they are dropped too unless the schema says
`"additionalProperties": false`, which refuses them field by field.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.forms.utils import ErrorDict
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker

from congso.dossiers.eform_messages import error_messages

SUPPORTED_TYPES = ("string", "integer", "number", "boolean", "array")
SUPPORTED_FORMATS = ("date", "email")
# Without a maxLength a text field still has a ceiling: a dossier is not a file store.
DEFAULT_MAX_LENGTH = 5_000
TEXTAREA_FROM = 256  # characters: longer answers get a multi-line box
FIELD_NAME = re.compile(r"^[\w-]+$")
TRUE_WORDS = {"on", "true", "1", "yes", "có"}
DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^[+-]?\d+$")
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")

FORMATS = FormatChecker(formats=())


# A value that is not a string passes: the type check reports it.
@FORMATS.checks("date", raises=ValueError)
def _is_date(value) -> bool:
    return not isinstance(value, str) or bool(
        ISO_DATE.match(value) and dt.date.fromisoformat(value)
    )


@FORMATS.checks("email", raises=DjangoValidationError)
def _is_email(value) -> bool:
    return not isinstance(value, str) or validate_email(value) is None


def config_broken() -> str:
    return _(
        "Biểu mẫu điện tử của thủ tục này đang bị lỗi cấu hình; vui lòng báo cơ quan giải quyết."
    )


def load_schema(schema):
    """An admin's JSON text parsed (ValueError with a Vietnamese message if it is not JSON)."""
    if isinstance(schema, bytes | str):
        try:
            return json.loads(schema)
        except json.JSONDecodeError as error:
            raise ValueError(
                _("Không đọc được JSON: lỗi ở dòng %(line)s, cột %(column)s.")
                % {"line": error.lineno, "column": error.colno}
            )
    return schema


def check_schema(schema) -> list[str]:
    """Problems with a schema an admin typed, in Vietnamese; an empty list means usable."""
    try:
        schema = load_schema(schema)
    except ValueError as error:
        return [str(error)]
    if not isinstance(schema, dict):
        return [
            _('Biểu mẫu phải là một đối tượng JSON, dạng {"type": "object", "properties": {…}}.')
        ]
    problems = []
    if schema.get("type") != "object":
        problems.append(_('Cấp ngoài cùng của biểu mẫu phải có "type": "object".'))
    properties = schema.get("properties")
    if not isinstance(properties, dict) or not properties:
        problems.append(_('Biểu mẫu phải có "properties" liệt kê ít nhất một trường.'))
        properties = {}
    for name, prop in properties.items():
        problems += _field_problems(name, prop)
    required = schema.get("required", [])
    if not isinstance(required, list) or not all(isinstance(n, str) for n in required):
        problems.append(_('"required" phải là danh sách tên trường.'))
    else:
        for name in required:
            if properties and name not in properties:
                problems.append(
                    _("Trường bắt buộc “%(name)s” không có trong “properties”.") % {"name": name}
                )
    return problems or _meta_problems(schema)


def _field_problems(name: str, prop) -> list[str]:
    where = {"name": name}
    if not FIELD_NAME.match(name):
        return [
            _("Tên trường “%(name)s” chỉ được gồm chữ, số, dấu gạch dưới hoặc gạch ngang.") % where
        ]
    if not isinstance(prop, dict):
        return [_("Trường “%(name)s” phải là một đối tượng JSON.") % where]
    kind = prop.get("type")
    if kind is None:
        return [_("Trường “%(name)s” thiếu “type”.") % where]
    if not isinstance(kind, str) or kind not in SUPPORTED_TYPES:
        return [
            _("Trường “%(name)s”: kiểu %(kind)s chưa được hỗ trợ; dùng một trong: %(types)s.")
            % {
                **where,
                "kind": json.dumps(kind, ensure_ascii=False),
                "types": ", ".join(SUPPORTED_TYPES),
            }
        ]
    problems = []
    # Checked whatever the type: jsonschema applies a pattern to any text it meets, and a
    # typed-in answer to a number field is text until it converts.
    if "pattern" in prop:
        try:
            re.compile(prop["pattern"])
        except (re.error, TypeError):
            problems.append(_("Trường “%(name)s”: biểu thức “pattern” không hợp lệ.") % where)
    if "enum" in prop and kind != "string":
        problems.append(_("Trường “%(name)s”: chỉ trường string mới có “enum”.") % where)
    if kind == "string":
        fmt = prop.get("format")
        if fmt is not None and fmt not in SUPPORTED_FORMATS:
            problems.append(
                _("Trường “%(name)s”: định dạng %(format)s chưa được hỗ trợ; dùng date hoặc email.")
                % {**where, "format": json.dumps(fmt, ensure_ascii=False)}
            )
        if "enum" in prop and not _string_list(prop["enum"]):
            problems.append(
                _("Trường “%(name)s”: “enum” phải là danh sách các lựa chọn (chuỗi).") % where
            )
    if kind == "array":
        items = prop.get("items")
        if not (
            isinstance(items, dict)
            and items.get("type") == "string"
            and _string_list(items.get("enum"))
        ):
            problems.append(
                _(
                    "Trường “%(name)s”: danh sách (array) chỉ hỗ trợ các ô chọn, dạng "
                    '"items": {"type": "string", "enum": ["…", "…"]}.'
                )
                % where
            )
    return problems


def _meta_problems(schema: dict) -> list[str]:
    """What the JSON Schema specification itself refuses (e.g. a negative maxLength)."""
    details = {
        "minimum": _("giá trị phải lớn hơn hoặc bằng %(value)s"),
        "type": _("giá trị phải có kiểu %(value)s"),
        "enum": _("giá trị phải là một trong %(value)s"),
        "uniqueItems": _("các giá trị không được trùng nhau"),
    }
    problems = []
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    for error in sorted(meta.iter_errors(schema), key=lambda e: [str(p) for p in e.absolute_path]):
        where = " › ".join(str(part) for part in error.absolute_path) or _("gốc")
        detail = details.get(error.validator)
        detail = detail % {"value": json.dumps(error.validator_value)} if detail else error.message
        problems.append(
            _("Lược đồ JSON Schema không hợp lệ ở “%(where)s”: %(detail)s.")
            % {"where": where, "detail": detail}
        )
    return problems


def _string_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _properties(schema: dict) -> dict:
    return schema.get("properties") or {}


def _required(schema: dict) -> set[str]:
    return set(schema.get("required") or [])


def _effective(schema: dict) -> dict:
    """The schema with the default ceiling on text fields that have none."""
    properties = {}
    for name, prop in _properties(schema).items():
        if prop.get("type") == "string" and "maxLength" not in prop and "enum" not in prop:
            prop = {**prop, "maxLength": DEFAULT_MAX_LENGTH}
        properties[name] = prop
    return {**schema, "properties": properties}


def validate(schema, data) -> dict[str, list[str]]:
    """Vietnamese messages keyed by field name ("__all__" for the form as a whole)."""
    if check_schema(schema):
        return {NON_FIELD_ERRORS: [config_broken()]}
    schema = load_schema(schema)
    if not isinstance(data, dict):
        return {NON_FIELD_ERRORS: [_("Dữ liệu biểu mẫu phải là một đối tượng JSON.")]}
    errors: dict[str, list[str]] = {}
    validator = Draft202012Validator(_effective(schema), format_checker=FORMATS)
    for error in validator.iter_errors(data):
        for key, message in error_messages(_properties(schema), error):
            messages = errors.setdefault(key, [])
            if message not in messages:
                messages.append(message)
    return errors


def clean_data(schema, raw, *, prefix: str | None = None, partial: bool = False):
    """(data, errors): form input (a QueryDict) or JSON (a dict) converted, then validated.

    `partial` is for saving a draft: what is there must be right, what is missing may wait.
    """
    if check_schema(schema):
        return {}, {NON_FIELD_ERRORS: [config_broken()]}
    schema = load_schema(schema)
    if not hasattr(raw, "get"):
        return {}, {NON_FIELD_ERRORS: [_("Dữ liệu biểu mẫu phải là một đối tượng JSON.")]}
    from_form = hasattr(raw, "getlist")
    required = _required(schema)
    data = {}
    for name, prop in _properties(schema).items():
        key = f"{prefix}-{name}" if prefix else name
        kind = prop["type"]
        if kind == "array":
            values = raw.getlist(key) if from_form else raw.get(key)
            values = _clean_list(values)
            if values is not None:
                data[name] = values
        elif kind == "boolean":
            ticked = _to_bool(raw.get(key)) if from_form or key in raw else None
            # An unticked required box is a missing answer, as a `required` checkbox is in HTML.
            if ticked is not None and (ticked is True or name not in required):
                data[name] = ticked
        elif (value := raw.get(key)) is not None:
            value = _convert(prop, value)
            if value != "":
                data[name] = value
    if not from_form and schema.get("additionalProperties") is False:
        data.update({k: v for k, v in raw.items() if k not in _properties(schema)})
    checked = {**schema, "required": []} if partial else schema
    return data, validate(checked, data)


def _clean_list(values):
    values = [values] if isinstance(values, str) else values
    if not isinstance(values, list):
        return values  # None (not sent), or a wrong type the type check reports
    cleaned = []
    for value in (v.strip() if isinstance(v, str) else v for v in values):
        if value != "" and value not in cleaned:
            cleaned.append(value)
    return cleaned or None  # no tick is no answer: "required" then asks for one


def _to_bool(value) -> bool | object:
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    return value  # a number or a list from JSON: the type check reports it


def _convert(prop: dict, value):
    value = value.strip() if isinstance(value, str) else value
    if not isinstance(value, str) or value == "":
        return value
    if prop["type"] in ("integer", "number"):
        return _to_number(value, integer=prop["type"] == "integer")
    return to_iso_date(value) if prop.get("format") == "date" else value


def _to_number(text: str, *, integer: bool):
    """'1.000' -> 1000, '2,5' -> 2.5, '1.234,5' -> 1234.5; left as text when it is not a number."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    if INTEGER.match(compact) or THOUSANDS.match(compact):
        try:
            return int(compact.replace(".", ""))
        except ValueError:  # more digits than Python converts: not a sensible answer
            return text
    if integer:
        return text
    if "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    if DECIMAL.match(compact):
        return float(compact)
    return text


def to_iso_date(text: str) -> str:
    """'25/12/2026' -> '2026-12-25'; an impossible or unreadable date is left for the format check."""
    match = DMY.match(text.strip())
    if not match:
        return text
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return text


def to_display(prop: dict, value):
    """Stored JSON back into what the citizen typed: dates dd/mm/yyyy, decimals with a comma."""
    if prop.get("format") == "date" and isinstance(value, str) and _is_date(value):
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    if prop.get("type") == "number" and isinstance(value, float):
        return str(value).replace(".", ",")
    return value


class EForm(forms.Form):
    """A form mirroring the schema; all checking is the schema's, so messages come from one place."""

    template_name = "dossiers/eform.html"

    def __init__(self, schema, data=None, *, initial=None, prefix=None, partial=False, **kwargs):
        self.schema_problems = check_schema(schema)
        self.schema = {} if self.schema_problems else load_schema(schema)
        self.partial = partial
        properties = _properties(self.schema)
        shown = {}
        for name, prop in properties.items():
            value = (initial or {}).get(name, prop.get("default"))
            if value is not None:
                shown[name] = to_display(prop, value)
        super().__init__(data=data, initial=shown, prefix=prefix, **kwargs)
        required = _required(self.schema)
        for name, prop in properties.items():
            self.fields[name] = _field_for(name, prop, name in required)

    def full_clean(self):
        self._errors = ErrorDict(renderer=self.renderer)
        if not self.is_bound:
            return
        if self.schema_problems:
            self.cleaned_data = {}
            self.add_error(None, config_broken())
            return
        data, errors = clean_data(self.schema, self.data, prefix=self.prefix, partial=self.partial)
        self.cleaned_data = data
        for key, messages in errors.items():
            self.add_error(key if key in self.fields else None, messages)


def _field_for(name: str, prop: dict, required: bool) -> forms.Field:
    common = {
        "label": prop.get("title") or name,
        "required": required,
        # Escaped here: Django's own field template prints help text as safe HTML.
        "help_text": conditional_escape(prop.get("description") or ""),
    }
    kind = prop["type"]
    if kind == "boolean":
        return forms.BooleanField(**common)
    if kind == "array":
        choices = [(value, value) for value in prop["items"]["enum"]]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if "enum" in prop:
        choices = [("", _("— Chọn —"))] + [(value, value) for value in prop["enum"]]
        return forms.ChoiceField(choices=choices, **common)
    attrs = {}
    widget = forms.TextInput
    if kind == "integer":
        attrs["inputmode"] = "numeric"
    elif kind == "number":
        attrs["inputmode"] = "decimal"
    elif prop.get("format") == "date":
        attrs["placeholder"] = _("dd/mm/yyyy")
    elif prop.get("format") == "email":
        widget = forms.EmailInput
        attrs["autocomplete"] = "email"
    if kind == "string":
        max_length = prop.get("maxLength", DEFAULT_MAX_LENGTH)
        attrs["maxlength"] = str(max_length)
        if "maxLength" in prop and max_length >= TEXTAREA_FROM and not prop.get("format"):
            widget = forms.Textarea
            attrs["rows"] = "4"
    return forms.CharField(widget=widget(attrs=attrs), strip=False, **common)


def build_form(schema, data=None, *, initial=None, prefix=None, partial=False) -> EForm:
    """The e-form for a component: bound to `data` (a POST) when given, `initial` from a draft."""
    return EForm(schema, data, initial=initial, prefix=prefix, partial=partial)


def render(form: EForm) -> str:
    """The form's fields in the portal's markup (dossiers/eform.html); the page adds <form>."""
    return form.render()
