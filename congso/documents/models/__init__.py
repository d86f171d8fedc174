"""Official documents (văn bản): files, signatures, trust anchors, vocabularies and pages."""

from .files import FileDocument, SignatureRecord, TrustAnchor
from .pages import (
    DocumentAttachment,
    DocumentIndexPage,
    DocumentRelation,
    LegalStatus,
    OfficialDocumentPage,
    RelationKind,
    Visibility,
)
from .vocab import DocumentField, DocumentType, IssuingAgency

__all__ = [
    "DocumentAttachment",
    "DocumentField",
    "DocumentIndexPage",
    "DocumentRelation",
    "DocumentType",
    "FileDocument",
    "IssuingAgency",
    "LegalStatus",
    "OfficialDocumentPage",
    "RelationKind",
    "SignatureRecord",
    "TrustAnchor",
    "Visibility",
]
