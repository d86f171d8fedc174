"""The SVG charts: an image with a title and a description that tells its numbers, text
escaped, and a chart with nothing to show says so."""

from congso.servicestats import charts


def test_a_proportion_bar_is_an_image_named_by_its_title_and_description():
    svg = charts.proportion_bar(
        "Tiến độ", [charts.Part("Trước hạn", 3, charts.EARLY), charts.Part("Quá hạn", 1, "#000")]
    )
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Trước hạn: 3 (75,0%); Quá hạn: 1 (25,0%)" in svg


def test_labels_and_titles_are_escaped():
    svg = charts.month_bars('<script>"x"</script>', [("<T1>", 2, 1)])
    assert "<script>" not in svg and "&lt;T1&gt;" in svg


def test_a_bar_without_settled_dossiers_says_so():
    svg = charts.proportion_bar("Tiến độ", [charts.Part("Đúng hạn", 0, charts.ON_TIME)])
    assert "Chưa có hồ sơ đã giải quyết" in svg


def test_month_bars_tell_every_month_in_the_description():
    svg = charts.month_bars("Theo tháng", [("T1", 1200, 3), ("T2", 0, 0)])
    assert "T1: tiếp nhận 1.200, đã giải quyết 3; T2: tiếp nhận 0, đã giải quyết 0" in svg
