"""E-forms: an admin's JSON Schema checked, rendered as an accessible form, validated in Vietnamese."""

import json

import pytest
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from congso.dossiers.eforms import build_form, check_schema, clean_data, render, validate

# A sample e-form (dữ liệu mẫu): a request for a press-card reissue.
SCHEMA = {
    "type": "object",
    "properties": {
        "ho_ten": {"type": "string", "title": "Họ và tên", "maxLength": 10},
        "ngay_sinh": {
            "type": "string",
            "format": "date",
            "title": "Ngày sinh",
            "description": "Ghi theo dạng ngày/tháng/năm.",
        },
        "email": {"type": "string", "format": "email", "title": "Thư điện tử"},
        "so_the": {"type": "string", "title": "Số thẻ", "pattern": "^[0-9]{6}$"},
        "loai": {"type": "string", "title": "Loại thẻ", "enum": ["Báo in", "Báo điện tử"]},
        "so_ban": {"type": "integer", "title": "Số bản", "minimum": 1, "maximum": 1000},
        "le_phi": {"type": "number", "title": "Lệ phí đề nghị", "minimum": 0.5},
        "cam_doan": {"type": "boolean", "title": "Tôi cam đoan thông tin là đúng"},
        "nhan_qua": {
            "type": "array",
            "title": "Nhận kết quả qua",
            "items": {"type": "string", "enum": ["Bưu điện", "Trực tuyến", "Trực tiếp"]},
        },
    },
    "required": ["ho_ten", "loai", "cam_doan", "nhan_qua"],
}

GOOD = {"ho_ten": "Nguyễn A", "loai": "Báo in", "cam_doan": True, "nhan_qua": ["Bưu điện"]}


def post(**values) -> QueryDict:
    query = QueryDict(mutable=True)
    query.update({"csrfmiddlewaretoken": "x"})
    for key, value in values.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query


GOOD_POST = {"ho_ten": "Nguyễn A", "loai": "Báo in", "cam_doan": "on", "nhan_qua": ["Bưu điện"]}


# check_schema


def test_a_good_schema_has_no_problems():
    assert check_schema(SCHEMA) == []


def test_a_schema_typed_as_json_text_is_read():
    assert check_schema(json.dumps(SCHEMA)) == []


def test_text_that_is_not_json_says_where():
    assert check_schema('{"type": "object",\n "properties": }') == [
        "Không đọc được JSON: lỗi ở dòng 2, cột 16."
    ]


def test_a_schema_that_is_not_an_object_is_refused():
    assert check_schema(["type", "object"]) == [
        'Biểu mẫu phải là một đối tượng JSON, dạng {"type": "object", "properties": {…}}.'
    ]


def test_the_top_level_must_be_an_object():
    problems = check_schema({"type": "array", "properties": {"a": {"type": "string"}}})
    assert problems == ['Cấp ngoài cùng của biểu mẫu phải có "type": "object".']


def test_the_top_level_must_list_properties():
    assert check_schema({"type": "object"}) == [
        'Biểu mẫu phải có "properties" liệt kê ít nhất một trường.'
    ]


def test_an_unsupported_field_type_is_named():
    problems = check_schema({"type": "object", "properties": {"dia_chi": {"type": "object"}}})
    assert problems == [
        'Trường “dia_chi”: kiểu "object" chưa được hỗ trợ; dùng một trong: '
        "string, integer, number, boolean, array."
    ]


def test_a_field_without_a_type_is_named():
    problems = check_schema({"type": "object", "properties": {"a": {"title": "A"}}})
    assert problems == ["Trường “a” thiếu “type”."]


def test_an_unsupported_format_is_named():
    problems = check_schema(
        {"type": "object", "properties": {"web": {"type": "string", "format": "uri"}}}
    )
    assert problems == ['Trường “web”: định dạng "uri" chưa được hỗ trợ; dùng date hoặc email.']


def test_a_broken_pattern_is_named():
    problems = check_schema(
        {"type": "object", "properties": {"a": {"type": "string", "pattern": "(["}}}
    )
    assert problems == ["Trường “a”: biểu thức “pattern” không hợp lệ."]


def test_an_array_must_be_a_list_of_choices():
    problems = check_schema(
        {"type": "object", "properties": {"a": {"type": "array", "items": {"type": "integer"}}}}
    )
    assert problems[0].startswith("Trường “a”: danh sách (array) chỉ hỗ trợ các ô chọn")


def test_a_required_name_outside_properties_is_named():
    problems = check_schema({**SCHEMA, "required": ["ho_ten", "dia_chi"]})
    assert problems == ["Trường bắt buộc “dia_chi” không có trong “properties”."]


def test_a_field_name_with_spaces_is_refused():
    problems = check_schema({"type": "object", "properties": {"họ tên": {"type": "string"}}})
    assert problems == ["Tên trường “họ tên” chỉ được gồm chữ, số, dấu gạch dưới hoặc gạch ngang."]


def test_what_json_schema_itself_forbids_is_reported_with_its_place():
    problems = check_schema(
        {"type": "object", "properties": {"a": {"type": "string", "maxLength": -1}}}
    )
    assert problems == [
        "Lược đồ JSON Schema không hợp lệ ở “properties › a › maxLength”: "
        "giá trị phải lớn hơn hoặc bằng 0."
    ]


# validate: one message per validator, keyed by the field


def test_good_data_has_no_errors():
    assert validate(SCHEMA, GOOD) == {}


def test_a_missing_required_text_asks_for_it():
    data = {key: value for key, value in GOOD.items() if key != "ho_ten"}
    assert validate(SCHEMA, data) == {"ho_ten": ["Vui lòng nhập “Họ và tên”."]}


def test_a_missing_required_choice_asks_to_choose():
    data = {key: value for key, value in GOOD.items() if key != "loai"}
    assert validate(SCHEMA, data) == {"loai": ["Vui lòng chọn “Loại thẻ”."]}


def test_every_missing_required_field_gets_its_own_message():
    assert set(validate(SCHEMA, {})) == {"ho_ten", "loai", "cam_doan", "nhan_qua"}


def test_too_long_text_gives_the_limit():
    errors = validate(SCHEMA, {**GOOD, "ho_ten": "Nguyễn Văn Anh"})
    assert errors == {"ho_ten": ["“Họ và tên” dài tối đa 10 ký tự (đang có 14)."]}


def test_text_not_matching_the_pattern_is_refused():
    errors = validate(SCHEMA, {**GOOD, "so_the": "12a"})
    assert errors == {"so_the": ["“Số thẻ” không đúng định dạng yêu cầu."]}


def test_a_number_below_the_minimum_is_refused():
    assert validate(SCHEMA, {**GOOD, "so_ban": 0}) == {
        "so_ban": ["“Số bản” phải lớn hơn hoặc bằng 1."]
    }


def test_a_number_above_the_maximum_is_refused_in_vietnamese_digits():
    assert validate(SCHEMA, {**GOOD, "so_ban": 5000}) == {
        "so_ban": ["“Số bản” phải nhỏ hơn hoặc bằng 1.000."]
    }


def test_a_decimal_minimum_is_shown_with_a_comma():
    assert validate(SCHEMA, {**GOOD, "le_phi": 0.1}) == {
        "le_phi": ["“Lệ phí đề nghị” phải lớn hơn hoặc bằng 0,5."]
    }


def test_a_value_outside_the_choices_is_refused():
    assert validate(SCHEMA, {**GOOD, "loai": "Tạp chí"}) == {
        "loai": ["Giá trị “Tạp chí” không có trong danh sách lựa chọn của “Loại thẻ”."]
    }


def test_a_checkbox_outside_the_choices_is_refused_under_the_group():
    errors = validate(SCHEMA, {**GOOD, "nhan_qua": ["Bưu điện", "Fax"]})
    assert errors == {
        "nhan_qua": ["Giá trị “Fax” không có trong danh sách lựa chọn của “Nhận kết quả qua”."]
    }


def test_an_impossible_date_is_refused():
    assert validate(SCHEMA, {**GOOD, "ngay_sinh": "2026-02-30"}) == {
        "ngay_sinh": ["Ngày không hợp lệ (dd/mm/yyyy)."]
    }


def test_a_bad_email_is_refused():
    assert validate(SCHEMA, {**GOOD, "email": "an@"}) == {"email": ["Địa chỉ email không hợp lệ."]}


def test_a_wrong_type_is_named():
    assert validate(SCHEMA, {**GOOD, "so_ban": "hai"}) == {
        "so_ban": ["“Số bản” phải là số nguyên."]
    }


def test_unexpected_keys_pass_when_the_schema_allows_them():
    assert validate(SCHEMA, {**GOOD, "ghi_chu": "x"}) == {}


def test_unexpected_keys_are_refused_when_the_schema_forbids_them():
    schema = {**SCHEMA, "additionalProperties": False}
    assert validate(schema, {**GOOD, "ghi_chu": "x"}) == {
        "ghi_chu": ["Trường “ghi_chu” không có trong biểu mẫu."]
    }


def test_data_that_is_not_an_object_is_refused_for_the_whole_form():
    assert validate(SCHEMA, ["x"]) == {"__all__": ["Dữ liệu biểu mẫu phải là một đối tượng JSON."]}


def test_a_broken_schema_answers_with_a_message_not_an_exception():
    assert list(validate({"type": "object"}, GOOD)) == ["__all__"]


def test_text_without_a_limit_still_has_a_ceiling():
    schema = {"type": "object", "properties": {"ghi_chu": {"type": "string", "title": "Ghi chú"}}}
    assert "ghi_chu" in validate(schema, {"ghi_chu": "x" * 5001})


# clean_data: form input converted before validation


def test_a_date_typed_day_first_is_stored_as_iso():
    data, errors = clean_data(SCHEMA, post(**GOOD_POST, ngay_sinh="05/04/1990"))
    assert (data["ngay_sinh"], errors) == ("1990-04-05", {})


def test_an_iso_date_from_json_is_kept():
    data, _ = clean_data(SCHEMA, {**GOOD, "ngay_sinh": "1990-04-05"})
    assert data["ngay_sinh"] == "1990-04-05"


def test_an_impossible_typed_date_gets_the_date_message():
    _, errors = clean_data(SCHEMA, post(**GOOD_POST, ngay_sinh="31/02/1990"))
    assert errors == {"ngay_sinh": ["Ngày không hợp lệ (dd/mm/yyyy)."]}


def test_an_integer_with_thousands_dots_is_read():
    data, _ = clean_data(SCHEMA, post(**GOOD_POST, so_ban="1.000"))
    assert data["so_ban"] == 1000


def test_a_decimal_comma_is_read():
    data, _ = clean_data(SCHEMA, post(**GOOD_POST, le_phi="2,5"))
    assert data["le_phi"] == 2.5


def test_words_in_a_number_field_get_the_type_message():
    _, errors = clean_data(SCHEMA, post(**GOOD_POST, so_ban="hai"))
    assert errors == {"so_ban": ["“Số bản” phải là số nguyên."]}


def test_a_ticked_checkbox_is_true():
    data, _ = clean_data(SCHEMA, post(**GOOD_POST))
    assert data["cam_doan"] is True


def test_an_unticked_optional_checkbox_is_false():
    schema = {"type": "object", "properties": {"sms": {"type": "boolean", "title": "Nhận SMS"}}}
    data, _ = clean_data(schema, post())
    assert data == {"sms": False}


def test_an_unticked_required_checkbox_asks_for_a_tick():
    values = {key: value for key, value in GOOD_POST.items() if key != "cam_doan"}
    _, errors = clean_data(SCHEMA, post(**values))
    assert errors == {"cam_doan": ["Vui lòng đánh dấu “Tôi cam đoan thông tin là đúng”."]}


def test_ticked_checkboxes_are_stored_as_a_list():
    data, _ = clean_data(SCHEMA, post(**{**GOOD_POST, "nhan_qua": ["Bưu điện", "Trực tuyến"]}))
    assert data["nhan_qua"] == ["Bưu điện", "Trực tuyến"]


def test_no_ticked_checkbox_in_a_required_group_asks_to_choose():
    values = {key: value for key, value in GOOD_POST.items() if key != "nhan_qua"}
    _, errors = clean_data(SCHEMA, post(**values))
    assert errors == {"nhan_qua": ["Vui lòng chọn “Nhận kết quả qua”."]}


def test_blank_text_counts_as_missing():
    _, errors = clean_data(SCHEMA, post(**{**GOOD_POST, "ho_ten": "   "}))
    assert errors == {"ho_ten": ["Vui lòng nhập “Họ và tên”."]}


def test_form_keys_outside_the_schema_are_dropped():
    data, _ = clean_data(SCHEMA, post(**GOOD_POST, buoc="tiep"))
    assert set(data) == {"ho_ten", "loai", "cam_doan", "nhan_qua"}


def test_a_draft_may_leave_required_fields_empty():
    assert clean_data(SCHEMA, post(ho_ten="Nguyễn A"), partial=True)[1] == {}


def test_a_draft_still_refuses_wrong_values():
    _, errors = clean_data(SCHEMA, post(so_ban="0"), partial=True)
    assert errors == {"so_ban": ["“Số bản” phải lớn hơn hoặc bằng 1."]}


def test_prefixed_fields_are_read_under_their_prefix():
    values = {f"tk1-{key}": value for key, value in GOOD_POST.items()}
    data, errors = clean_data(SCHEMA, post(**values), prefix="tk1")
    assert (data["ho_ten"], errors) == ("Nguyễn A", {})


# build_form and render


def test_the_form_mirrors_the_schema_fields_in_order():
    assert list(build_form(SCHEMA).fields) == list(SCHEMA["properties"])


def test_a_valid_post_gives_json_ready_cleaned_data():
    form = build_form(SCHEMA, post(**GOOD_POST, ngay_sinh="05/04/1990"))
    assert form.is_valid()
    assert json.loads(json.dumps(form.cleaned_data))["ngay_sinh"] == "1990-04-05"


def test_form_errors_are_the_vietnamese_messages_by_field():
    form = build_form(SCHEMA, post(**{**GOOD_POST, "so_ban": "0"}))
    assert form.errors == {"so_ban": ["“Số bản” phải lớn hơn hoặc bằng 1."]}


def test_a_broken_schema_gives_a_form_that_is_never_valid():
    form = build_form({"type": "object"}, post())
    assert not form.is_valid() and form.non_field_errors()


def test_a_draft_shows_stored_dates_day_first():
    form = build_form(SCHEMA, initial={"ngay_sinh": "1990-04-05"})
    assert 'value="05/04/1990"' in render(form)


def test_labels_point_at_their_inputs():
    html = render(build_form(SCHEMA))
    assert '<label for="id_ho_ten">Họ và tên' in html and 'id="id_ho_ten"' in html


def test_help_text_is_announced_with_the_input():
    html = render(build_form(SCHEMA))
    assert 'id="id_ngay_sinh_helptext"' in html
    assert 'aria-describedby="id_ngay_sinh_helptext"' in html


def test_an_error_is_announced_with_the_input():
    html = render(build_form(SCHEMA, post(**{**GOOD_POST, "ho_ten": ""})))
    assert 'id="id_ho_ten_error"' in html and 'aria-describedby="id_ho_ten_error"' in html
    assert 'aria-invalid="true"' in html


def test_required_inputs_carry_the_required_attribute():
    assert 'name="ho_ten" maxlength="10" required' in render(build_form(SCHEMA))


def test_a_checkbox_group_is_a_fieldset_with_a_legend():
    html = render(build_form(SCHEMA))
    assert "<legend>Nhận kết quả qua" in html and 'type="checkbox" name="nhan_qua"' in html


def test_a_choice_renders_as_a_select_with_an_empty_first_option():
    html = render(build_form(SCHEMA))
    assert '<select name="loai"' in html and '<option value="" selected>— Chọn —</option>' in html


def test_help_text_typed_by_an_admin_is_escaped():
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string", "description": "<script>x()</script>"}},
    }
    html = render(build_form(schema))
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("typed", ["05/04/1990", "5/4/1990", "05-04-1990", "05.04.1990"])
def test_common_ways_of_typing_a_date_are_read(typed):
    data, _ = clean_data(SCHEMA, post(**GOOD_POST, ngay_sinh=typed))
    assert data["ngay_sinh"] == "1990-04-05"


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(data=st.dictionaries(st.sampled_from([*SCHEMA["properties"], "x"]), JSONISH, max_size=6))
def test_any_json_gets_answers_not_exceptions(data):
    cleaned, errors = clean_data(SCHEMA, data)
    assert all(isinstance(m, str) for messages in errors.values() for m in messages)


@settings(max_examples=200, deadline=None)
@given(schema=JSONISH)
def test_any_schema_gets_a_list_of_problems_not_an_exception(schema):
    assert isinstance(check_schema(schema), list)


KEYWORDS = st.fixed_dictionaries(
    {"type": st.sampled_from(["string", "integer", "number", "boolean", "array", "object"])},
    optional={
        "title": st.text(max_size=10),
        "maxLength": st.integers(-1, 300) | st.floats(0, 10) | st.text(max_size=2),
        "minimum": st.integers(-5, 5) | st.floats(allow_nan=False) | st.none(),
        "enum": st.lists(st.text(max_size=5) | st.integers(), max_size=3),
        "format": st.sampled_from(["date", "email", "uri", 5]),
        "pattern": st.sampled_from(["^[0-9]+$", "([", 3]),
        "items": st.fixed_dictionaries(
            {"type": st.sampled_from(["string", "integer"]), "enum": st.lists(st.text(max_size=5))}
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(
    fields=st.dictionaries(st.sampled_from(["a", "b", "c d"]), KEYWORDS, min_size=1, max_size=3),
    data=st.dictionaries(st.sampled_from(["a", "b"]), JSONISH, max_size=2),
)
def test_a_schema_that_passes_its_check_never_breaks_validation_or_rendering(fields, data):
    schema = {"type": "object", "properties": fields}
    if check_schema(schema):
        return
    clean_data(schema, data)
    render(build_form(schema, post(**{k: str(v) for k, v in data.items()})))
