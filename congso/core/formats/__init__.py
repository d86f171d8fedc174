"""Format modules per language (FORMAT_MODULE_PATH). The input formats are shared: the Wagtail
admin's pickers write one format for every language (settings.WAGTAIL_*_FORMAT), and a format
the admin writes must be one it reads, or every page save fails with "Nhập một ngày/thời gian
hợp lệ." (issue 8)."""

DATETIME_INPUT_FORMATS = [
    "%H:%M %d/%m/%Y",  # WAGTAIL_DATETIME_FORMAT
    "%H:%M:%S %d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
