"""The Vietnamese message for each way a citizen's e-form answer breaks its JSON Schema (eforms.py
validates; this turns jsonschema's errors into what the form shows next to each field)."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

from congso.core.text import format_number


def error_messages(properties: dict, error):
    """(field, message) pairs for one jsonschema error; the field is the top-level key."""
    path = list(error.absolute_path)
    if error.validator == "required" and not path:
        for name in error.validator_value:
            if name not in error.instance:
                yield name, _required_message(properties.get(name, {}), name)
    elif error.validator == "additionalProperties" and not path:
        for name in error.instance:
            if name not in properties:
                yield str(name), _("Trường “%(name)s” không có trong biểu mẫu.") % {"name": name}
    elif not path:
        yield NON_FIELD_ERRORS, _("Dữ liệu biểu mẫu không hợp lệ.")
    else:
        name = str(path[0])
        prop = properties.get(name, {})
        yield name, _message(error, prop, prop.get("title") or name)


def _required_message(prop: dict, name: str) -> str:
    label = {"label": prop.get("title") or name}
    if prop.get("type") == "boolean":
        return _("Vui lòng đánh dấu “%(label)s”.") % label
    if prop.get("type") == "array" or "enum" in prop:
        return _("Vui lòng chọn “%(label)s”.") % label
    return _("Vui lòng nhập “%(label)s”.") % label


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return format_number(value, len(repr(value).partition(".")[2]))
    return format_number(value)


def _message(error, prop: dict, label: str) -> str:
    limit = error.validator_value
    values = {"label": label, "limit": limit}
    if error.validator in {"maxLength", "minLength", "minItems", "maxItems"}:
        values["limit"] = format_number(limit)
    elif error.validator in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        values["limit"] = _number(limit)
    if error.validator == "maxLength":
        values["length"] = format_number(len(error.instance))
        return _("“%(label)s” dài tối đa %(limit)s ký tự (đang có %(length)s).") % values
    if error.validator == "enum":
        values["value"] = str(error.instance)[:50]
        return _("Giá trị “%(value)s” không có trong danh sách lựa chọn của “%(label)s”.") % values
    if error.validator == "format":
        if limit == "date":
            return _("Ngày không hợp lệ (dd/mm/yyyy).")
        return _("Địa chỉ email không hợp lệ.")
    if error.validator == "type":
        return {
            "integer": _("“%(label)s” phải là số nguyên."),
            "number": _("“%(label)s” phải là một số."),
            "string": _("“%(label)s” phải là chữ (chuỗi ký tự)."),
            "boolean": _("“%(label)s” chỉ nhận có hoặc không."),
            "array": _("“%(label)s” phải là danh sách lựa chọn."),
        }.get(limit, _("“%(label)s” không hợp lệ.")) % values
    template = {
        "minLength": _("“%(label)s” cần ít nhất %(limit)s ký tự."),
        "pattern": _("“%(label)s” không đúng định dạng yêu cầu."),
        "minimum": _("“%(label)s” phải lớn hơn hoặc bằng %(limit)s."),
        "maximum": _("“%(label)s” phải nhỏ hơn hoặc bằng %(limit)s."),
        "exclusiveMinimum": _("“%(label)s” phải lớn hơn %(limit)s."),
        "exclusiveMaximum": _("“%(label)s” phải nhỏ hơn %(limit)s."),
        "minItems": _("Vui lòng chọn ít nhất %(limit)s mục ở “%(label)s”."),
        "maxItems": _("Chỉ được chọn tối đa %(limit)s mục ở “%(label)s”."),
        "uniqueItems": _("Mỗi lựa chọn ở “%(label)s” chỉ được chọn một lần."),
    }.get(error.validator, _("“%(label)s” không hợp lệ."))
    return template % values
