"""A rule's condition as a sentence in the call's language, for the sources screen.

``age >= 13 and age <= 25 and wants_treatment`` reads "alder 13–25 og ønsker behandling":
the names become the questions' short labels, the values the options' labels, and the
bounds on one number are joined into a range. Read from the parsed condition
(``triage.rules.conditions.parse``), never evaluated here.
"""

from __future__ import annotations

from triage.output.i18n import t
from triage.rules.conditions import And, Compare, ConditionError, ListLiteral, Literal, Name, Node, Not, Or, parse
from triage.rules.model import UNKNOWN, Flow, Lang

LEVEL = "level"  # the service level, which a rule for an offer or a notification may read


def condition_sentence(source: str, flow: Flow, lang: Lang, place: str | None = None) -> str:
    """``source`` as a sentence; the source itself if it cannot be parsed. ``place``: the
    municipality's name, for ``{municipality}`` in a question's short label."""
    try:
        root = parse(source).root
    except ConditionError:
        return source
    return _Sentence(flow, lang, place).node(root, top=True)


class _Sentence:
    def __init__(self, flow: Flow, lang: Lang, place: str | None = None) -> None:
        self.flow, self.lang, self.place = flow, lang, place

    def name(self, name: str) -> str:
        if name == LEVEL:
            return t("service_level", self.lang).lower()
        q = self.flow.question(name)
        if q is None:
            return name
        short = q.short_label(self.lang, self.place)
        return short[:1].lower() + short[1:]

    def value(self, name: str, value: object) -> str:
        if isinstance(value, bool):
            return t("yes" if value else "no", self.lang).lower()
        if name == LEVEL and isinstance(value, str):
            term = self.flow.term("levels", value)
            return term.label.get(self.lang) if term else value
        q = self.flow.question(name)
        opt = q.option(str(value)) if q is not None else None
        if opt is None and value == UNKNOWN:  # `age == 'unknown'`: the answer "ved ikke"
            return t("unknown_answer", self.lang).lower()
        return opt.label.get(self.lang) if opt is not None else str(value)

    def either(self, name: str, values: tuple[object, ...]) -> str:
        shown = [self.value(name, v) for v in values]
        return f" {t('cond_or', self.lang)} ".join(shown)

    def node(self, node: Node, *, top: bool = False) -> str:
        if isinstance(node, Name):
            return self.name(node.name)
        if isinstance(node, Not):
            inner = node.operand
            if isinstance(inner, Name):
                return f"{t('cond_not', self.lang)} {self.name(inner.name)}"
            return f"{t('cond_not', self.lang)} ({self.node(inner)})"
        if isinstance(node, Compare):
            return self.compare(node)
        if isinstance(node, And):
            parts = self.ranges(node.items)
            return self.join(parts, t("cond_and", self.lang))
        if isinstance(node, Or):
            text = self.join([self.node(i) for i in node.items], t("cond_or", self.lang))
            return text if top else f"({text})"
        if isinstance(node, Literal):
            return str(node.value)
        return ", ".join(str(i) for i in node.items)

    def join(self, parts: list[str], word: str) -> str:
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"

    def ranges(self, items: tuple[Node, ...]) -> list[str]:
        """Each item, with ``age >= 13`` and ``age <= 25`` joined into ``alder 13–25``."""
        low: dict[str, int] = {}
        high: dict[str, int] = {}
        for i in items:
            if isinstance(i, Compare) and isinstance(i.left, Name) and isinstance(i.right, Literal):
                v = i.right.value
                if isinstance(v, int) and not isinstance(v, bool):
                    if i.op in (">=", ">"):
                        low[i.left.name] = v + (i.op == ">")
                    elif i.op in ("<=", "<"):
                        high[i.left.name] = v - (i.op == "<")
        both = set(low) & set(high)
        out, done = [], set()
        for i in items:
            key = i.left.name if isinstance(i, Compare) and isinstance(i.left, Name) else None
            if key in both and isinstance(i, Compare) and i.op in (">=", ">", "<=", "<"):
                if key not in done:
                    done.add(key)
                    out.append(f"{self.name(key)} {low[key]}–{high[key]}")
                continue
            out.append(self.node(i))
        return out

    def compare(self, node: Compare) -> str:
        left, right, op = node.left, node.right, node.op
        if isinstance(left, Literal) and isinstance(right, Name) and op in ("in", "not in"):
            # 'alcohol' in substances
            word = "cond_includes" if op == "in" else "cond_excludes"
            return f"{self.name(right.name)} {t(word, self.lang)} {self.value(right.name, left.value)}"
        if not isinstance(left, Name):
            return f"{self.node(left)} {op} {self.node(right)}"
        name = left.name
        if isinstance(right, ListLiteral):
            if op in ("in", "not in"):
                neg = f" {t('cond_not', self.lang)}" if op == "not in" else ""
                return f"{self.name(name)}:{neg} {self.either(name, right.items)}"
            shown = " + ".join(self.value(name, v) for v in right.items)
            if op == "==":
                return f"{self.name(name)}: {t('cond_only', self.lang)} {shown}"
            return f"{self.name(name)}: {t('cond_not_only', self.lang)} {shown}"
        if isinstance(right, Literal):
            v = right.value
            if isinstance(v, int) and not isinstance(v, bool):
                words = {"<": "cond_under", "<=": "cond_at_most", ">": "cond_over", ">=": "cond_at_least"}
                if op in words:
                    return f"{self.name(name)} {t(words[op], self.lang)} {v}"
                return f"{self.name(name)} {v}" if op == "==" else f"{self.name(name)} {t('cond_not', self.lang)} {v}"
            neg = f"{t('cond_not', self.lang)} " if op == "!=" else ""
            return f"{self.name(name)}: {neg}{self.value(name, v)}"
        return f"{self.name(name)} {op} {self.node(right)}"
