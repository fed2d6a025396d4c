"""A tiny, safe condition language for the ``when`` of questions and rules.

Data files must never run code, so conditions are parsed by this small recursive-descent
parser into a tree of frozen dataclasses, once, at load time; there is no eval or exec.
Every error carries the column where it happened, so a maintainer is pointed at the
exact character of the TOML file.

    not acute_danger and caller != 'relative' and age < 18
    'alcohol' in substances        substances == ['alcohol']   (lists compare as sets)

Evaluation is three-valued: an answer that was never asked is unknown (None), and a
condition that needs it is not true.
"""

from __future__ import annotations

import datetime
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol
from typing import Literal as TypingLiteral

from triage.rules.record import Record

Value = bool | int | str | datetime.date | tuple[str, ...]
Scalar = bool | int | str

# The answer "not known" to a number question (model.UNKNOWN): `age == 'unknown'` tests for it.
UNKNOWN_TEXT = "unknown"
KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})


class ConditionError(Exception):
    """A condition that does not parse or does not fit the declared answers."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"column {column}: {message}")
        self.message = message
        self.column = column


class Name(Record):
    name: str
    column: int


class Literal(Record):
    value: Scalar
    column: int


class ListLiteral(Record):
    items: tuple[Scalar, ...]
    column: int


class Compare(Record):
    op: str
    left: Node
    right: Node
    column: int


class And(Record):
    items: tuple[Node, ...]


class Or(Record):
    items: tuple[Node, ...]


class Not(Record):
    operand: Node


Node = Name | Literal | ListLiteral | Compare | And | Or | Not


# --- tokens --------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<int>-?\d+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<punct>[()\[\],])
  | (?P<string>'[^']*'|"[^"]*")
    """,
    re.VERBOSE,
)


class _Tok(Record):
    kind: str  # int, name, kw, op, punct, string, end
    text: str
    column: int


MAX_TOKENS = 1000  # names, values, operators and brackets; the shipped conditions have at most 29


def _tokenize(source: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            ch = source[pos]
            if ch in "'\"":
                raise ConditionError("unterminated string", pos + 1)
            raise ConditionError(f"unexpected character {ch!r}", pos + 1)
        kind = m.lastgroup or ""
        if kind != "space":
            text = m.group()
            if kind == "name" and text in KEYWORDS:
                kind = "kw"
            toks.append(_Tok(kind, text, pos + 1))
            if len(toks) > MAX_TOKENS:  # issue 22: a 1.15-million-term `or` took 69 s and 2.9 GB to load
                raise ConditionError(f"condition is too long (more than {MAX_TOKENS} terms)", pos + 1)
        pos = m.end()
    toks.append(_Tok("end", "", len(source) + 1))
    return toks


def _describe(tok: _Tok) -> str:
    return "end of expression" if tok.kind == "end" else repr(tok.text)


class _Parser:
    def __init__(self, source: str) -> None:
        self.toks = _tokenize(source)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i = min(self.i + 1, len(self.toks) - 1)
        return tok

    def at(self, kind: str, text: str | None = None) -> bool:
        return self.tok.kind == kind and (text is None or self.tok.text == text)

    def expect(self, kind: str, text: str) -> _Tok:
        if not self.at(kind, text):
            raise ConditionError(f"expected {text!r} but found {_describe(self.tok)}", self.tok.column)
        return self.take()

    def parse(self) -> Node:
        if self.at("end"):
            raise ConditionError("empty condition", self.tok.column)
        node = self.or_expr()
        if not self.at("end"):
            raise ConditionError(f"unexpected {_describe(self.tok)} after a complete condition", self.tok.column)
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.at("kw", "or"):
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items = [self.not_expr()]
        while self.at("kw", "and"):
            self.take()
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_expr(self) -> Node:
        if self.at("kw", "not"):
            self.take()
            return Not(self.not_expr())
        return self.comparison()

    def comparison(self) -> Node:
        left = self.atom()
        tok = self.tok
        op: str | None = None
        if tok.kind == "op":
            op = tok.text
            self.take()
        elif self.at("kw", "in"):
            op = "in"
            self.take()
        elif self.at("kw", "not") and self.toks[self.i + 1].kind == "kw" and self.toks[self.i + 1].text == "in":
            op = "not in"
            self.take()
            self.take()
        if op is None:
            return left
        return Compare(op, left, self.atom(), tok.column)

    def atom(self) -> Node:
        tok = self.tok
        if tok.kind == "name":
            self.take()
            return Name(tok.text, tok.column)
        if tok.kind in ("int", "string") or (tok.kind == "kw" and tok.text in ("true", "false")):
            return Literal(self.scalar(), tok.column)
        if self.at("punct", "["):
            self.take()
            items: list[Scalar] = []
            while not self.at("punct", "]"):
                if self.tok.kind == "name":
                    raise ConditionError("list items must be literal values, not answers", self.tok.column)
                if self.tok.kind == "end":
                    raise ConditionError("expected ']' but found end of expression", self.tok.column)
                items.append(self.scalar())
                if self.at("punct", ","):
                    self.take()
                elif not self.at("punct", "]"):
                    raise ConditionError(f"expected ',' or ']' but found {_describe(self.tok)}", self.tok.column)
            self.take()
            return ListLiteral(tuple(items), tok.column)
        if self.at("punct", "("):
            self.take()
            node = self.or_expr()
            self.expect("punct", ")")
            return node
        raise ConditionError(f"expected an answer or a value but found {_describe(tok)}", tok.column)

    def scalar(self) -> Scalar:
        tok = self.tok
        if tok.kind == "int":
            self.take()
            return int(tok.text)
        if tok.kind == "string":
            self.take()
            return tok.text[1:-1]
        if tok.kind == "kw" and tok.text in ("true", "false"):
            self.take()
            return tok.text == "true"
        raise ConditionError(f"expected a value but found {_describe(tok)}", tok.column)


# --- evaluation ----------------------------------------------------------------------

_Operand = Value | tuple[Scalar, ...] | None


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _compare(op: str, a: _Operand, b: _Operand) -> bool | None:
    """The general comparison (``_compile_compare`` has shortcuts for the common forms)."""
    if a is None or b is None:
        return None
    if op in ("==", "!="):
        equal = _equal(a, b)
        return None if equal is None else equal is (op == "==")
    if op in ("in", "not in"):
        if not isinstance(b, tuple) or isinstance(a, tuple):
            return None
        return (a in b) is (op == "in")
    return _ordered(op, a, b)


def _equal(a: _Operand, b: _Operand) -> bool | None:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)  # lists compare as sets
    if isinstance(a, tuple) or isinstance(b, tuple):
        return None
    if type(a) is not type(b):
        return False if UNKNOWN_TEXT in (a, b) else None  # `age == 'unknown'` with a known age (or yes/no)
    return a == b


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _ordered(op: str, a: _Operand, b: _Operand) -> bool | None:
    both_int = _is_int(a) and _is_int(b)
    both_date = isinstance(a, datetime.date) and isinstance(b, datetime.date)
    if not (both_int or both_date):
        return None
    return _ORDER[op](a, b)


Trace = dict[int, "bool | None"]  # the value of each node, by ``id(node)``, as one evaluation found it


class Evaluator(Protocol):
    def __call__(self, answers: Mapping[str, Value], record: Trace | None = None, /) -> bool | None: ...


def compile_node(node: Node) -> Evaluator:
    """A tree as nested closures, built once: ``triage check`` evaluates every rule for
    thousands of answer classes, and dispatching on node types each time was most of it.

    The one evaluator of the language. Given a ``record`` dict, it also notes the value of
    every node it evaluates (and then evaluates every part of an ``and``/``or``, not only up
    to the first that decides): that trace is what ``explain`` reads to say which answers
    decided, so the explanation cannot disagree with the decision. Without one (the hot
    path of the proof) it costs one test per node.
    """
    key = id(node)
    if isinstance(node, And | Or):
        parts = tuple(compile_node(item) for item in node.items)
        decisive = isinstance(node, Or)  # the value that ends the search: True for or, False for and

        def any_or_all(answers: Mapping[str, Value], record: Trace | None = None) -> bool | None:
            result: bool | None = not decisive
            for part in parts:
                v = part(answers, record)
                if v is decisive:
                    if record is None:
                        return decisive
                    result = decisive
                elif v is None and result is not decisive:
                    result = None
            if record is not None:
                record[key] = result
            return result

        return any_or_all
    if isinstance(node, Not):
        inner = compile_node(node.operand)

        def negation(answers: Mapping[str, Value], record: Trace | None = None) -> bool | None:
            v = inner(answers, record)
            result = None if v is None else not v
            if record is not None:
                record[key] = result
            return result

        return negation
    if isinstance(node, Compare):
        test = _compile_compare(node)
    elif isinstance(node, Name):
        name = node.name

        def test(answers: Mapping[str, Value]) -> bool | None:
            v = answers.get(name)
            return v if isinstance(v, bool) else None

    else:
        constant = node.value if isinstance(node, Literal) and isinstance(node.value, bool) else None

        def test(_answers: Mapping[str, Value]) -> bool | None:
            return constant

    def leaf(answers: Mapping[str, Value], record: Trace | None = None) -> bool | None:
        v = test(answers)
        if record is not None:
            record[key] = v
        return v

    return leaf


Test = Callable[[Mapping[str, Value]], "bool | None"]


def _compile_compare(node: Compare) -> Test:
    op, left, right = node.op, node.left, node.right
    if isinstance(left, Name) and isinstance(right, Literal) and op in ("<", "<=", ">", ">="):
        name, k = left.name, right.value
        if _is_int(k):  # the common `age < 18`: skip the general kind checks
            less, equal_ok = op in ("<", "<="), op in ("<=", ">=")

            def order(answers: Mapping[str, Value]) -> bool | None:
                v = answers.get(name)
                if type(v) is not int:
                    return None
                if v == k:
                    return equal_ok
                return (v < k) is less  # type: ignore[operator]

            return order
    if isinstance(left, Name) and isinstance(right, Literal) and op in ("==", "!=") and isinstance(right.value, str):
        name, text, same = left.name, right.value, op == "=="

        def equals(answers: Mapping[str, Value]) -> bool | None:  # `caller == 'relative'`, `age == 'unknown'`
            v = answers.get(name)
            if type(v) is str:
                return (v == text) is same
            if text == UNKNOWN_TEXT and type(v) in (int, bool):
                return not same  # a known number or yes/no is not "unknown"
            return None

        return equals
    if isinstance(left, Name) and isinstance(right, ListLiteral) and op in ("in", "not in"):
        name, items, member = left.name, frozenset(right.items), op == "in"

        def one_of(answers: Mapping[str, Value]) -> bool | None:  # `level in ['a', 'b']`
            v = answers.get(name)
            if v is None or isinstance(v, tuple):
                return None
            return (v in items) is member

        return one_of
    get_left, get_right = _operand(left), _operand(right)

    def general(answers: Mapping[str, Value]) -> bool | None:
        return _compare(op, get_left(answers), get_right(answers))

    return general


def _operand(node: Node) -> Callable[[Mapping[str, Value]], _Operand]:
    if isinstance(node, Name):
        name = node.name
        return lambda answers: answers.get(name)
    if isinstance(node, Literal):
        value: _Operand = node.value
        return lambda _answers: value
    if isinstance(node, ListLiteral):
        items = node.items
        return lambda _answers: items
    inner = compile_node(node)  # the type check refuses this; kept total for hostile trees
    return lambda answers: inner(answers, None)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, And | Or):
        for item in node.items:
            yield from _walk(item)
    elif isinstance(node, Not):
        yield from _walk(node.operand)
    elif isinstance(node, Compare):
        yield from _walk(node.left)
        yield from _walk(node.right)


class Condition(Record):
    """A parsed condition: its source text and its tree."""

    source: str
    root: Node

    def evaluate(self, answers: Mapping[str, Value]) -> bool | None:
        """True, False, or None when it depends on an answer that is unknown."""
        # Compiled on first use (also after unpickling) and kept as this instance's own
        # `evaluate`, so that later calls go straight to the closures.
        fn = self.__dict__["evaluate"] = self.compiled()  # record=None by default: no trace
        return fn(answers)

    def compiled(self) -> Evaluator:
        fn: Evaluator | None = self.__dict__.get("_compiled")
        if fn is None:
            fn = self.__dict__["_compiled"] = compile_node(self.root)
        return fn

    def trace(self, answers: Mapping[str, Value]) -> tuple[bool | None, Trace]:
        """The value, and the value of every node on the way (see ``compile_node``)."""
        record: Trace = {}
        return self.compiled()(answers, record), record

    def names(self) -> frozenset[str]:
        return frozenset(n.name for n in _walk(self.root) if isinstance(n, Name))

    def comparisons(self) -> tuple[Compare, ...]:
        return tuple(n for n in _walk(self.root) if isinstance(n, Compare))


def parse(source: str) -> Condition:
    """Parse ``source``; raises ``ConditionError`` (and nothing else) when it is not a condition."""
    try:
        return Condition(source, _Parser(source).parse())
    except RecursionError:
        raise ConditionError("condition is nested too deeply", 1) from None


TRUE = Condition("true", Literal(True, 1))


# --- load-time type check ------------------------------------------------------------


class AnswerType(Record):
    """What kind of value an answer holds, for checking conditions against it."""

    kind: TypingLiteral["bool", "int", "choice", "multi", "date"]
    options: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


def check(condition: Condition, types: Mapping[str, AnswerType]) -> list[ConditionError]:
    """Every problem of ``condition`` against the declared answers, in source order."""
    errors: list[ConditionError] = []

    def known(name: Name) -> AnswerType | None:
        t = types.get(name.name)
        if t is None:
            import difflib  # only when a name is unknown

            close = difflib.get_close_matches(name.name, list(types), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            errors.append(ConditionError(f"unknown answer '{name.name}'{hint}", name.column))
        return t

    def option(name: str, t: AnswerType, value: Scalar, column: int) -> None:
        if not isinstance(value, str):
            errors.append(ConditionError(f"cannot compare {name} ({t.kind}) with {value!r}", column))
        elif value not in t.options:
            errors.append(
                ConditionError(
                    f"'{value}' is not an option of {name} (options: {', '.join(t.options)})",
                    column,
                )
            )

    def boolean(node: Node) -> None:
        if isinstance(node, And | Or):
            for item in node.items:
                boolean(item)
        elif isinstance(node, Not):
            boolean(node.operand)
        elif isinstance(node, Compare):
            compare(node)
        elif isinstance(node, Name):
            t = known(node)
            if t is not None and t.kind != "bool":
                errors.append(ConditionError(f"answer '{node.name}' is {t.kind}, not a yes/no answer", node.column))
        elif isinstance(node, ListLiteral):
            errors.append(ConditionError("a list is not a yes/no condition", node.column))

    def compare(node: Compare) -> None:
        left, right = node.left, node.right
        if isinstance(left, Literal | ListLiteral) and isinstance(right, Name) and node.op not in ("in", "not in"):
            left, right = right, left
        for side in (left, right):
            if not isinstance(side, Name | Literal | ListLiteral):
                errors.append(ConditionError(f"'{node.op}' compares values, not conditions", node.column))
                return
        if isinstance(left, Name):
            t = known(left)
            if isinstance(right, Name):
                known(right)
                return
            if t is None:
                return
            if node.op in ("in", "not in"):
                if not isinstance(right, ListLiteral):
                    errors.append(ConditionError(f"'{node.op}' needs a list on its right", node.column))
                    return
                for item in right.items:
                    _check_scalar(left.name, t, item, right.column)
                return
            if t.kind == "multi":
                if node.op not in ("==", "!=") or not isinstance(right, ListLiteral):
                    errors.append(ConditionError(f"{left.name} is a list: use 'in' or == [...]", node.column))
                    return
                for item in right.items:
                    option(left.name, t, item, right.column)
                return
            if isinstance(right, ListLiteral):
                errors.append(ConditionError(f"cannot compare {left.name} ({t.kind}) with a list", right.column))
                return
            if isinstance(right, Literal):
                _check_scalar(left.name, t, right.value, right.column, node.op)
            return
        if isinstance(left, Literal) and node.op in ("in", "not in"):
            if isinstance(right, Name):
                t = known(right)
                if t is not None:
                    if t.kind != "multi":
                        errors.append(
                            ConditionError(
                                f"'{node.op}' needs a list, and {right.name} is {t.kind}",
                                node.column,
                            )
                        )
                    else:
                        option(right.name, t, left.value, left.column)
            return

    def _check_scalar(name: str, t: AnswerType, value: Scalar, column: int, op: str = "==") -> None:
        kind = "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"
        if t.kind in ("choice", "multi"):
            option(name, t, value, column)
        elif t.kind == "int":
            if value == UNKNOWN_TEXT and op in ("==", "!="):
                return  # `age == 'unknown'`: the answer "ved ikke" (Question.allow_unknown)
            if kind != "int":
                errors.append(ConditionError(f"cannot compare {name} (int) with {value!r}", column))
        elif t.kind == "bool":
            if value == UNKNOWN_TEXT and op in ("==", "!="):
                return  # `psychiatric_disorder == 'unknown'`: "ved ikke"
            if kind != "bool" or op not in ("==", "!=", "in", "not in"):
                errors.append(ConditionError(f"cannot compare {name} (bool) with {value!r} using '{op}'", column))
        elif t.kind == "date" and kind != "str":
            errors.append(ConditionError(f"cannot compare {name} (date) with {value!r}", column))

    boolean(condition.root)
    errors.sort(key=lambda e: e.column)
    return errors


# --- explanation ---------------------------------------------------------------------

_OP_TEXT = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}
_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
ALL_VALUES: frozenset[bool | None] = frozenset({True, False, None})


def _keeping(node: Node, record: Trace, want: frozenset[bool | None]) -> Iterator[Node]:
    """The leaves (names and comparisons) whose answers, left as they are, keep ``node``'s value in ``want``.

    ``and`` true needs every part; ``and`` false needs one false part (the first); ``or`` the
    other way round. It reads the values that the evaluation recorded (``Condition.trace``),
    never evaluates again: this is the trace of what a condition read to decide, no more.
    """
    if want >= ALL_VALUES:
        return
    if isinstance(node, Not):
        yield from _keeping(node.operand, record, frozenset(None if w is None else not w for w in want))
    elif isinstance(node, And | Or):
        decisive = isinstance(node, Or)
        if decisive in want and (not decisive) not in want:
            for item in node.items:
                if record[id(item)] in want:
                    yield from _keeping(item, record, want)
                    return
        elif (not decisive) in want and decisive not in want:
            for item in node.items:
                yield from _keeping(item, record, want)
        else:
            for item in node.items:
                yield from _keeping(item, record, frozenset({record[id(item)]}))
    elif isinstance(node, Name | Compare):
        yield node


def explain(condition: Condition, answers: Mapping[str, Value], want: frozenset[bool | None]) -> list[tuple[str, str]]:
    """What ``condition`` read to have a value in ``want`` (``{True}``: it holds; ``{False, None}``:
    it does not): ``(answer, test)`` pairs in source order, the test as ``< 18`` or ``≥ 26``
    where an answer was compared with a number, else empty. Changing any other answer
    leaves the condition's value in ``want``."""
    _, record = condition.trace(answers)
    out: list[tuple[str, str]] = []
    for leaf in _keeping(condition.root, record, want):
        if isinstance(leaf, Name):
            out.append((leaf.name, ""))
            continue
        names = [s.name for s in (leaf.left, leaf.right) if isinstance(s, Name)] if isinstance(leaf, Compare) else []
        test = ""
        if isinstance(leaf, Compare) and isinstance(leaf.left, Name) and isinstance(leaf.right, Literal):
            held = record[id(leaf)]
            if held is not None and _is_int(leaf.right.value):
                op = leaf.op if held else _NEGATED.get(leaf.op, leaf.op)
                test = f"{_OP_TEXT.get(op, op)} {leaf.right.value}"
        out += [(n, test) for n in names]
    return out
