"""The admin speaks each officer's own language (their profile's), in every text.

Wagtail 8.0.1's ChooserViewSet translates its default labels when its module is imported
(`gettext`, not `gettext_lazy`), so they stay in the language active then, Vietnamese, for
everyone: an officer using the admin in English read "Tìm kiếm" on the image chooser's search
tab. Making them lazy again lets each request translate them. The help menu's "What's new in
Wagtail 8.0" has the same fault (its label is formatted, so translated, once when the menu is
first built): `whats_new_label_per_request` gives it a label translated per request.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy


def make_chooser_labels_lazy() -> None:
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    # The same msgids as Wagtail's, so its catalogues (and congso/locale/vi) still apply.
    # Subclasses that set their own labels (images: "Choose an image") are not touched.
    ChooserViewSet.choose_one_text = gettext_lazy("Choose")
    ChooserViewSet.choose_another_text = gettext_lazy("Choose another")
    ChooserViewSet.edit_item_text = gettext_lazy("Edit")
    ChooserViewSet.search_tab_label = gettext_lazy("Search")
    ChooserViewSet.create_action_label = gettext_lazy("Create")


def _whats_new(version: str) -> str:
    return gettext("What's new in Wagtail %(version)s") % {"version": version}


_whats_new_lazy = lazy(_whats_new, str)


def whats_new_label_per_request(request, menu_items) -> None:
    """construct_help_menu hook: the "What's new" item's label in the officer's language."""
    prefix = "whats-new-in-wagtail-"
    for item in menu_items:
        if item.name.startswith(prefix):
            item.label = _whats_new_lazy(item.name.removeprefix(prefix))
