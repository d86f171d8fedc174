from wagtail.models import Site

from congso.analytics.models import DailyStat


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def make_daily_stat(site=None, **kwargs) -> DailyStat:
    return DailyStat.objects.create(site=site or default_site(), **kwargs)
