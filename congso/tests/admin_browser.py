"""Shared steps for browser tests of the Wagtail admin: staff accounts in a role and a
language, logging in through the real login form, pressing the editor footer's actions and
workflow actions, waiting for a form's answer, uploading through an image chooser, typing into
date pickers and the publishing-schedule dialog, and letting a scheduled time pass.

Every admin browser test runs in both languages of the admin (the `admin_language` fixture in
congso/conftest.py); the user's Wagtail profile carries the language, as it does for a real
officer who picks it under "Tài khoản".
"""

from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext, override
from wagtail.users.models import UserProfile

from congso.core.tests.factories import UserFactory

PASSWORD = "matkhau-thu-nghiem-123"  # UserFactory's


def translated(language: str, message: str, **values) -> str:
    """A message of the admin's catalogues as a user of the admin in `language` reads it."""
    with override(language):
        text = gettext(message)
    return text % values if values else text


def staff_user(username: str, role: str | None, language: str = "vi", **fields):
    """A staff account in a role group (None: superuser) that uses the admin in `language`."""
    from congso.users.roles import setup_roles

    setup_roles()
    is_superuser = role is None
    user = UserFactory(
        username=username, is_staff=True, is_superuser=is_superuser, first_name=username, **fields
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill and submit the admin's own login form, as a person does."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def press_footer_action(page, name: str) -> None:
    """Press one of the page editor footer's actions (`action-publish`, `action-submit`, ...).

    The actions other than the first sit in a dropdown: open it with its toggle, then press the
    button, exactly as a person does; never submit the form through script."""
    button = page.locator(f"footer button[name={name}], footer [name={name}]").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()


def _is_form_post(response) -> bool:
    return response.request.method == "POST" and response.request.resource_type == "document"


@contextmanager
def form_submission(page):
    """Around a button press that submits the page's form: wait until the server has answered
    the POST and the browser has loaded the page it was sent to (or the form again, with its
    errors).

    `page.expect_navigation()` is not enough in the admin: its tabs write the URL's #fragment,
    a same-document navigation that ends the wait while the server is still saving, and the
    test's next query then meets a locked SQLite table. The editor's autosave requests are
    `fetch`es, not documents, and are not waited for."""
    with page.expect_event("load"):
        with page.expect_response(_is_form_post):
            yield


def choose_new_image(page, field: str, path, description: str) -> None:
    """Upload `path` through the image chooser of the form field `field` (its upload tab) and
    wait until the chooser shows the chosen image."""
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("#tab-upload input[type=file]").set_input_files(path)
    # The title is filled from the file name by script; type it as a person may, so that a
    # slow script never leaves the required field empty.
    modal.locator("#tab-upload input[name$=title]").fill(path.stem)
    modal.locator("#tab-upload input[name$=description]").fill(description)
    modal.locator("#tab-upload button[type=submit]").click()
    # The chooser loses its `blank` class once the upload came back and the modal closed.
    page.locator(f"#id_{field}-chooser:not(.blank)").wait_for()


def type_date(page, selector: str, text: str, leave_by_clicking: str | None = None) -> None:
    """Type `text` into a Wagtail date/time picker field as a person does, replacing what it
    held, then leave the field so that its calendar closes: with Tab, or by clicking
    `leave_by_clicking` when Tab would land in a second picker (Escape would close an
    enclosing dialog and reset its fields)."""
    field = page.locator(selector)
    field.click()
    field.press("ControlOrMeta+a")
    field.press("Delete")
    field.press_sequentially(text)
    if leave_by_clicking:
        page.locator(leave_by_clicking).click()
    else:
        field.press("Tab")


def set_publishing_schedule(page, go_live: str, expire: str | None = None) -> None:
    """Open the status side panel, its "Set schedule" dialog, type the go-live (and expiry)
    time and press the dialog's "Save schedule" button, which saves a draft; waits for the
    page the server answers with."""
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator(
        "[data-side-panel=status] [data-a11y-dialog-show=schedule-publishing-dialog]"
    ).click()
    # Tab would open the next field's calendar over the dialog's button: click the dialog's
    # message at its top, which no calendar covers.
    elsewhere = "#schedule-publishing-dialog .w-dialog__message-heading"
    type_date(page, "#id_go_live_at", go_live, elsewhere)
    if expire is not None:
        type_date(page, "#id_expire_at", expire, elsewhere)
    with form_submission(page):
        page.locator("#schedule-publishing-dialog button.action-save").click()


def press_workflow_action(page, action: str) -> None:
    """Press the editor footer's button for a workflow task action without a comment dialog
    (`approve` is "Approve and publish"), opening the footer dropdown first if needed."""
    button = page.locator(
        f"footer button[data-workflow-action-name={action}]:not([data-workflow-action-modal-url])"
    )
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()


def approve_from_the_dashboard(page, page_object) -> None:
    """On the dashboard, open the page from "Awaiting your review" and press its footer's
    "Approve and publish" (a reviewer logged in: the dashboard is where logging in lands)."""
    page.locator(f'main a[href="/admin/pages/{page_object.pk}/edit/"]').first.click()
    page.wait_for_url(f"**/admin/pages/{page_object.pk}/edit/")
    with form_submission(page):
        press_workflow_action(page, "approve")


def new_page(browser, base_url: str):
    """A page in a second browser context (own cookies): another person, or a logged-out
    reader. Closing the browser (the `browser` fixture does) closes it."""
    context = browser.new_context(base_url=base_url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def let_scheduled_time_pass(page_object) -> None:
    """Move an approved, scheduled publication of `page_object` into the past, as the passage
    of time would, so that `publish_scheduled` publishes it.

    Wagtail keeps the schedule in three places: the page row's `go_live_at`, the approved
    revision's `approved_go_live_at` (what the command selects on) and `go_live_at` inside that
    revision's content (what the published page is rebuilt from: left in the future, publishing
    would only schedule it again)."""
    from wagtail.models import Page

    past = timezone.now() - timedelta(minutes=1)
    revisions = page_object.revisions.filter(approved_go_live_at__isnull=False)
    assert revisions.exists(), "no approved, scheduled revision"
    for revision in revisions:
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    Page.objects.filter(pk=page_object.pk).update(go_live_at=past)


def cached_reader(browser, live_server, url: str):
    """A logged-out reader's page that has read `url`, which the page cache now holds.

    Make the staff accounts first: the page's own requests (statistics beacon) must not write
    to the test database while the test writes to it. The site's settings row is made here
    as on any running portal: the first page view would create it, and saving it purges."""
    from wagtail.models import Site

    from congso.core.models import OrganisationSettings

    OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    page = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    page.set_default_timeout(15_000)
    page.goto(url, wait_until="networkidle")
    # Asked outside the browser, whose own HTTP cache would revalidate (304) and show the
    # headers of its first copy.
    assert page.request.get(url).headers.get("x-page-cache") == "hit"
    return page
