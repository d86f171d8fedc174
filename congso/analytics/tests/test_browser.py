import pytest
from django.utils import timezone

from congso.analytics.tests.factories import make_daily_stat


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_statistics_block_counts_the_reader_and_refreshes(browser_page, live_server, article):
    make_daily_stat(date=timezone.localdate() - timezone.timedelta(days=1), visits=27_664_045)
    browser_page.goto(article.url)
    block = browser_page.locator("section.stats[data-counted='true']")
    block.wait_for()
    assert block.locator("[data-stat='visits_today']").inner_text() == "1"
    assert block.locator("[data-stat='reads_today']").inner_text() == "1"
    assert block.locator("[data-stat='visits_total']").inner_text() == "27.664.046"
    assert browser_page.locator(f"[data-article-views='{article.pk}']").inner_text() == "1"
