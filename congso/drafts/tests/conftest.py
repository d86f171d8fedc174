import pytest

from congso.drafts.tests.factories import make_draft, make_index


@pytest.fixture
def index(home):
    return make_index(home)


@pytest.fixture
def draft(index):
    return make_draft(index, "Dự thảo Quy chế quản lý cổng thông tin điện tử")


@pytest.fixture
def closed_draft(index):
    return make_draft(index, "Dự thảo Quy chế đã hết hạn", state="closed")
