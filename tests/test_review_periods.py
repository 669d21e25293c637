"""Review periods and retention add whole months and keep to the end of short months."""

from __future__ import annotations

from datetime import date

import pytest
from doccontrol.rules.control import add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2026, 3, 15), 12, date(2027, 3, 15)),
        (date(2026, 11, 30), 14, date(2028, 1, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 8, 31), 36, date(2029, 8, 31)),
    ],
)
def test_add_months_keeps_month_ends(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
