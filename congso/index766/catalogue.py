"""The indicators of Decision 766/QĐ-TTg (23/06/2022) as the data migration loads them.

Group totals are SERVICES.md's; the split inside a group where it gives none, the formulas and
the Vietnamese names are ours and unconfirmed (docs/index-766.md lists which). Kept here, not in
the migration, so the tests and the docs can check the same list; the migration copies it at the
time it runs, and a later decision is a new set entered in the admin, not an edit of this one.
"""

import datetime as dt

NAME = "Quyết định 766/QĐ-TTg"
EFFECTIVE_FROM = dt.date(2022, 6, 23)

# (code, name, group, max_points, target %, source, formula)
INDICATORS = (
    ("1.1", "Tỷ lệ thủ tục hành chính được công khai đúng hạn", "publicity", "6", None,
     "computed", "published_on_time"),
    ("1.2", "Công bố, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia đúng hạn",
     "publicity", "4", None, "entered", ""),
    ("1.3", "Tỷ lệ thủ tục hành chính công khai đầy đủ các nội dung bắt buộc", "publicity",
     "2", None, "computed", "complete_procedures"),
    ("1.4", "Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", "publicity", "6", None,
     "computed", "synced"),
    ("2.1", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (kể cả hồ sơ đang giải quyết trong hạn)",
     "progress", "20", None, "computed", "in_time"),
    ("3.1", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến", "online", "4", "80",
     "computed", "offered_online"),
    ("3.2", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", "online", "4", None,
     "computed", "online_used"),
    ("3.3", "Tỷ lệ hồ sơ nộp trực tuyến", "online", "4", "50", "computed", "online_dossiers"),
    ("4.1", "Tỷ lệ thủ tục có phí, lệ phí cho phép thanh toán trực tuyến", "payment", "2", "80",
     "computed", "payable_online"),
    ("4.2", "Tỷ lệ thủ tục thanh toán trực tuyến có phát sinh giao dịch", "payment", "2", None,
     "computed", "paid_once"),
    ("4.3", "Tỷ lệ hồ sơ thanh toán trực tuyến trên hồ sơ có phí, lệ phí", "payment", "6", None,
     "computed", "paid_online"),
    ("5.1", "Tỷ lệ hồ sơ có kết quả giải quyết điện tử", "digitisation", "6", None, "computed",
     "electronic_results"),
    ("5.2", "Tỷ lệ hồ sơ được số hóa thành phần hồ sơ", "digitisation", "4", "80", "entered", ""),
    ("5.3", "Tỷ lệ cấp bản sao chứng thực điện tử", "digitisation", "2", None, "entered", ""),
    ("5.4", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "digitisation", "2", "80",
     "entered", ""),
    ("5.5", "Kết nối, cập nhật Kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
     "digitisation", "4", None, "entered", ""),
    ("5.6", "Tỷ lệ hồ sơ xác thực thông tin qua Cơ sở dữ liệu quốc gia về dân cư",
     "digitisation", "2", None, "entered", ""),
    ("5.7", "Tỷ lệ thủ tục khai thác Cơ sở dữ liệu quốc gia về dân cư thay giấy tờ",
     "digitisation", "2", None, "entered", ""),
    ("6.1", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "satisfaction", "6", None,
     "entered", ""),
    ("6.2", "Tỷ lệ đánh giá hài lòng (không phàn nàn)", "satisfaction", "6", None, "computed",
     "satisfied"),
    ("6.3", "100% trừ (tỷ lệ hồ sơ trễ hạn + tỷ lệ đánh giá không hài lòng)", "satisfaction",
     "6", "90", "computed", "not_late_nor_complained"),
)  # fmt: skip


def load(indicator_set_model, indicator_model):
    """Create the 766 set (the migration passes its historical models)."""
    from decimal import Decimal

    indicator_set, created = indicator_set_model.objects.get_or_create(
        effective_from=EFFECTIVE_FROM, defaults={"name": NAME}
    )
    if not created:
        return indicator_set
    indicator_model.objects.bulk_create(
        indicator_model(
            indicator_set=indicator_set,
            code=code,
            name=name,
            group=group,
            max_points=Decimal(points),
            target=Decimal(target) if target else None,
            source=source,
            formula=formula,
            order=order,
        )
        for order, (code, name, group, points, target, source, formula) in enumerate(INDICATORS)
    )
    return indicator_set
