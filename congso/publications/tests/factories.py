"""Test helpers: the sections under a home page and one published item of each kind."""

from datetime import timedelta

from django.utils import timezone

from congso.core.text import slugify_vi
from congso.publications import models as m
from congso.publications.structure import ensure_portal_sections


def sections(home) -> dict:
    return ensure_portal_sections(home)


def _defaults(model) -> dict:
    now = timezone.now()
    year = timezone.localdate().year
    return {
        m.PlanPage: {"kind": m.PlanKind.PLAN, "year_from": year},
        m.BudgetDisclosurePage: {"fiscal_year": year, "kind": m.BudgetKind.ESTIMATE},
        m.StatisticsPage: {"sector": "Viễn thông", "year": year},
        m.ProjectPage: {"investor": "Ban Quản lý dự án", "location": "Trung tâm tỉnh"},
        m.BiddingNoticePage: {
            "package_name": "Gói thầu thiết bị",
            "bidding_form": m.BiddingForm.OPEN,
            "closing_at": now + timedelta(days=10),
        },
        m.RecruitmentPage: {
            "recruiting_unit": "Văn phòng",
            "method": m.RecruitmentMethod.EXAM,
            "apply_deadline": now + timedelta(days=10),
            "how_to_apply": "Nộp trực tiếp tại Văn phòng.",
        },
    }[model]


def make_item(index, title: str, publish: bool = True, history: bool = False, **fields):
    """A page of the index's kind; `history` loads it with a deadline already past."""
    model = index.get_item_model()
    values = {"summary": f"Tóm tắt: {title}", **_defaults(model), **fields}
    page = model(title=title, slug=slugify_vi(title), **values)
    page.loading_history = history
    page.live = publish
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
    return model.objects.get(pk=page.pk)


def make_recruitment(index, title: str = "Tuyển dụng viên chức", positions=None, **fields):
    positions = positions or [("Viên chức công nghệ thông tin", 2, "Đại học CNTT")]
    page = make_item(
        index,
        title,
        positions=[
            m.RecruitmentPosition(title=name, number=number, requirements=requirements)
            for name, number, requirements in positions
        ],
        **fields,
    )
    return page
