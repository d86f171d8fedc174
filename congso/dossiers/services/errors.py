"""What a refused action raises. Views and the API turn these into answers: 400 for bad input,
403 for who may not, 404 for what this person may not even know exists, 409 for an action the
dossier's state does not allow — each with a Vietnamese message."""


class DossierError(Exception):
    status = 400

    def __init__(self, detail: str, *, fields: dict | None = None):
        super().__init__(detail)
        self.detail = str(detail)
        self.fields = fields or {}


class Invalid(DossierError):
    status = 400


class Forbidden(DossierError):
    status = 403


class NotFound(DossierError):
    status = 404


class Conflict(DossierError):
    status = 409
