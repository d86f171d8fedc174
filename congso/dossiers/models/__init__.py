"""Dossier models: working calendars, workflows as data, dossiers and their records."""

from congso.dossiers.models.calendars import (  # noqa: F401
    WEEKDAYS,
    CalendarDay,
    CalendarDayForm,
    WorkingSession,
)
from congso.dossiers.models.dossier import (  # noqa: F401
    Apology,
    Dossier,
    DossierCounter,
    DossierFile,
    Event,
    Rating,
    Slip,
    SupplementRequest,
)
from congso.dossiers.models.notification import Notification  # noqa: F401
from congso.dossiers.models.staff import AgencyStaff  # noqa: F401
from congso.dossiers.models.workflow import Workflow, WorkflowStep, WorkflowTransition  # noqa: F401
