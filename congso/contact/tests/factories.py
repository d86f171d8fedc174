"""Contact pages with topics, and messages, for tests."""

from congso.contact.models import ContactMessage, ContactPage, ContactTopic
from congso.core.models import OrganisationSettings


def make_contact_page(home, *, topics=(("Góp ý chung", None, ""),), publish=True, **fields):
    """A contact page under `home` with (name, unit, e-mail) topics."""
    page = ContactPage(title="Liên hệ", slug="lien-he", **fields)
    for order, (name, unit, email) in enumerate(topics):
        page.topics.add(ContactTopic(name=name, unit=unit, email=email, sort_order=order))
    home.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def set_agency(site, **fields) -> OrganisationSettings:
    settings = OrganisationSettings.for_site(site)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def form_data(page, **overrides) -> dict:
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "phone": "0912 345 678",
        "topic": str(page.topics.first().pk),
        "subject": "Hỏi về thủ tục cấp phép",
        "message": "Xin hỏi thời gian giải quyết thủ tục.\nXin cảm ơn.",
        "website": "",
    }
    data.update(overrides)
    return data


def make_message(page, **fields) -> ContactMessage:
    topic = page.topics.first()
    values = {
        "page": page,
        "topic": topic,
        "topic_name": topic.name,
        "recipient": "hopthu@example.gov.vn",
        "name": "Người gửi",
        "email": "nguoigui@example.vn",
        "subject": "Tiêu đề",
        "message": "Nội dung",
    }
    values.update(fields)
    return ContactMessage.objects.create(**values)
