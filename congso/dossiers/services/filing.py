"""The applicant's side: a draft, its files and e-form data, submission, supplement, withdrawal
and rating. Officers entering an in-person dossier use the same functions (processing.py)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from congso.dossiers.models import Dossier, DossierFile, Rating, Workflow
from congso.dossiers.models.workflow import ensure_default_workflow
from congso.dossiers.services import records
from congso.dossiers.services.access import require_owner
from congso.dossiers.services.errors import Conflict, Invalid
from congso.dossiers.services.records import record
from congso.dossiers.status import Action, Channel, Status

APPLICANT_FIELDS = ("name", "id_number", "phone", "email", "address")
MAX_LENGTHS = {"name": 255, "id_number": 20, "phone": 20, "email": 254, "address": 500}


def resolve_workflow(procedure, agency, channel) -> Workflow:
    """The most specific active workflow: procedure + agency + channel beats procedure alone,
    which beats the installation's default."""
    candidates = Workflow.objects.filter(active=True).filter(
        Q(procedure=procedure) | Q(procedure__isnull=True),
        Q(agency=agency) | Q(agency__isnull=True),
        Q(channel=channel) | Q(channel__isnull=True),
    )

    def specificity(workflow):
        return (
            workflow.procedure_id is not None,
            workflow.agency_id is not None,
            workflow.channel is not None,
            -workflow.pk,
        )

    best = max(candidates, key=specificity, default=None)
    return best or ensure_default_workflow()


def resolve_agency(procedure, identifier: str | None):
    agencies = list(procedure.agencies.all())
    if identifier:
        match = [a for a in agencies if a.identifier == identifier]
        if not match:
            raise Invalid(
                "Cơ quan không thực hiện thủ tục này.", fields={"agency": ["Cơ quan không hợp lệ."]}
            )
        return match[0]
    if len(agencies) == 1:
        return agencies[0]
    if not agencies:
        raise Invalid("Thủ tục chưa có cơ quan thực hiện; chưa thể nộp hồ sơ.")
    raise Invalid(
        "Thủ tục có nhiều cơ quan thực hiện: vui lòng chọn cơ quan.",
        fields={"agency": ["Vui lòng chọn cơ quan giải quyết."]},
    )


def clean_applicant(applicant: dict) -> dict:
    applicant = applicant or {}
    errors, cleaned = {}, {}
    for key in APPLICANT_FIELDS:
        value = applicant.get(key) or ""
        if not isinstance(value, str):
            errors[key] = ["Giá trị phải là chuỗi ký tự."]
            continue
        value = value.strip()
        if len(value) > MAX_LENGTHS[key]:
            errors[key] = [f"Tối đa {MAX_LENGTHS[key]} ký tự."]
        cleaned[key] = value
    if not cleaned.get("name") and "name" not in errors:
        errors["name"] = ["Vui lòng nhập họ tên người nộp hồ sơ."]
    id_number = cleaned.get("id_number", "")
    if id_number and not (
        id_number.isascii() and id_number.isdigit() and len(id_number) in (9, 12)
    ):
        errors["id_number"] = ["Số định danh cá nhân gồm 12 chữ số (hoặc CMND 9 chữ số)."]
    phone = cleaned.get("phone", "").replace(" ", "")
    if phone and not _phone_ok(phone):
        errors["phone"] = ["Số điện thoại không hợp lệ (ví dụ 0912345678)."]
    cleaned["phone"] = phone
    if cleaned.get("email"):
        from django.core.validators import validate_email

        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors["email"] = ["Địa chỉ thư điện tử không hợp lệ."]
    if errors:
        raise Invalid("Thông tin người nộp chưa hợp lệ.", fields=errors)
    return cleaned


def _phone_ok(phone: str) -> bool:
    digits = phone[1:] if phone.startswith("+") else phone
    return digits.isascii() and digits.isdigit() and 9 <= len(digits) <= 12


def create_draft(
    user,
    procedure,
    *,
    agency_identifier: str | None = None,
    applicant: dict | None = None,
    summary: str = "",
    form_data: dict | None = None,
    channel: int = Channel.ONLINE,
    submission_key: str = "",
    at_desk: bool = False,
) -> Dossier:
    """A draft owned by `user`. With `submission_key` a retried request returns the draft the
    first one created instead of a second dossier. With `at_desk` a one-stop officer (`user`)
    enters an in-person applicant's dossier: it is owned by nobody (services/desk.py)."""
    if not user.is_authenticated:
        raise Invalid("Vui lòng đăng nhập để nộp hồ sơ.")
    if procedure.online_level == "none" and channel == Channel.ONLINE:
        raise Conflict("Thủ tục này chưa cung cấp dịch vụ công trực tuyến.")
    submission_key = (submission_key or "")[:64]
    if submission_key:
        existing = Dossier.objects.filter(owner=user, submission_key=submission_key).first()
        if existing is not None:
            return existing
    agency = resolve_agency(procedure, agency_identifier)
    if at_desk:
        from congso.dossiers.services.access import require_role
        from congso.dossiers.status import Role

        require_role(user, agency, Role.ONE_STOP)
        submission_key = ""
    applicant = clean_applicant(applicant or {})
    if form_data is not None and not isinstance(form_data, dict):
        raise Invalid("form_data phải là một đối tượng JSON.")
    dossier = Dossier(
        procedure=procedure,
        agency=agency,
        workflow=resolve_workflow(procedure, agency, channel),
        channel=channel,
        owner=None if at_desk else user,
        summary=(summary or "")[:5000],
        form_data=form_data or {},
        submission_key=submission_key,
        **{f"applicant_{key}": value for key, value in applicant.items()},
    )
    try:
        with transaction.atomic():
            dossier.save()
            record(dossier, user, Action.CREATE, at=records.now(), from_status=None, public=False)
    except IntegrityError:
        # The same key raced in from a second request: that one's draft is the answer.
        existing = Dossier.objects.filter(owner=user, submission_key=submission_key).first()
        if existing is None:
            raise
        return existing
    return dossier


def update_draft(dossier, user, *, applicant=None, summary=None, form_data=None) -> Dossier:
    require_owner(user, dossier)
    if dossier.status != Status.DRAFT:
        raise Conflict("Hồ sơ đã nộp, không sửa được nữa.")
    if applicant is not None:
        for key, value in clean_applicant(applicant).items():
            setattr(dossier, f"applicant_{key}", value)
    if summary is not None:
        dossier.summary = summary[:5000]
    if form_data is not None:
        if not isinstance(form_data, dict):
            raise Invalid("form_data phải là một đối tượng JSON.")
        dossier.form_data = form_data
    dossier.save()
    return dossier


def current_files(dossier):
    return dossier.files.filter(superseded=False)


def attach_file(dossier, user, uploaded, *, component=None, kind=None) -> DossierFile:
    """Check the upload by its content (uploads.check_upload) and keep it; a refused upload
    keeps nothing. A new file for a component replaces the draft's earlier one (kept, marked
    superseded)."""
    from congso.dossiers.services.access import roles_in
    from congso.dossiers.uploads import check_upload

    is_owner = user.is_authenticated and dossier.owner_id == user.pk
    is_staff = bool(roles_in(user, dossier.agency))
    if kind is None:
        if is_owner and dossier.status == Status.DRAFT:
            kind = DossierFile.Kind.COMPONENT
        elif is_owner and dossier.status == Status.SUPPLEMENT:
            kind = DossierFile.Kind.SUPPLEMENT
        elif is_staff and component is None:
            kind = DossierFile.Kind.RESULT
        elif is_staff:
            kind = DossierFile.Kind.COMPONENT
        elif is_owner:
            raise Conflict("Chỉ đính kèm tệp khi hồ sơ đang soạn hoặc đang được yêu cầu bổ sung.")
        else:
            raise Invalid("Không đính kèm được tệp vào hồ sơ này.")
    if kind == DossierFile.Kind.RESULT and dossier.status not in (Status.PROCESSING, Status.DONE):
        raise Conflict("Chỉ đính kèm tệp kết quả khi hồ sơ đang xử lý hoặc đã xử lý xong.")
    if component is not None and component.procedure_id != dossier.procedure_id:
        raise Invalid("Thành phần hồ sơ không thuộc thủ tục này.", fields={"component": ["Sai."]})
    try:
        info = check_upload(uploaded)
    except ValidationError as error:
        raise Invalid(" ".join(error.messages), fields={"file": error.messages})
    with transaction.atomic():
        if component is not None and kind == DossierFile.Kind.COMPONENT:
            dossier.files.filter(component=component, kind=kind, superseded=False).update(
                superseded=True
            )
        stored = DossierFile(
            dossier=dossier,
            component=component,
            kind=kind,
            name=info.safe_name,
            content_type=info.content_type,
            size=info.size,
            sha256=info.sha256,
            uploaded_by=user if user.is_authenticated else None,
            uploaded_at=records.now(),
        )
        stored.file.save(info.safe_name, uploaded, save=False)
        stored.save()
        if dossier.status != Status.DRAFT:
            record(
                dossier,
                user,
                Action.ATTACH,
                at=records.now(),
                from_status=dossier.status,
                from_step=dossier.current_step,
                note=info.safe_name,
                public=kind != DossierFile.Kind.RESULT,
                data={"file": stored.pk, "kind": kind},
            )
    return stored


def missing_components(dossier) -> list[str]:
    """Names of required components that have neither a file nor e-form data."""
    have_files = set(
        current_files(dossier)
        .filter(kind=DossierFile.Kind.COMPONENT)
        .values_list("component_id", flat=True)
    )
    missing = []
    for component in dossier.procedure.components.all():
        if not component.required:
            continue
        has_form = bool(component.form_schema) and bool(dossier.form_data.get(str(component.pk)))
        if component.pk not in have_files and not has_form:
            missing.append(component.name)
    return missing


def form_errors(dossier) -> dict:
    """Field-by-field errors of every e-form component's data against its JSON Schema."""
    from congso.dossiers.eforms import validate

    errors = {}
    for component in dossier.procedure.components.exclude(form_schema__isnull=True):
        if not component.form_schema:
            continue
        data = dossier.form_data.get(str(component.pk))
        if data is None and not component.required:
            continue
        problems = validate(component.form_schema, data or {})
        if problems:
            errors[str(component.pk)] = problems
    return errors


def submit(dossier_id, user, *, at_desk: bool = False) -> Dossier:
    """Draft → 1 (mới đăng ký). A second press on an already submitted dossier is a 409; the
    dossier exists once. With `at_desk` the one-stop officer submits an ownerless in-person
    draft on the applicant's behalf."""
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update().get(pk=dossier_id)
        if at_desk:
            from congso.dossiers.services.access import require_role
            from congso.dossiers.status import Role

            if dossier.owner_id is not None:
                raise Conflict("Hồ sơ này do người nộp tự nộp trực tuyến.")
            require_role(user, dossier.agency, Role.ONE_STOP)
        else:
            require_owner(user, dossier)
        if dossier.status != Status.DRAFT:
            raise Conflict("Hồ sơ đã được nộp trước đó.")
        missing = missing_components(dossier)
        if missing:
            raise Invalid(
                "Còn thiếu thành phần hồ sơ bắt buộc: " + "; ".join(missing) + ".",
                fields={"components": missing},
            )
        errors = form_errors(dossier)
        if at_desk:
            # At the desk the applicant's signed paper form, scanned, stands for its e-form.
            scanned = {
                str(pk)
                for pk in current_files(dossier)
                .filter(kind=DossierFile.Kind.COMPONENT)
                .values_list("component_id", flat=True)
            }
            errors = {key: value for key, value in errors.items() if key not in scanned}
        if errors:
            raise Invalid("Tờ khai điện tử chưa hợp lệ.", fields={"form_data": errors})
        at = records.now()
        dossier.mark_submitted()
        dossier.submitted_at = at
        step = dossier.workflow.first_step()
        dossier.current_step = step.code if step else ""
        dossier.step_started_at = at
        dossier.save()
        role = "one_stop" if at_desk else "applicant"
        record(dossier, user, Action.SUBMIT, at=at, from_status=Status.DRAFT, role=role)
    return dossier


def rate(dossier, user, *, score, comment: str = "") -> Rating:
    require_owner(user, dossier)
    if dossier.status != Status.RETURNED:
        raise Conflict("Chỉ đánh giá sau khi đã nhận kết quả.")
    if Rating.objects.filter(dossier=dossier).exists():
        raise Conflict("Hồ sơ đã được đánh giá.")
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise Invalid("Điểm đánh giá là số nguyên từ 1 đến 5.", fields={"score": ["1–5"]})
    at = records.now()
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                dossier=dossier, score=score, comment=(comment or "")[:2000], at=at
            )
            record(
                dossier,
                user,
                Action.RATE,
                at=at,
                from_status=dossier.status,
                role="applicant",
                note=f"{score}/5",
                public=True,
            )
    except IntegrityError:
        raise Conflict("Hồ sơ đã được đánh giá.")
    return rating
