"""The vocabulary of a dossier: national status codes, channels, roles, actions, and the words a
citizen reads for each status (kept apart from the officers' words, as SERVICES.md asks).

The status numbers are the National Public Service Portal's (SERVICES.md); 0 is congso's own
"draft" that the national portal never sees. Anything that maps to the national sync payload
reads these numbers from here and nowhere else.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from congso.dossiers.calendar import Timeliness


class Status(models.IntegerChoices):
    DRAFT = 0, _("Nháp (chưa nộp)")
    SUBMITTED = 1, _("Mới đăng ký")
    RECEIVED = 2, _("Được tiếp nhận")
    REFUSED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    SUPPLEMENT = 5, _("Yêu cầu bổ sung giấy tờ")
    PAYMENT = 6, _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    DONE = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


# What the citizen reads ("Hồ sơ của tôi", tracking page, e-mails).
CITIZEN_TEXT = {
    Status.DRAFT: _("Đang soạn, chưa nộp"),
    Status.SUBMITTED: _("Đã nộp, đang chờ cán bộ tiếp nhận"),
    Status.RECEIVED: _("Đã được tiếp nhận, đang chờ giải quyết"),
    Status.REFUSED: _("Hồ sơ không được tiếp nhận"),
    Status.PROCESSING: _("Đang được giải quyết"),
    Status.SUPPLEMENT: _("Cần bổ sung, hoàn thiện hồ sơ"),
    Status.PAYMENT: _("Cần nộp phí, lệ phí"),
    Status.WITHDRAWN: _("Đã rút hồ sơ"),
    Status.STOPPED: _("Đã dừng giải quyết"),
    Status.DONE: _("Đã có kết quả, chờ trả kết quả"),
    Status.RETURNED: _("Đã trả kết quả"),
}

# A dossier in one of these is settled: the clock no longer runs and nothing but reopening (with a
# reason) changes it.
FINISHED = frozenset(
    {Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.DONE, Status.RETURNED}
)
# Received and still being handled: the statuses whose clock runs (or is paused for a supplement).
IN_PROGRESS = frozenset({Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT, Status.PAYMENT})


def citizen_text(status: int) -> str:
    return str(CITIZEN_TEXT.get(status, Status(status).label))


class Channel(models.IntegerChoices):
    IN_PERSON = 1, _("Trực tiếp")
    ONLINE = 2, _("Trực tuyến")
    POSTAL = 3, _("Bưu chính công ích")


class Role(models.TextChoices):
    ONE_STOP = "one_stop", _("Cán bộ một cửa")
    SPECIALIST = "specialist", _("Chuyên viên")
    LEADER = "leader", _("Lãnh đạo")
    ADMIN = "admin", _("Quản trị thủ tục của cơ quan")


class Action(models.TextChoices):
    """Every action on a dossier, by the name the API uses (`/actions/<name>`)."""

    SUBMIT = "submit", _("Nộp hồ sơ")
    RECEIVE = "receive", _("Tiếp nhận")
    REQUEST_SUPPLEMENT = "request-supplement", _("Yêu cầu bổ sung")
    SUPPLEMENT = "supplement", _("Bổ sung hồ sơ")
    REFUSE = "refuse", _("Từ chối tiếp nhận")
    ASSIGN = "assign", _("Phân công")
    FORWARD = "forward", _("Chuyển bước tiếp theo")
    SEND_BACK = "send-back", _("Trả lại bước trước")
    APPROVE = "approve", _("Phê duyệt")
    RETURN_RESULT = "return-result", _("Trả kết quả")
    APOLOGIZE = "apologize", _("Xin lỗi, hẹn lại ngày trả")
    STOP = "stop", _("Dừng xử lý")
    WITHDRAW = "withdraw", _("Rút hồ sơ")
    RATE = "rate", _("Đánh giá")
    REOPEN = "reopen", _("Mở lại hồ sơ")
    CREATE = "create", _("Tạo hồ sơ")
    ENTER = "enter", _("Nhập hồ sơ trực tiếp")
    ATTACH = "attach", _("Đính kèm tệp")
    # Fees (congso.payments): the officer asks, the gateway or the cashier settles.
    REQUEST_PAYMENT = "request-payment", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    PAY = "pay", _("Đã thanh toán trực tuyến")
    CONFIRM_PAYMENT = "confirm-payment", _("Xác nhận đã thu phí, lệ phí trực tiếp")


# Actions whose route through the steps is data (WorkflowTransition rows the agency admin edits);
# the others are the applicant's own or apply at any step (see docs/decisions/0006).
STEP_ACTIONS = (
    Action.RECEIVE,
    Action.REQUEST_SUPPLEMENT,
    Action.REFUSE,
    Action.FORWARD,
    Action.SEND_BACK,
    Action.APPROVE,
    Action.RETURN_RESULT,
    Action.STOP,
    Action.REQUEST_PAYMENT,
)


class Clock(models.TextChoices):
    """What a transition does to the dossier's clock."""

    NONE = "none", _("Không đổi")
    START = "start", _("Bắt đầu tính hạn (tiếp nhận)")
    PAUSE = "pause", _("Tạm dừng (chờ bổ sung)")
    RESUME = "resume", _("Tính tiếp")
    FINISH = "finish", _("Kết thúc (đã xử lý xong)")
    STOP = "stop", _("Dừng hẳn")


PUNCTUALITY_TEXT = {
    Timeliness.EARLY: _("Trước hạn"),
    Timeliness.ON_TIME: _("Đúng hạn"),
    Timeliness.LATE: _("Trễ hạn"),
}
