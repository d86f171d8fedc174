"""Points of one indicator (SERVICES.md "Decision 766"): full points when the ratio reaches the
target, else ratio × points ÷ target; without a target, ratio × points. Ratios are fractions;
points are rounded to 2 decimals half up, and a total is the sum of the rounded points."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
RATIO_PLACES = Decimal("0.0001")
ZERO = Decimal(0)


def ratio_of(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator ÷ denominator, at most 1 (a numerator counted on another day than its
    denominator can outgrow it); None when there is nothing to divide."""
    if not denominator:
        return None
    return min(Decimal(numerator) / Decimal(denominator), Decimal(1))


def points_of(ratio: Decimal | None, max_points: Decimal, target: Decimal | None) -> Decimal:
    if ratio is None:
        return ZERO.quantize(CENT)
    if target:
        goal = Decimal(target) / 100
        raw = Decimal(max_points) if ratio >= goal else ratio * Decimal(max_points) / goal
    else:
        raw = ratio * Decimal(max_points)
    return raw.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Line:
    """One indicator's numbers for one agency (or the whole installation) and period."""

    code: str
    name: str
    group: str
    order: int
    source: str
    max_points: Decimal
    target: Decimal | None
    numerator: Decimal = ZERO
    denominator: Decimal = ZERO
    entered: bool = False
    ratio: Decimal | None = field(init=False, default=None)
    points: Decimal = field(init=False, default=ZERO)

    def __post_init__(self):
        self.score()

    def score(self) -> "Line":
        self.ratio = ratio_of(self.numerator, self.denominator)
        self.points = points_of(self.ratio, self.max_points, self.target)
        return self

    def add(self, numerator, denominator, entered: bool = False) -> None:
        self.numerator += Decimal(numerator)
        self.denominator += Decimal(denominator)
        self.entered = self.entered or entered
        self.score()

    @property
    def rounded_ratio(self) -> Decimal | None:
        if self.ratio is None:
            return None
        return self.ratio.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)

    @property
    def percent(self) -> Decimal | None:
        if self.ratio is None:
            return None
        return (self.ratio * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def total(lines) -> Decimal:
    return sum((line.points for line in lines), ZERO).quantize(CENT)
