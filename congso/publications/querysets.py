"""Reading queries for the disclosure sections. Pages' get_context and feeds only call these."""


def published_items(index):
    """Live, public items of an index page (its children), newest first."""
    model = index.get_item_model()
    return model.objects.child_of(index).live().public().order_by("-date", "-pk")
