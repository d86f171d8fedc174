"""What the Wagtail admin's date pickers write, the admin's forms read, in both languages."""

import datetime as dt

import pytest
from django import forms
from django.conf import settings
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

LANGUAGES = [code for code, _ in settings.LANGUAGES]
MOMENT = dt.datetime(2026, 12, 1, 17, 51)  # day 1, month 12: a swapped reading is caught


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_datetime_the_admin_picker_writes_is_read_back_unchanged(language):
    with translation.override(language):
        written = AdminDateTimeInput().format_value(MOMENT)
        assert written == "17:51 01/12/2026"
        field = forms.DateTimeField(widget=AdminDateTimeInput)
        assert field.clean(written).replace(tzinfo=None) == MOMENT


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_date_the_admin_picker_writes_is_read_back_as_day_then_month(language):
    with translation.override(language):
        written = AdminDateInput().format_value(MOMENT.date())
        assert written == "01/12/2026"
        assert forms.DateField(widget=AdminDateInput).clean(written) == MOMENT.date()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_datetime_that_is_not_a_date_is_refused_with_a_message(language):
    with translation.override(language):
        field = forms.DateTimeField(widget=AdminDateTimeInput)
        with pytest.raises(forms.ValidationError):
            field.clean("32/13/2026 25:61")
