"""Everything that changes a dossier (ARCHITECTURE.md: services change state).

- filing: the applicant's draft, files, submission, rating
- processing: `perform(dossier_id, user, action, fields)` for every officer and applicant action
- access: who sees and acts on what; codes: dossier codes; records: clock, events, secrets
"""

from congso.dossiers.services.errors import (  # noqa: F401
    Conflict,
    DossierError,
    Forbidden,
    Invalid,
    NotFound,
)
