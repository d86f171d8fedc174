# ruff: noqa: F811 -- the fixtures are imported from citizen_fixtures and used by name.
"""“Hồ sơ của tôi”: the list, a dossier's page, supplement, withdraw and rate, who sees what, the
page cache, rate limits and CSRF."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from congso.dossiers.models import DossierFile, Rating
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.citizen_fixtures import (  # noqa: F401
    agency,
    citizen,
    fake_pdf,
    logged_in,
)
from congso.dossiers.tests.factories import (
    make_procedure,
    make_staff,
    make_user,
    pdf_upload,
    submitted_dossier,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(agency):
    return {
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": make_staff(agency, Role.SPECIALIST, "chuyenvien"),
        "leader": make_staff(agency, Role.LEADER, "lanhdao"),
        "procedure": make_procedure(agency, name="Cấp giấy phép (dữ liệu mẫu)"),
    }


@pytest.fixture
def filed(office, citizen):
    return submitted_dossier(office["procedure"], citizen)


def received(dossier, office):
    return perform(dossier.pk, office["one_stop"], "receive")


def asked_to_supplement(dossier, office, reason="Thiếu bản sao giấy phép kinh doanh"):
    received(dossier, office)
    return perform(dossier.pk, office["specialist"], "request-supplement", {"reason": reason})


def returned(dossier, office):
    received(dossier, office)
    perform(dossier.pk, office["specialist"], "forward")
    perform(dossier.pk, office["leader"], "approve")
    return perform(dossier.pk, office["one_stop"], "return-result", {"result_number": "12/GP"})


def text(response) -> str:
    return response.content.decode()


def detail(dossier):
    return reverse("dossiers:my_dossier", args=[dossier.pk])


def test_my_dossiers_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("dossiers:my_dossiers"))
    assert response["Location"].startswith("/tai-khoan/login/?next=/dich-vu-cong/ho-so-cua-toi/")


def test_a_dossier_not_yet_received_shows_no_code_and_its_reference(logged_in, filed):
    page = text(logged_in.get(reverse("dossiers:my_dossiers")))
    assert "Chưa có mã" in page
    assert str(filed.reference) in page
    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in page


def test_a_received_dossier_shows_its_code_status_and_dates_in_vietnamese_format(
    logged_in, filed, office
):
    from congso.core.text import format_datetime

    dossier = received(filed, office)
    page = text(logged_in.get(reverse("dossiers:my_dossiers")))
    assert dossier.code in page
    assert "Đã được tiếp nhận, đang chờ giải quyết" in page
    assert format_datetime(dossier.received_at) in page
    assert format_datetime(dossier.due_at) in page


def test_a_supplement_request_is_highlighted_with_its_reason(logged_in, filed, office):
    asked_to_supplement(filed, office)
    page = text(logged_in.get(reverse("dossiers:my_dossiers")))
    assert "dv-card--asked" in page
    assert "Thiếu bản sao giấy phép kinh doanh" in page


def test_my_dossiers_lists_only_my_own(logged_in, office):
    submitted_dossier(office["procedure"], make_user("nguoikhac"))
    assert "Bạn chưa có hồ sơ nào." in text(logged_in.get(reverse("dossiers:my_dossiers")))


def test_every_id_of_another_citizen_is_not_found(client, office, citizen):
    others = [submitted_dossier(office["procedure"], make_user(f"khac{i}")) for i in range(3)]
    client.force_login(citizen)
    for dossier in others:
        for name in ("my_dossier", "withdraw", "supplement", "rate", "submitted"):
            url = reverse(f"dossiers:{name}", args=[dossier.pk])
            assert client.get(url).status_code == 404, url
            assert client.post(url, {"confirm": "on", "score": "5"}).status_code == 404, url
    assert all(d.status == Status.SUBMITTED for d in others)


def test_an_officer_of_the_agency_gets_not_found_on_the_citizen_page(client, filed, office):
    client.force_login(office["one_stop"])
    assert client.get(detail(filed)).status_code == 404


def test_the_dossier_page_shows_the_id_number_and_phone_to_the_owner(logged_in, filed):
    page = text(logged_in.get(detail(filed)))
    assert filed.applicant_id_number in page and filed.applicant_phone in page


def test_the_dossier_page_is_never_cached(logged_in, filed):
    response = logged_in.get(detail(filed))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@override_settings(PAGE_CACHE_ENABLED=True)
def test_a_second_citizen_never_gets_the_first_ones_page(logged_in, filed, citizen):
    first = text(logged_in.get(reverse("dossiers:my_dossiers")))
    assert str(filed.reference) in first
    other = Client()
    other.force_login(make_user("thu-hai"))
    response = other.get(reverse("dossiers:my_dossiers"))
    assert response.get("X-Page-Cache") != "hit"
    assert str(filed.reference) not in text(response)
    assert "Bạn chưa có hồ sơ nào." in text(response)
    anonymous = Client().get(reverse("dossiers:my_dossiers"))
    assert anonymous.status_code == 302


def test_the_history_shows_public_events_with_vietnamese_times(logged_in, filed, office):
    from congso.core.text import format_datetime

    dossier = received(filed, office)
    page = text(logged_in.get(detail(dossier)))
    assert "Nộp hồ sơ" in page and "Tiếp nhận" in page
    assert format_datetime(dossier.received_at) in page


def test_the_receipt_slip_is_offered_for_download(logged_in, filed, office):
    dossier = received(filed, office)
    slip = dossier.slips.get(form="01")
    page = text(logged_in.get(detail(dossier)))
    assert reverse("dossiers:slip", args=[slip.pk]) in page
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in page


def test_a_supplement_with_a_file_and_a_note_resumes_the_dossier(logged_in, filed, office):
    asked_to_supplement(filed, office)
    response = logged_in.post(
        reverse("dossiers:supplement", args=[filed.pk]),
        {"note": "Gửi bản sao giấy phép", "files": [pdf_upload("giay-phep.pdf")]},
        follow=True,
    )
    filed.refresh_from_db()
    assert filed.status == Status.RECEIVED
    assert filed.files.filter(kind=DossierFile.Kind.SUPPLEMENT, name="giay-phep.pdf").exists()
    assert "Đã gửi hồ sơ bổ sung" in text(response)


def test_a_refused_supplement_file_keeps_nothing_and_says_why(logged_in, filed, office):
    asked_to_supplement(filed, office)
    before = DossierFile.objects.count()
    response = logged_in.post(
        reverse("dossiers:supplement", args=[filed.pk]),
        {"note": "Gửi bổ sung", "files": [pdf_upload("tot.pdf"), fake_pdf("gia.pdf")]},
    )
    filed.refresh_from_db()
    assert filed.status == Status.SUPPLEMENT
    assert DossierFile.objects.count() == before
    assert "“gia.pdf” không phải là PDF hợp lệ" in text(response)


def test_an_empty_supplement_asks_for_a_file_or_a_note(logged_in, filed, office):
    asked_to_supplement(filed, office)
    response = logged_in.post(reverse("dossiers:supplement", args=[filed.pk]), {"note": " "})
    assert "Vui lòng đính kèm giấy tờ bổ sung hoặc ghi nội dung bổ sung." in text(response)


def test_withdrawing_needs_the_confirmation_box(logged_in, filed):
    response = logged_in.post(reverse("dossiers:withdraw", args=[filed.pk]), {"reason": "Thôi"})
    assert "Vui lòng đánh dấu ô xác nhận rút hồ sơ." in text(response)
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED


def test_withdrawing_with_a_reason_withdraws_the_dossier(logged_in, filed):
    url = reverse("dossiers:withdraw", args=[filed.pk])
    assert "Rút hồ sơ" in text(logged_in.get(url))
    response = logged_in.post(url, {"reason": "Nộp nhầm thủ tục", "confirm": "on"}, follow=True)
    filed.refresh_from_db()
    assert filed.status == Status.WITHDRAWN
    assert "Đã rút hồ sơ" in text(response)
    assert filed.events.get(action="withdraw").note == "Nộp nhầm thủ tục"


def test_a_withdrawn_dossier_cannot_be_withdrawn_again(logged_in, filed):
    url = reverse("dossiers:withdraw", args=[filed.pk])
    logged_in.post(url, {"confirm": "on"})
    response = logged_in.post(url, {"confirm": "on"}, follow=True)
    assert "không rút được nữa" in text(response)
    assert filed.events.filter(action="withdraw").count() == 1


def test_the_rating_form_appears_once_the_result_is_returned(logged_in, filed, office):
    assert 'name="score"' not in text(logged_in.get(detail(filed)))
    returned(filed, office)
    page = text(logged_in.get(detail(filed)))
    assert page.count('type="radio" name="score"') == 5
    assert "5 sao – Rất hài lòng" in page


def test_a_citizen_rates_once(logged_in, filed, office):
    returned(filed, office)
    url = reverse("dossiers:rate", args=[filed.pk])
    logged_in.post(url, {"score": "4", "comment": "Nhanh"})
    response = logged_in.post(url, {"score": "1"}, follow=True)
    rating = Rating.objects.get(dossier=filed)
    assert (rating.score, rating.comment) == (4, "Nhanh")
    assert "Hồ sơ đã được đánh giá." in text(response)
    assert "4/5 sao" in text(response)


def test_a_rating_without_stars_is_refused_in_vietnamese(logged_in, filed, office):
    returned(filed, office)
    response = logged_in.post(reverse("dossiers:rate", args=[filed.pk]), {"score": "9"})
    assert "Hãy chọn" in text(response) or "Vui lòng chọn" in text(response)
    assert not Rating.objects.exists()


def test_the_result_file_is_offered_once_returned(logged_in, filed, office):
    from congso.dossiers.services import filing

    received(filed, office)
    dossier = perform(filed.pk, office["specialist"], "forward")
    filing.attach_file(dossier, office["specialist"], pdf_upload("ket-qua.pdf"))
    perform(filed.pk, office["leader"], "approve")
    assert "ket-qua.pdf" not in text(logged_in.get(detail(filed)))
    perform(filed.pk, office["one_stop"], "return-result", {"result_number": "12/GP"})
    page = text(logged_in.get(detail(filed)))
    assert "Tải kết quả: ket-qua.pdf" in page and "12/GP" in page


@override_settings(DOSSIER_ACTION_RATE_LIMIT="2/600")
def test_posting_too_often_is_refused_with_a_429_page(logged_in, filed):
    url = reverse("dossiers:withdraw", args=[filed.pk])
    for _ in range(2):
        logged_in.post(url, {})
    response = logged_in.post(url, {"confirm": "on"})
    assert response.status_code == 429
    assert "Bạn gửi yêu cầu quá nhanh" in text(response)
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED


def test_a_post_without_the_csrf_token_is_refused(citizen, filed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post(reverse("dossiers:withdraw", args=[filed.pk]), {"confirm": "on"})
    assert response.status_code == 403
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED


def test_an_id_beyond_any_integer_column_is_not_found(logged_in):
    url = "/dich-vu-cong/ho-so-cua-toi/99999999999999999999999/"
    assert logged_in.get(url).status_code == 404
    assert logged_in.post(url + "rut/", {"confirm": "on"}).status_code == 404


def test_a_page_number_that_is_not_a_number_shows_the_first_page(logged_in, filed):
    response = logged_in.get(reverse("dossiers:my_dossiers") + "?page=abc")
    assert response.status_code == 200
