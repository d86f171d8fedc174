"""Workflows as data: the steps a dossier goes through and the transitions between them, edited by
the agency admin in the Wagtail admin (docs/decisions/0006-dossier-workflow.md).

A workflow applies to a procedure (or to every procedure when left empty), optionally only in one
agency and for one channel; the most specific active one wins. The national status a transition
leads to is not data: the status graph is fixed by the national portal and guarded by the state
machine on Dossier. Data says where a dossier goes next, who may move it, how long each step may
take and what happens to the clock.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from congso.dossiers.status import STEP_ACTIONS, Action, Channel, Clock, Role

_STEP_ACTION_CHOICES = [(a.value, a.label) for a in STEP_ACTIONS]


class Workflow(ClusterableModel):
    name = models.CharField(_("tên quy trình"), max_length=255)
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workflows",
        help_text=_("Để trống: quy trình chung cho mọi thủ tục chưa có quy trình riêng."),
    )
    agency = models.ForeignKey(
        "organisation.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workflows",
        help_text=_("Để trống: áp dụng ở mọi cơ quan."),
    )
    channel = models.PositiveSmallIntegerField(
        _("kênh nộp"),
        choices=Channel.choices,
        null=True,
        blank=True,
        help_text=_("Để trống: mọi kênh."),
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("procedure"), FieldPanel("agency"), FieldPanel("channel")]),
        FieldPanel("active"),
        InlinePanel("steps", heading=_("Các bước"), label=_("Bước"), min_num=1),
        InlinePanel("transitions", heading=_("Chuyển bước"), label=_("Chuyển bước")),
    ]

    class Meta:
        verbose_name = _("quy trình giải quyết")
        verbose_name_plural = _("quy trình giải quyết")

    def __str__(self) -> str:
        return self.name

    def first_step(self):
        return self.steps.order_by("sort_order", "pk").first()

    def step(self, code: str):
        return self.steps.filter(code=code).first() if code else None

    def transition(self, action: str, from_step):
        code = from_step.code if from_step is not None else ""
        return self.transitions.filter(action=action, from_step=code).first()

    def clean(self):
        # Steps and transitions are checked against each other on save of the whole cluster
        # (WorkflowForm); here only what the parent row alone can break.
        super().clean()


class WorkflowStep(Orderable):
    workflow = ParentalKey(Workflow, related_name="steps", on_delete=models.CASCADE)
    code = models.SlugField(
        _("mã bước"), max_length=40, help_text=_("Ví dụ: tiep-nhan, xu-ly, phe-duyet, tra-ket-qua")
    )
    name = models.CharField(_("tên bước"), max_length=255)
    role = models.CharField(_("vai trò thực hiện"), max_length=20, choices=Role.choices)
    allowance_percent = models.PositiveSmallIntegerField(
        _("thời gian cho bước (% thời hạn)"),
        default=0,
        help_text=_("Phần trăm thời hạn giải quyết dành cho bước này; 0: không tính hạn riêng."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("allowance_percent")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bước")
        verbose_name_plural = _("các bước")
        constraints = [
            models.UniqueConstraint(fields=["workflow", "code"], name="dossiers_step_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        if self.allowance_percent is not None and self.allowance_percent > 100:
            raise ValidationError({"allowance_percent": _("Không được vượt quá 100%.")})


class WorkflowTransition(Orderable):
    workflow = ParentalKey(Workflow, related_name="transitions", on_delete=models.CASCADE)
    action = models.CharField(_("thao tác"), max_length=30, choices=_STEP_ACTION_CHOICES)
    from_step = models.SlugField(_("từ bước (mã)"), max_length=40)
    to_step = models.SlugField(
        _("đến bước (mã)"), max_length=40, blank=True, help_text=_("Để trống: ở lại bước hiện tại.")
    )
    role = models.CharField(_("người được thực hiện"), max_length=20, choices=Role.choices)
    clock = models.CharField(
        _("tác động lên thời hạn"), max_length=10, choices=Clock.choices, default=Clock.NONE
    )

    panels = [
        FieldRowPanel([FieldPanel("action"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("from_step"), FieldPanel("to_step"), FieldPanel("clock")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("chuyển bước")
        verbose_name_plural = _("chuyển bước")

    def __str__(self) -> str:
        target = self.to_step or self.from_step
        return f"{Action(self.action).label}: {self.from_step} → {target}"


DEFAULT_WORKFLOW_NAME = "Quy trình mặc định: tiếp nhận → xử lý → phê duyệt → trả kết quả"
# (code, name, role, % of the time limit)
DEFAULT_STEPS = [
    ("tiep-nhan", "Tiếp nhận hồ sơ", Role.ONE_STOP, 0),
    ("xu-ly", "Thẩm định, xử lý hồ sơ", Role.SPECIALIST, 70),
    ("phe-duyet", "Phê duyệt kết quả", Role.LEADER, 20),
    ("tra-ket-qua", "Trả kết quả", Role.ONE_STOP, 10),
]
# (action, from, to, role, clock)
DEFAULT_TRANSITIONS = [
    (Action.RECEIVE, "tiep-nhan", "xu-ly", Role.ONE_STOP, Clock.START),
    (Action.REQUEST_SUPPLEMENT, "tiep-nhan", "", Role.ONE_STOP, Clock.NONE),
    (Action.REFUSE, "tiep-nhan", "", Role.ONE_STOP, Clock.STOP),
    (Action.REQUEST_SUPPLEMENT, "xu-ly", "", Role.SPECIALIST, Clock.PAUSE),
    # The fees are asked once the specialist knows them (quantity of pages, copies…); the wait
    # pauses the clock (docs/payments.md says why, and that it is unconfirmed in general).
    (Action.REQUEST_PAYMENT, "xu-ly", "", Role.SPECIALIST, Clock.PAUSE),
    (Action.FORWARD, "xu-ly", "phe-duyet", Role.SPECIALIST, Clock.NONE),
    (Action.STOP, "xu-ly", "", Role.SPECIALIST, Clock.STOP),
    (Action.APPROVE, "phe-duyet", "tra-ket-qua", Role.LEADER, Clock.FINISH),
    (Action.SEND_BACK, "phe-duyet", "xu-ly", Role.LEADER, Clock.NONE),
    (Action.STOP, "phe-duyet", "", Role.LEADER, Clock.STOP),
    (Action.RETURN_RESULT, "tra-ket-qua", "", Role.ONE_STOP, Clock.NONE),
]


def build_default_workflow(workflow_model, step_model, transition_model):
    """Create the default workflow (procedure, agency and channel empty) unless one exists; an
    admin's edits to it are kept. Takes the model classes so that data migration 0004 runs it
    on its historical models."""
    workflow = workflow_model.objects.filter(
        procedure__isnull=True, agency__isnull=True, channel__isnull=True
    ).first()
    if workflow is not None:
        return workflow
    workflow = workflow_model.objects.create(name=DEFAULT_WORKFLOW_NAME)
    step_model.objects.bulk_create(
        step_model(
            workflow=workflow,
            sort_order=order,
            code=code,
            name=name,
            role=role,
            allowance_percent=percent,
        )
        for order, (code, name, role, percent) in enumerate(DEFAULT_STEPS)
    )
    transition_model.objects.bulk_create(
        transition_model(
            workflow=workflow,
            sort_order=order,
            action=action,
            from_step=source,
            to_step=target,
            role=role,
            clock=clock,
        )
        for order, (action, source, target, role, clock) in enumerate(DEFAULT_TRANSITIONS)
    )
    return workflow


def ensure_default_workflow() -> Workflow:
    return build_default_workflow(Workflow, WorkflowStep, WorkflowTransition)
