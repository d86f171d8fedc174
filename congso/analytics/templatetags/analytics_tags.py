from django import template

register = template.Library()


@register.inclusion_tag("analytics/stats_block.html", takes_context=True)
def visitor_stats(context):
    # Filled in by the analytics work (issue 2 item 6).
    return {"stats": None, "page": context.get("page")}
