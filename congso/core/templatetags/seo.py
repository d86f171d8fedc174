"""Open Graph and schema.org JSON-LD, built in Python so every value is escaped once, correctly.

Every absolute URL written here (og:url, og:image, JSON-LD url/logo/mainEntityOfPage, file
links) is on the page's Wagtail Site (`page.get_full_url`, `Site.root_url`): the address the
Site record says readers use, never the Host header of the request (congso/core/site_address.py).
"""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from congso.core.models import OrganisationSettings

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# Sharing images: a photo is cropped to the 1.91:1 card, a logo is only scaled (never cropped).
PHOTO_SPEC = "fill-1200x630"
LOGO_SPEC = "max-1200x630"
ORG_LOGO_SPEC = "max-600x600"

# Types of văn bản quy phạm pháp luật (Law on promulgation of legal documents): described as
# schema.org Legislation; every other type (Báo cáo, Công văn, Kế hoạch …) as DigitalDocument.
LEGISLATION_TYPE_SLUGS = frozenset(
    {"luat", "nghi-dinh", "nghi-quyet", "quyet-dinh", "thong-tu", "chi-thi", "phap-lenh"}
)
LEGAL_FORCE = {
    "in_force": "https://schema.org/InForce",
    "expired": "https://schema.org/NotInForce",
    "replaced": "https://schema.org/NotInForce",
}


class _Context:
    """What every tag of one page needs: the page, its Site's root URL, the agency settings."""

    def __init__(self, context, page):
        self.request = context.get("request")
        self.page = page
        self.specific = page.specific
        site = page.get_site()
        self.root_url = site.root_url if site is not None else ""
        if self.request is not None:
            self.organisation = OrganisationSettings.for_request(self.request)
        elif site is not None:
            self.organisation = OrganisationSettings.for_site(site)
        else:
            self.organisation = OrganisationSettings()

    @property
    def language(self) -> str:
        return page_language(self.specific)

    def absolute(self, url: str) -> str:
        if not url or url.startswith(("http://", "https://")):
            return url
        return self.root_url.rstrip("/") + url

    def page_url(self, page=None) -> str:
        return (page or self.page).get_full_url(self.request)

    def rendition(self, image, spec):
        if image is None:
            return None
        try:
            return image.get_rendition(spec)
        except Exception:  # noqa: BLE001 - a missing source file must not break the page head
            return None

    def share_image(self):
        """(rendition, alt) of the page's own image (social image, else hero), else the logo."""
        image = self.specific.get_meta_image() if hasattr(self.specific, "get_meta_image") else None
        rendition = self.rendition(image, PHOTO_SPEC)
        if rendition is not None:
            return rendition, getattr(image, "alt_text", "") or image.title
        return self.logo(LOGO_SPEC)

    def logo(self, spec=ORG_LOGO_SPEC):
        logo = self.organisation.logo
        rendition = self.rendition(logo, spec)
        return (rendition, self.site_name) if rendition is not None else (None, "")

    @property
    def site_name(self) -> str:
        if self.language == "en" and self.organisation.name_en:
            return self.organisation.name_en
        return self.organisation.name

    def home_url(self) -> str:
        return self.root_url.rstrip("/") + "/" if self.root_url else ""

    def organisation_data(self, full=False) -> dict:
        org = self.organisation
        data = {"@type": "GovernmentOrganization", "name": org.name, "url": self.home_url()}
        rendition, _ = self.logo()
        if rendition is not None:
            data["logo"] = _image_object(self.absolute(rendition.url), rendition)
        if full:
            data["alternateName"] = org.name_en or None
            if org.parent_agency:
                data["parentOrganization"] = {
                    "@type": "GovernmentOrganization",
                    "name": org.parent_agency,
                }
            if org.address:
                data["address"] = {
                    "@type": "PostalAddress",
                    "streetAddress": org.address,
                    "addressCountry": "VN",
                }
            data["telephone"] = org.phone or None
            data["faxNumber"] = org.fax or None
            data["email"] = org.email or None
        return _drop_empty(data)


def page_language(page) -> str:
    """'en' for the English section (its home page and pages whose language is English)."""
    from congso.home.models import EnglishHomePage

    if isinstance(page, EnglishHomePage):
        return "en"
    return "en" if getattr(page, "language", "vi") == "en" else "vi"


def _image_object(url, rendition) -> dict:
    return {
        "@type": "ImageObject",
        "url": url,
        "width": rendition.width,
        "height": rendition.height,
    }


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _jsonld(data: dict):
    payload = json.dumps(_drop_empty(data), ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def _date(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


@register.simple_tag(takes_context=True)
def open_graph(context, page, title="", path="", description=""):
    """Open Graph and canonical tags of `page`, or of one of its routed sub-pages (topic and tag
    listings, served by the home page's routes) when `title` and `path` name that sub-page."""
    ctx = _Context(context, page)
    specific = ctx.specific
    if not path and hasattr(specific, "get_meta_description"):
        description = specific.get_meta_description()
    is_article = specific.__class__.__name__ == "ArticlePage" and not path
    url = ctx.absolute(path) if path else ctx.page_url()
    tags = [
        ("og:type", "article" if is_article else "website"),
        ("og:title", title or page.seo_title or page.title),
        ("og:url", url),
        ("og:site_name", ctx.site_name),
        ("og:locale", "en_US" if ctx.language == "en" else "vi_VN"),
    ]
    if description:
        tags.append(("og:description", description))
    rendition, alt = ctx.share_image()
    if rendition is not None:
        tags += [
            ("og:image", ctx.absolute(rendition.url)),
            ("og:image:width", rendition.width),
            ("og:image:height", rendition.height),
        ]
        if alt:
            tags.append(("og:image:alt", alt))
    if is_article and getattr(specific, "stated_date", None) is not None:
        # An article whose source gave no date publishes no date (its `date` is a sort key).
        tags.append(("article:published_time", _date(specific.stated_date)))
    html = [format_html('<meta property="{}" content="{}">', key, value) for key, value in tags]
    if description:
        html.insert(0, format_html('<meta name="description" content="{}">', description))
    html.append(format_html('<link rel="canonical" href="{}">', url))
    html.append(
        format_html(
            '<meta name="twitter:card" content="{}">',
            "summary_large_image" if rendition is not None else "summary",
        )
    )
    return mark_safe("\n  ".join(html))  # noqa: S308 - every part built with format_html


@register.simple_tag(takes_context=True)
def page_jsonld(context, page):
    """A <script type="application/ld+json"> describing the page, or nothing for its type."""
    data = structured_data(_Context(context, page))
    return _jsonld(data) if data else ""


def structured_data(ctx: _Context) -> dict | None:
    """The schema.org description of the page, by page type (None for pages without one)."""
    name = ctx.specific.__class__.__name__
    if name == "ArticlePage":
        return news_article(ctx)
    if name == "HomePage":
        return {"@context": "https://schema.org", **ctx.organisation_data(full=True)}
    if name == "OfficialDocumentPage":
        return official_document(ctx)
    return None


def news_article(ctx: _Context) -> dict:
    page = ctx.specific
    url = ctx.page_url()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.sapo,
        "datePublished": _date(page.stated_date),
        "dateModified": _date(page.last_published_at) or _date(page.stated_date),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": "vi",
        "publisher": ctx.organisation_data(),
    }
    if page.author:
        data["author"] = _drop_empty(
            {"@type": "Person", "name": page.author, "jobTitle": page.author_position}
        )
    else:
        data["author"] = ctx.organisation_data()
    rendition, _ = ctx.share_image()
    if rendition is not None:
        data["image"] = [ctx.absolute(rendition.url)]
    return data


def official_document(ctx: _Context) -> dict:
    page = ctx.specific
    url = ctx.page_url()
    doc_type = page.doc_type if page.doc_type_id else None
    issuer = (
        {"@type": "GovernmentOrganization", "name": page.agency.name}
        if page.agency_id
        else ctx.organisation_data()
    )
    files = [
        _drop_empty(
            {
                "@type": "MediaObject",
                "name": attachment.display_name,
                "contentUrl": ctx.absolute(attachment.file.url),
                "encodingFormat": attachment.file.content_type,
                "contentSize": f"{attachment.file.file_size} B"
                if attachment.file.file_size
                else None,
            }
        )
        for attachment in page.attachments.select_related("file")
    ]
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "headline": page.title[:110],
        "abstract": page.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": "vi",
        "identifier": page.number,
        "genre": doc_type.name if doc_type else None,
        "author": issuer,
        "publisher": ctx.organisation_data(),
        "dateCreated": _date(page.issue_date),
        "datePublished": _date(page.issue_date),
        "expires": _date(page.expiry_date),
        "encoding": files,
    }
    if doc_type is not None and doc_type.slug in LEGISLATION_TYPE_SLUGS:
        return {
            **common,
            "@type": "Legislation",
            "legislationIdentifier": page.number,
            "legislationType": doc_type.name,
            "legislationDate": _date(page.issue_date),
            "legislationDateOfApplicability": _date(page.effective_date),
            "legislationPassedBy": issuer,
            "legislationLegalForce": LEGAL_FORCE.get(page.legal_status),
            "legislationJurisdiction": "VN",
        }
    return {**common, "@type": "DigitalDocument"}
