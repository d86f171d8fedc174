"""The admin speaks each officer's own language (their profile's), in every text.

Wagtail 8.0.1's ChooserViewSet translates its default labels when its module is imported
(`gettext`, not `gettext_lazy`), so they stay in the language active then, Vietnamese, for
everyone: an officer using the admin in English read "Tìm kiếm" on the image chooser's search
tab. Making them lazy again lets each request translate them.
"""

from django.utils.translation import gettext_lazy


def make_chooser_labels_lazy() -> None:
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    # The same msgids as Wagtail's, so its catalogues (and congso/locale/vi) still apply.
    # Subclasses that set their own labels (images: "Choose an image") are not touched.
    ChooserViewSet.choose_one_text = gettext_lazy("Choose")
    ChooserViewSet.choose_another_text = gettext_lazy("Choose another")
    ChooserViewSet.edit_item_text = gettext_lazy("Edit")
    ChooserViewSet.search_tab_label = gettext_lazy("Search")
    ChooserViewSet.create_action_label = gettext_lazy("Create")
