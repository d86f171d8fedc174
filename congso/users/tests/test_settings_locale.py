from django.conf import settings


def test_vietnamese_is_the_default_language_and_english_is_offered():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["vi", "en"]


def test_portal_runs_on_vietnam_time():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
