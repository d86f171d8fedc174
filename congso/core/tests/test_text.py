from datetime import datetime
from zoneinfo import ZoneInfo

from congso.core.text import excerpt, fold, format_datetime, format_number, slugify_vi


def test_fold_removes_tone_and_vowel_marks():
    assert fold("chuyển đổi số") == "chuyen doi so"


def test_fold_maps_d_with_stroke_in_both_cases():
    assert fold("Đậu Tùng Lâm đi") == "Dau Tung Lam di"


def test_fold_handles_decomposed_input():
    assert fold("chuye\u0302\u0309n") == "chuyen"


def test_slug_folds_vietnamese_title():
    assert slugify_vi("Chuyển đổi số") == "chuyen-doi-so"


def test_slug_maps_d_with_stroke():
    assert slugify_vi("Đảng bộ Sở TT&TT") == "dang-bo-so-tt-tt"


def test_slug_collapses_punctuation():
    assert slugify_vi("  Bầu cử — 2021: kết quả!  ") == "bau-cu-2021-ket-qua"


def test_number_uses_dots_for_thousands():
    assert format_number(27664046) == "27.664.046"


def test_number_uses_comma_for_decimals():
    assert format_number(92.5, 1) == "92,5"


def test_number_tolerates_non_numbers():
    assert format_number("abc") == "abc"


def test_datetime_is_shown_in_vietnam_time():
    value = datetime(2020, 12, 25, 2, 4, tzinfo=ZoneInfo("UTC"))
    assert format_datetime(value) == "09:04 25/12/2020"


def test_excerpt_cuts_at_word_boundary():
    assert excerpt("một hai ba bốn năm", 9) == "một hai…"
