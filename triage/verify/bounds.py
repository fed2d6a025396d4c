"""Bounds on the proof's work, so data under the size limit cannot take minutes or gigabytes.

``check`` and ``diff`` walk every class of conversation the conditions tell apart. Thirty
substance options that a rule names made 2**30 classes of one answer (``check`` ended in a
``MemoryError``), and 25 new yes/no questions made ``check`` run for minutes. Both are refused
before anything is enumerated, in one line that names the limit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sized

from triage.data.paths import FLOW_FILE
from triage.rules.errors import DataError, Problem

# The product of every question's class count: an upper bound on the conversations walked
# (the shipped data: at most 2,985,984, of which about 46,000 are reachable; a few seconds).
# Contract v3's "ved ikke" to children at home, a pregnancy and a psychiatric disorder made
# every product 3 times larger (3/2 x 4/3 x 3/2), so the limit grew as much: 50 to 150 million.
MAX_CLASS_PRODUCT = 150_000_000
# The options of one several-answers question that conditions name: each one doubles its classes.
MAX_NAMED_OPTIONS = 16


def bound_named_options(qid: str, named: int) -> None:
    if named > MAX_NAMED_OPTIONS:
        raise DataError(
            Problem(
                FLOW_FILE,
                qid,
                f"conditions name {named} of its options; the proof can tell apart at most {MAX_NAMED_OPTIONS}"
                " (each doubles the conversations to check)",
            )
        )


def bound_classes(domains: Mapping[str, Sized], municipality: str) -> None:
    product = math.prod(len(values) for values in domains.values())
    if product > MAX_CLASS_PRODUCT:
        raise DataError(
            Problem(
                FLOW_FILE,
                "questions",
                f"the answers tell apart up to {product:.2g} conversations for {municipality}; the proof walks at"
                f" most {MAX_CLASS_PRODUCT:,} (fewer questions, or fewer values that conditions read)",
            )
        )
