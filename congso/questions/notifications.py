"""E-mails to the asker: the acknowledgement with the tracking code, the published answer, and
the refusal with its reason. Sent after the step commits; a broken mail server is logged and
never undoes the step (the answer stays published, the editor is not shown an error)."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string

from congso.core.models import OrganisationSettings
from congso.core.text import format_datetime

logger = logging.getLogger(__name__)

SUBJECTS = {
    "received": "Đã nhận câu hỏi {code}",
    "answered": "Câu hỏi {code} đã được trả lời",
    "rejected": "Câu hỏi {code} không được trả lời",
}


def send(kind: str, question_pk: int) -> bool:
    from congso.questions.models import Question

    question = Question.objects.select_related("page", "topic").get(pk=question_pk)
    if not question.email:
        return False
    site = question.page.get_site()
    organisation = OrganisationSettings.for_site(site) if site else None
    context = {
        "question": question,
        "organisation_name": organisation.name if organisation else "",
        "received_at": format_datetime(question.received_at),
        "page_url": question.page.get_full_url(),
        "answer_url": question.get_full_url() if kind == "answered" else "",
    }
    subject = SUBJECTS[kind].format(code=question.code)
    text = render_to_string(f"questions/email/{kind}.txt", context)
    try:
        send_mail(subject, text, None, [question.email], fail_silently=False)
    except Exception:  # the step is done; the mail is the mail server's problem
        logger.exception("Could not e-mail question %s (%s)", question.code, kind)
        return False
    return True
