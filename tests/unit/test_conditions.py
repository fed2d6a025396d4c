"""What a condition means: three-valued logic over the answers given so far.

An answer that was never asked is unknown (None); a condition that needs it is neither
true nor false, and `not` of unknown stays unknown. Lists compare as sets. A comparison
of values of different kinds is unknown, never an error.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.rules.conditions import parse

ANSWERS: dict[str, Any] = {
    "age": 17,
    "caller": "self",
    "resident": True,
    "anonymous": False,
    "substances": ("cannabis", "alcohol"),
}

TABLE = [
    # comparisons
    ("age < 18", True),
    ("age >= 18", False),
    ("age <= 17 and age > 16", True),
    ("18 > age", True),
    ("caller == 'self'", True),
    ('caller != "relative"', True),
    ("caller in ['self', 'professional']", True),
    ("caller not in ['self']", False),
    ("'alcohol' in substances", True),
    ("'opioids' not in substances", True),
    ("substances == ['alcohol', 'cannabis']", True),  # as sets
    ("substances == ['alcohol']", False),
    ("substances != ['alcohol']", True),
    ("resident", True),
    ("not anonymous", True),
    ("resident == true", True),
    ("true", True),
    ("false", False),
    # unknown answers
    ("pregnancy == 'self'", None),
    ("not pregnancy == 'self'", None),
    ("children_at_home", None),
    ("not children_at_home", None),
    ("age < 18 and children_at_home", None),
    ("age > 18 and children_at_home", False),  # false wins over unknown in `and`
    ("age < 18 or children_at_home", True),  # true wins over unknown in `or`
    ("age > 18 or children_at_home", None),
    # kinds that do not compare
    ("age == 'seventeen'", None),
    ("caller < 3", None),
    ("age in ['17']", False),  # membership is plain: not found (the loader refuses such a list)
    ("substances in ['alcohol']", None),
    ("caller == ['self']", None),
    ("age", None),  # a number is not a truth value
    # grouping
    ("not (age < 18 and resident)", False),
    ("(age > 20 or resident) and not anonymous", True),
]


@pytest.mark.parametrize(("source", "expected"), TABLE, ids=[s for s, _ in TABLE])
def test_truth_table(source: str, expected: bool | None) -> None:
    assert parse(source).evaluate(ANSWERS) is expected


def test_nothing_answered_yet() -> None:
    assert parse("not acute_danger").evaluate({}) is None
    assert parse("true").evaluate({}) is True


ATOMS = ["age < 18", "age >= 18", "resident", "children_at_home", "caller == 'self'", "'alcohol' in substances"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=4), st.sampled_from(["and", "or"]))
def test_not_is_negation_and_de_morgan_holds(atoms: list[str], op: str) -> None:
    """`not (a and b)` is `not a or not b` in three-valued logic, whatever is unknown."""
    other = "or" if op == "and" else "and"
    left = parse(f"not ({f' {op} '.join(atoms)})").evaluate(ANSWERS)
    right = parse(f" {other} ".join(f"not ({a})" for a in atoms)).evaluate(ANSWERS)
    assert left is right
