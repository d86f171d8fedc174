"""Changing the catalogue: importing and updating procedures from a file in the national
database's field names (docs/procedures-import.md).

An import is all or nothing: every record is checked first, and one bad record stops the whole
file with the list of problems. Procedures are matched by code and updated in place;
components by name, so that dossiers which refer to a component keep it. A procedure that is
not in the file is never deleted: it is reported as left, with the number of its dossiers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, ProtectedError
from django.utils import timezone

from congso.core.text import format_number
from congso.search.services import indexing_paused

from .importfile import ImportFileError, ProcedureData, parse_record, read_records

__all__ = ["ImportFileError", "ImportReport", "import_file", "import_records"]


@dataclass
class ImportReport:
    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    left: list[tuple[str, str, int]] = field(default_factory=list)  # code, name, dossiers
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        def listing(title: str, items) -> list[str]:
            head = f"{title}: {format_number(len(items))} thủ tục"
            return [head + ("." if not items else ":")] + [
                f"  {item[0]} — {item[1]}" for item in items
            ]

        out = listing("Thêm mới", self.added) + listing("Thay đổi", self.changed)
        out.append(f"Không đổi: {format_number(len(self.unchanged))} thủ tục.")
        out.append(
            f"Không có trong tệp, giữ nguyên (không xóa): {format_number(len(self.left))} thủ tục"
            + (":" if self.left else ".")
        )
        for code, name, dossiers in self.left:
            note = f" (có {format_number(dossiers)} hồ sơ)" if dossiers else ""
            out.append(f"  {code} — {name}{note}")
        out += [f"Lưu ý: {w}" for w in self.warnings]
        if self.dry_run:
            out.append("Chạy thử (--dry-run): không có thay đổi nào được lưu.")
        return out


class _DryRun(Exception):
    pass


def dossier_counts(codes=None) -> dict[str, int]:
    """Dossiers per procedure code, once the dossiers app has a Dossier with a procedure."""
    try:
        dossier = apps.get_model("dossiers", "Dossier")
        dossier._meta.get_field("procedure")
    except (LookupError, FieldDoesNotExist):
        return {}
    rows = dossier.objects.values("procedure__code").annotate(n=Count("pk"))
    if codes is not None:
        rows = rows.filter(procedure__code__in=list(codes))
    return {row["procedure__code"]: row["n"] for row in rows}


def import_file(path, *, dry_run: bool = False, forms_dir=None) -> ImportReport:
    path = Path(path)
    records = read_records(path)
    return import_records(records, dry_run=dry_run, forms_dir=forms_dir or path.parent)


def import_records(records: list[dict], *, dry_run: bool = False, forms_dir=None) -> ImportReport:
    """Check every record, then apply them in one transaction (rolled back on a dry run)."""
    from congso.organisation.models import Agency

    parsed, errors, seen = [], [], set()
    for number, raw in enumerate(records, start=1):
        data, problems = parse_record(raw, number)
        errors += problems
        if data is None:
            continue
        if data.code in seen:
            errors.append(f"Thủ tục thứ {number} ({data.code}): mã thủ tục bị lặp trong tệp.")
        seen.add(data.code)
        parsed.append(data)
    known = set(Agency.objects.values_list("identifier", flat=True))
    for data in parsed:
        for identifier in data.agencies:
            if identifier not in known:
                errors.append(
                    f"Thủ tục {data.code}: không có cơ quan mã định danh «{identifier[:60]}» "
                    "(thêm cơ quan trong quản trị trước khi nhập)."
                )
        for component in data.components:
            if component.template and _template_path(forms_dir, component.template) is None:
                errors.append(
                    f"Thủ tục {data.code}: không tìm thấy tệp mẫu đơn «{component.template[:100]}» "
                    "cạnh tệp nhập."
                )
    if errors:
        raise ImportFileError("Tệp có lỗi, chưa nhập thủ tục nào:\n" + "\n".join(errors))
    if not parsed:
        raise ImportFileError("Tệp không có thủ tục nào.")

    report = ImportReport(dry_run=dry_run)
    touched: list[int] = []
    try:
        with transaction.atomic(), indexing_paused():
            for data in parsed:
                procedure, created, changed = _apply(data, forms_dir, dry_run, report)
                touched.append(procedure.pk)
                bucket = report.added if created else report.changed if changed else None
                (bucket if bucket is not None else report.unchanged).append((data.code, data.name))
            _report_left(seen, report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        return report
    from . import search

    search.reindex(touched)
    return report


def _report_left(seen: set[str], report: ImportReport) -> None:
    from .models import Procedure

    left = Procedure.objects.exclude(code__in=seen).order_by("code").values_list("code", "name")
    counts = dossier_counts(code for code, _ in left)
    report.left = [(code, name, counts.get(code, 0)) for code, name in left]


def _template_path(forms_dir, name: str) -> Path | None:
    if not forms_dir or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = Path(forms_dir) / name
    return path if path.is_file() else None


def snapshot(procedure) -> dict:
    """Everything an import can change, to tell a changed procedure from an unchanged one."""
    values = {
        f.attname: getattr(procedure, f.attname)
        for f in procedure._meta.concrete_fields
        if f.attname not in {"id", "created_at", "updated_at", "search_text"}
    }
    values["agencies"] = sorted(procedure.agencies.values_list("identifier", flat=True))
    from .models import Component, Fee, LegalBasis

    values["components"] = list(
        Component.objects.filter(procedure=procedure)
        .order_by("sort_order", "pk")
        .values_list("name", "required", "copies", "template", "form_schema")
    )
    values["fees"] = list(
        Fee.objects.filter(procedure=procedure).values_list("description", "amount", "note")
    )
    values["legal"] = list(
        LegalBasis.objects.filter(procedure=procedure).values_list("number", "title", "issued_on")
    )
    return values


def _apply(data: ProcedureData, forms_dir, dry_run: bool, report: ImportReport):
    from congso.organisation.models import Agency

    from .models import Fee, LegalBasis, Procedure, ProcedureField

    field_obj, field_created = ProcedureField.objects.get_or_create(
        code=data.field_code, defaults={"name": data.field_name or data.field_code}
    )
    if data.field_name and field_obj.name != data.field_name and not field_created:
        field_obj.name = data.field_name
        field_obj.save(update_fields=["name"])
    procedure = Procedure.objects.filter(code=data.code).first()
    created = procedure is None
    before = None if created else snapshot(procedure)
    if created:
        procedure = Procedure(code=data.code)
    published = None
    if data.published_on:
        published = timezone.make_aware(dt.datetime.combine(data.published_on, dt.time(7, 0)))
    procedure.name = data.name
    procedure.field = field_obj
    procedure.online_level = data.online_level
    procedure.time_limit = data.time_limit
    procedure.time_unit = data.time_unit
    procedure.steps = data.steps
    procedure.channel_in_person = "in_person" in data.channels
    procedure.channel_online = "online" in data.channels
    procedure.channel_postal = "postal" in data.channels
    procedure.conditions = data.conditions
    procedure.applicants = data.applicants
    procedure.result = data.result
    procedure.effective_from = data.effective_from
    procedure.is_sample = data.is_sample
    procedure.active = data.active
    if published or created:
        procedure.published_at = published or timezone.now()
    procedure.save()
    procedure.agencies.set(Agency.objects.filter(identifier__in=data.agencies))
    file_changed = _apply_components(procedure, data, forms_dir, dry_run, report)
    # The child models' own managers: a ClusterableModel's relation managers only keep
    # changes in memory until the procedure is saved again.
    Fee.objects.filter(procedure=procedure).delete()
    Fee.objects.bulk_create(
        Fee(procedure=procedure, description=d, amount=a, note=n, sort_order=i)
        for i, (d, a, n) in enumerate(data.fees)
    )
    LegalBasis.objects.filter(procedure=procedure).delete()
    LegalBasis.objects.bulk_create(
        LegalBasis(procedure=procedure, number=n, title=t, issued_on=d, sort_order=i)
        for i, (n, t, d) in enumerate(data.legal_basis)
    )
    changed = not created and (file_changed or snapshot(procedure) != before)
    return procedure, created, changed


def _apply_components(procedure, data: ProcedureData, forms_dir, dry_run, report) -> bool:
    """Update components by name; returns whether a sample form's content changed."""
    from .models import Component

    existing = {c.name: c for c in Component.objects.filter(procedure=procedure)}
    file_changed = False
    for position, item in enumerate(data.components):
        component = existing.pop(item.name, None) or Component(procedure=procedure, name=item.name)
        component.required = item.required
        component.copies = item.copies
        component.form_schema = item.form_schema
        component.sort_order = position
        if item.template:
            content = _template_path(forms_dir, item.template).read_bytes()
            if not _same_file(component.template, content):
                file_changed = component.pk is not None
                if not dry_run:
                    component.template.save(item.template, ContentFile(content), save=False)
        elif component.template:
            component.template = ""
        component.save()
    for name, component in existing.items():
        try:
            component.delete()
        except ProtectedError:
            report.warnings.append(
                f"{procedure.code}: giữ thành phần «{name}» vì đã có hồ sơ dùng đến."
            )
    return file_changed


def _same_file(field_file, content: bytes) -> bool:
    if not field_file:
        return False
    try:
        with field_file.open("rb") as handle:
            return handle.read() == content
    except OSError:
        return False
