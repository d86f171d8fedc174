from congso.publications.models.base import (  # noqa: F401
    DisclosurePage,
    PublicationIndexPage,
    PublicationPage,
    SectionPage,
)
from congso.publications.models.investment import (  # noqa: F401
    BiddingForm,
    BiddingIndexPage,
    BiddingNoticePage,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
)
from congso.publications.models.planning import (  # noqa: F401
    BudgetDisclosurePage,
    BudgetIndexPage,
    BudgetKind,
    PeriodKind,
    PlanIndexPage,
    PlanKind,
    PlanPage,
    PlanStatus,
    StatisticsIndexPage,
    StatisticsPage,
)
from congso.publications.models.recruitment import (  # noqa: F401
    RecruitmentIndexPage,
    RecruitmentMethod,
    RecruitmentPage,
    RecruitmentPosition,
)
