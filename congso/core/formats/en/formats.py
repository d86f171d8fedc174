# The English admin and pages keep the portal's day-first dates ("09:04 25/12/2020"): the
# Wagtail pickers write one format for every language (settings.WAGTAIL_*_FORMAT), so English
# must read day first too. Django's own English input formats start with month first
# (%m/%d/%Y), which would read the picker's 01/12/2026 as 12 January.
from congso.core.formats import DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS  # noqa: F401

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
TIME_FORMAT = "H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
USE_THOUSAND_SEPARATOR = True
