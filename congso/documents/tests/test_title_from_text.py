"""The suggested title (trích yếu) is the text under the type heading, and only that."""

import pytest

from congso.documents.services import _title_from_text

HEAD = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 273/BC-STTTT\n"


def test_a_title_wrapped_over_two_lines_is_joined():
    text = HEAD + "BÁO CÁO\nKết quả rà soát mức độ cập nhật\nthông tin trên cổng thông tin.\n"
    assert (
        _title_from_text(text)
        == "Báo cáo kết quả rà soát mức độ cập nhật thông tin trên cổng thông tin."
    )


@pytest.mark.parametrize(
    "body",
    [
        "Thực hiện Kế hoạch số 12/KH-UBND, Sở báo cáo như sau:",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Kính gửi: Ủy ban nhân dân tỉnh",
        "-----------",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác chỉ đạo, điều hành",
    ],
)
def test_a_title_without_a_closing_period_stops_where_the_body_begins(body):
    text = HEAD + f"BÁO CÁO\nKết quả chuyển đổi số năm 2024\n{body}\nNội dung tiếp theo.\n"
    assert _title_from_text(text) == "Báo cáo kết quả chuyển đổi số năm 2024"
