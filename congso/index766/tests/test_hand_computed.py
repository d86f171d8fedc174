"""The index of one agency for 2026-Q2, computed by hand from the table below (as a spreadsheet
would), must match what congso computes to 2 decimals.

Procedures of the agency:
  P1 online full,    published 05/01 ≤ effective 10/01 (on time), complete, fee, payable online
  P2 online partial, published 01/03 > effective 20/02 (late),  no result text (incomplete)
  P3 not online,     published 01/01, no effective date (on time), complete, fee, not payable
  P4 online full,    on time, complete, fee, payable online
"""

import datetime as dt
from decimal import Decimal

import pytest

from congso.dossiers.tests.factories import make_agency
from congso.index766 import services
from congso.index766.models import EnteredValue, Indicator
from congso.index766.tests.helpers import add_facts, d, procedure

ONLINE, IN_PERSON, POSTAL = 2, 1, 3

# procedure, channel, received, due, settled, outcome, rating, rated, fee, paid online, e-result, ack
DOSSIERS = [
    ("P1", ONLINE, d(4, 6), d(4, 13), d(4, 10), "early", 5, d(4, 11), True, d(4, 7), True, True),
    ("P1", ONLINE, d(4, 20), d(4, 27), d(4, 27), "on_time", 4, d(4, 28), True, d(4, 21), True, True),
    ("P4", ONLINE, d(5, 4), d(5, 11), d(5, 15), "late", 2, d(5, 16), True, None, False, True),
    ("P2", IN_PERSON, d(5, 6), d(5, 13), d(5, 12), "early", None, None, False, None, True, False),
    ("P3", IN_PERSON, d(5, 20), d(5, 27), d(5, 26), "on_time", 3, d(5, 27), True, None, False, True),
    ("P3", IN_PERSON, d(6, 1), d(6, 8), d(6, 10), "late", 1, d(6, 11), True, None, False, False),
    ("P1", ONLINE, d(6, 22), d(7, 3), None, "", None, None, True, None, False, True),
    ("P4", POSTAL, d(6, 10), d(6, 17), None, "", None, None, True, None, False, False),
    ("P2", ONLINE, None, None, d(6, 16), "refused", None, None, False, None, False, False),
    ("P1", ONLINE, d(3, 25), d(4, 1), d(4, 2), "late", None, None, True, d(3, 26), True, True),
    ("P4", ONLINE, d(6, 29), d(7, 6), None, "", None, None, True, d(6, 30), False, True),
]  # fmt: skip

# Worked out by hand (docs/index-766.md has the formulas):
# code: numerator, denominator, ratio (4 places), points
EXPECTED = {
    "1.1": (3, 4, 0.75, 4.50),  # P1, P3, P4 published on time of 4
    "1.2": (8, 10, 0.8, 3.20),  # entered 8/10 × 4
    "1.3": (3, 4, 0.75, 1.50),  # P2 lacks its result text
    "1.4": (6, 9, 0.6667, 4.00),  # received in Q2: 9; acknowledged: rows 1,2,3,5,7,11
    "2.1": (6, 10, 0.6, 12.00),  # (2 early + 2 on time + 2 pending in time) / (7 finished + 3)
    "3.1": (3, 4, 0.75, 3.75),  # 0.75 / 0.80 × 4
    "3.2": (2, 3, 0.6667, 2.67),  # P1 and P4 got online dossiers; P2 only in person / refused
    "3.3": (5, 9, 0.5556, 4.00),  # 5 online of 9 received ≥ 50%: full points
    "4.1": (2, 3, 0.6667, 1.67),  # (2/3) / 0.80 × 2 = 1.6667
    "4.2": (2, 2, 1.0, 2.00),  # P1 and P4 both paid online in Q2
    "4.3": (3, 6, 0.5, 3.00),  # paid online in Q2: rows 1,2,11; fee-bearing finished: 6
    "5.1": (4, 7, 0.5714, 3.43),  # rows 1,2,4,10 of 7 finished
    "5.2": (45, 50, 0.9, 4.00),  # entered, 90% ≥ 80%
    "5.3": (0, 0, None, 0.00),  # not entered
    "5.4": (0, 0, None, 0.00),
    "5.5": (0, 0, None, 0.00),
    "5.6": (0, 0, None, 0.00),
    "5.7": (0, 0, None, 0.00),
    "6.1": (0, 0, None, 0.00),
    "6.2": (2, 5, 0.4, 2.40),  # ratings 5,4,2,3,1 in Q2: two of 4 or 5
    "6.3": (1, 7, 0.1429, 0.95),  # (7 − 3 late − 3 complained) / 7 ÷ 0.90 × 6 = 0.9524
}
EXPECTED_TOTAL = 53.07


@pytest.fixture
def agency(set_766):
    agency = make_agency()
    procedures = {
        "P1": procedure(agency, published=d(1, 5), effective=d(1, 10), fee=50_000, payable=True),
        "P2": procedure(agency, online="partial", published=d(3, 1), effective=d(2, 20),
                        complete=False),
        "P3": procedure(agency, online="none", published=d(1, 1), fee=20_000),
        "P4": procedure(agency, published=d(1, 2), effective=d(1, 2), fee=10_000, payable=True),
    }  # fmt: skip
    add_facts(agency, [(procedures[row[0]], *row[1:]) for row in DOSSIERS])
    entered = {i.code: i for i in Indicator.objects.filter(indicator_set=set_766)}
    for code, numerator, denominator in (("1.2", 8, 10), ("5.2", 45, 50)):
        EnteredValue.objects.create(
            agency=agency,
            period="2026-Q2",
            indicator=entered[code],
            numerator=numerator,
            denominator=denominator,
            evidence="Báo cáo quý II/2026 (dữ liệu mẫu)",
        )
    return agency


def test_every_indicator_matches_the_hand_computed_table(agency, after_q2):
    report = services.report(services.period_of("2026-Q2"), agency, today=after_q2)
    got = {
        row["code"]: (row["numerator"], row["denominator"], row["ratio"], row["points"])
        for row in report["indicators"]
    }
    assert got == EXPECTED


def test_the_total_is_the_sum_of_the_rounded_points(agency, after_q2):
    report = services.report(services.period_of("2026-Q2"), agency, today=after_q2)
    assert report["total"] == EXPECTED_TOTAL
    assert Decimal(str(report["total"])) == sum(Decimal(str(v[3])) for v in EXPECTED.values())


def test_the_whole_installation_sums_the_agencies_numbers(agency, after_q2):
    other = make_agency(identifier="000.00.13.H56", name="Sở Tư pháp")
    other_p = procedure(other, published=d(1, 1), fee=0)
    add_facts(other, [(other_p, ONLINE, d(5, 4), d(5, 11), d(5, 8), "early", 5, d(5, 9),
                       False, None, True, True)])  # fmt: skip
    whole = services.report(services.period_of("2026-Q2"), None, today=after_q2)
    rows = {row["code"]: row for row in whole["indicators"]}
    assert whole["agency"] is None
    # 2.1: (6 + 1) / (10 + 1); 1.1: (3 + 1) / (4 + 1)
    assert (rows["2.1"]["numerator"], rows["2.1"]["denominator"], rows["2.1"]["points"]) == (
        7, 11, 12.73,
    )  # fmt: skip
    assert (rows["1.1"]["numerator"], rows["1.1"]["denominator"], rows["1.1"]["points"]) == (
        4, 5, 4.80,
    )  # fmt: skip


def test_entered_indicators_are_marked_entered_and_computed_ones_computed(agency, after_q2):
    lines, _ = services.lines_for(services.period_of("2026-Q2"), agency, today=after_q2)
    by_code = {line.code: line for line in lines}
    assert by_code["1.2"].source == "entered" and by_code["1.2"].entered
    assert by_code["5.3"].source == "entered" and not by_code["5.3"].entered
    assert by_code["2.1"].source == "computed"


def test_an_indicator_not_entered_scores_zero(set_766, after_q2):
    agency = make_agency()
    report = services.report(services.period_of("2026-Q2"), agency, today=after_q2)
    entered = [row for row in report["indicators"] if row["source"] == "entered"]
    assert entered and all(row["points"] == 0 and row["ratio"] is None for row in entered)


def test_the_maximum_points_of_the_766_set_add_up_to_100(set_766):
    assert sum(i.max_points for i in set_766.indicators.all()) == Decimal(100)
    report = services.report(services.period_of("2026"), None, today=dt.date(2026, 12, 1))
    assert sum(Decimal(str(row["max_points"])) for row in report["indicators"]) == 100


def test_the_group_totals_are_those_of_services_md(set_766):
    from collections import Counter

    groups = Counter()
    for indicator in set_766.indicators.all():
        groups[indicator.group] += indicator.max_points
    assert groups == {
        "publicity": 18,
        "progress": 20,
        "online": 12,
        "payment": 10,
        "digitisation": 22,
        "satisfaction": 18,
    }
