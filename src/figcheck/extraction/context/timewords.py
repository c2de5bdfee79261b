"""Find the time expressions of a sentence and resolve them against the document's date.

One pass over the sentence's tokens. At each token the longest expression that starts
there is read (the word lists are ``data/periods.toml``):

- points: ``2023``, ``March 2024``, ``25 March 2022``, ``2022-03-25``, ``March`` and
  ``June 15`` (the latest on or before the document's date), ``Saturday's``, ``the 1990s``,
  ``last year``, ``this month``, ``Christmas Day``, ``Black Friday``;
- spans: ``between January and June``, ``2014-21``, ``the July-September quarter``,
  ``the first quarter (of 2024)``, ``the first half``, ``the three months to June``,
  ``the week to January 7``, ``the first nine months of the year``;
- fiscal years: ``fiscal 2019``, ``FY24``, ``the 2022-23 financial year``, ``the fiscal
  year that ended in March``;
- open spans: ``since 2012`` and ``since fighting began in April 2023`` (``2012/``),
  ``until 2030`` (``/2030``);
- references to another period, resolved later against the figure's own: a comparison base
  (``a year earlier``, ``the previous year``, ``on 2022``) and a repeat (``the same month``,
  ``that year``, ``full-year``).

Dates that do not date a figure are kept, marked, so that they date nothing: the
dateline (``LONDON, Jan 4 —``), the day of a statement (``said on Friday``, ``announced
... on Monday``) and a record's start (``the highest since 1996``).

>>> import datetime as dt
>>> refs = find_time_refs("Exports fell 4% in March, it said on Friday.", dt.date(2024, 4, 5))
>>> [(r.role, r.span.text) for r in refs]
[('period', '2024-03'), ('report', '2024-04-05')]
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, count, filterfalse
from typing import Final

from ...lexicon.periods import PeriodLexicon, period_lexicon
from ...regex_cache import compile_pattern
from ...timespans import TimeSpan, shift_months
from .timeref import BASE, COMPARE, OPEN, PERIOD, PRESENT, REPORT, SAME, Spec, TimeRef
from .timetokens import PLAIN, TimeTokens, WordCut

__all__ = ["find_time_refs"]

# A year, or a quarter or half written "Q3" / "H1"; each branch opens with its literal
# (the look-behinds after it), so a search skips to the candidate characters fast.
_YEARISH: Final = compile_pattern(
    r"1(?<!\d1)9\d\d(?!\d)|2(?<!\d2)0\d\d(?!\d)"
    r"|Q(?<!\wQ)[1-4]\b|q(?<!\wq)[1-4]\b|H(?<!\wH)[1-4]\b|h(?<!\wh)[1-4]\b"
)
_QUARTER: Final = compile_pattern(r"[QqHh][1-4]")  # what a quarter or half in _YEARISH starts with
# "WASHINGTON, April 5 —", "LONDON, Jan 4 (Reuters) -": the place in capitals, then the date.
_DATELINE: Final = compile_pattern(
    r"\s*+(?P<place>[^\W\d_][^\W\d_ .'-]*+(?:[ .'-]++[^\W\d_]++){0,4}?)\s*+(?:\([^)]{0,40}\)\s*+)?,"
    r"[^—–\-]{3,30}?[—–\-]"
)
_LETTERS: Final = compile_pattern(r"[^\W\d_]++")
# words between "since" and its date: "since fighting began in April 2023"
_MAX_SINCE_GAP: Final = 7
# Words before a key word where its expression may start ("between the 2011 and ...");
# "since" and "until" are key words themselves, so "since fighting began in April" is found.
_LEAD: Final = 3
_REPORT_REACH: Final = 4  # words between "said" and its day: "told reporters late on Friday"
_CLAUSE_REACH: Final = 40  # tokens looked back for "announced" before the day of an announcement


def find_time_refs(
    sentence: str,
    date: dt.date | None = None,
    *,
    lexicon: PeriodLexicon | None = None,
    words: WordCut | None = None,
) -> list[TimeRef]:
    """Every time expression in ``sentence``, in order, resolved against ``date``.

    ``words`` is the sentence cut into words (:class:`~.sentence.Tokens`), when the caller
    has it: a plain sentence is then tested for a time word by set and not cut again.
    """
    lex = lexicon if lexicon is not None else period_lexicon()
    # a plain sentence is tested for a time word by set, and its period tokens are its words'
    plain = words is not None and (sentence.isascii() or PLAIN.search(sentence) is None)
    if not _names_time(sentence, lex, words.lowers if words is not None and plain else None):
        return []  # most sentences name no period: leave them unread
    return _Scan(sentence, date, lex, words if plain else None, plain=plain).run()


def _names_time(sentence: str, lex: PeriodLexicon, lowers: list[str] | None) -> bool:
    """Does ``sentence`` hold a year, a quarter or half ("Q3") or a time keyword? ``lowers``:
    the words of a plain sentence in lower case, or None (the sentence is searched as it is).

    In a plain sentence every run of letters lies inside one word, bounded there by the word's
    ends or by a digit, "'" or "-": a word of letters only is one such run."""
    if lowers is None:
        year = _may_hold_year(sentence) and _YEARISH.search(sentence) is not None
        return year or lex.keyword_re.search(sentence.lower()) is not None
    keywords = lex.letter_keywords
    if not keywords.isdisjoint(lowers):
        return True
    if ("19" in sentence or "20" in sentence) and _YEARISH.search(sentence) is not None:
        return True
    # A letter is always inside a word, and a digit right after it in the same word: a "Q3"
    # stands only in a word that is not all letters, like the runs "mid-march" hides.
    odd = " ".join(filterfalse(str.isalpha, lowers))
    if odd and _QUARTER.search(odd) is not None and _YEARISH.search(sentence) is not None:
        return True
    return bool(odd) and not keywords.isdisjoint(_LETTERS.findall(odd))


def _may_hold_year(sentence: str) -> bool:
    """Does ``sentence`` hold what every match of ``_YEARISH`` holds: "19", "20" or a "Q"/"H"
    and a digit 1-4? (Substring tests, far cheaper than the pattern's search.)"""
    return "19" in sentence or "20" in sentence or _QUARTER.search(sentence) is not None


class _Scan(TimeTokens):
    """The readers: at each token, the longest time expression that starts there."""

    def run(self) -> list[TimeRef]:
        out: list[TimeRef] = []
        gates = self.lex.gates
        # (reader, the words it may start with after an optional "the", or None: any)
        readers: tuple[tuple[Callable[[int], tuple[int, TimeRef] | None], frozenset[str]], ...]
        readers = (
            (self.read_open, gates["open"]), (self.read_fiscal, gates["fiscal"]),
            (self.read_upto, gates["upto"]), (self.read_part, gates["part"]),
            (self.read_range, gates["range"]), (self.read_phrase, gates["phrase"]),
            (self.read_point, gates["point"]), (self.read_present, gates["present"]),
        )
        # Readers start only a few words before a word that can be part of a time expression
        # (a month, a year, "quarter", "earlier"...): "since fighting began in April 2023".
        keys, low = self.lex.hit_words, self.low
        if self.plain:  # a year is one of the set's "1900" ... "2099"
            hits = list(compress(count(), map(self.lex.hit_tokens.__contains__, low)))
        else:
            hits = [
                k for k, t in enumerate(low)
                if t in keys or (len(t) == 4 and "1900" <= t <= "2099")
            ]
        done = 0
        last = -1
        for i in (j for k in hits for j in range(max(k - _LEAD, 0), k + 1)):
            if i <= last or i < done:
                continue
            last = i
            if not self.starts_here(i):
                continue
            first = low[i]
            head = low[i + 1] if first == "the" and i + 1 < self.n else first
            if head.isdigit():
                head = "<year>" if len(head) == 4 else "<number>"
            for read, gate in readers:
                if head not in gate and first not in gate:
                    continue
                found = read(i)
                if found is not None:
                    done, ref = found
                    out.append(ref)
                    break
        return self.mark_reports(out)

    def starts_here(self, i: int) -> bool:
        """Can a time expression start at token ``i``? (A cheap test before the readers.)"""
        t = self.low[i]
        if t in self.lex.starters:
            return True
        if t.isdigit():
            if len(t) == 4:
                return "1900" <= t <= "2099"
            return len(t) <= 2 and self.tok(i + 1) in self.lex.after_number
        return t == "the" and i + 1 < self.n and self.starts_here(i + 1)

    def ref(self, i: int, j: int, role: str, span: TimeSpan | None, **kw: object) -> TimeRef:
        return TimeRef(self.starts[i], self.ends[j - 1], role, span, **kw)  # type: ignore[arg-type]

    def read_point(self, i: int) -> tuple[int, TimeRef] | None:
        found = self.point(i)
        if found is None:
            return None
        j, spec = found
        if spec[0] == "m" and (self.tok(i - 1) in ("the", "a", "an") or self.name_follows(i + 1)):
            return None  # "the March for Life": a name, not a month
        role = PERIOD
        if spec[0] in ("y", "ym") and self.tok(i - 1) in self.w["base_prep"]:
            role = BASE  # "up 4% on 2022": what the change is compared with
        day = spec[0] in ("wd", "md", "ymd")
        return j, self.ref(i, j, role, self.resolve(spec), day=day)

    def read_phrase(self, i: int) -> tuple[int, TimeRef] | None:
        found = self.phrase(i)
        if found is None:
            return None
        j, p = found
        lex = self.lex
        j = self.skip(j, "'s")
        if p in lex.base:
            unit, n = lex.base[p]
            return j, self.ref(i, j, BASE, None, unit=unit, shift=n)
        if p in lex.same:
            # "the same period of 2022": a named year; after "on"/"than" it is a base
            year = self.year(j + 1) if self.tok(j) in ("of", "in", "last") else None
            base = self.tok(i - 1) in self.w["base_prep"]
            if year is not None:
                j += 2
            if base:
                return j, self.ref(i, j, BASE, None, unit="year", shift=-1)
            # "a full-year target": names the period of what follows, never of what precedes
            modifier = self.tok(j).isalpha() and self.tok(i) not in ("the", "that")
            return j, self.ref(i, j, SAME, None, unit=lex.same[p], modifier=modifier)
        if p in lex.relative:
            unit, n = lex.relative[p]
            return j, self.ref(i, j, PERIOD, self.resolve(("rel", unit, n)), day=unit == "day")
        if not self.raw[i][0].isupper():
            return None  # "people may day-trip": a holiday is written with a capital
        return j, self.ref(i, j, PERIOD, self.resolve(("hol", p)), day=True)

    def read_present(self, i: int) -> tuple[int, TimeRef] | None:
        if self.tok(i) in self.w["present"] and self.tok(i - 1) not in ("has", "have", "had"):
            return i + 1, self.ref(i, i + 1, PRESENT, None)
        return None

    def read_open(self, i: int) -> tuple[int, TimeRef] | None:
        t = self.tok(i)
        if t in self.w["open_start"]:
            for k in range(i + 1, min(i + 1 + _MAX_SINCE_GAP, self.n)):
                inner = self.read_range(k) or self.read_part(k) or self.read_point(k)
                if inner is not None:
                    j, ref = inner
                    role = COMPARE if self.superlative_before(i) else OPEN
                    span = ref.span.since() if ref.span is not None else None
                    return j, self.ref(i, j, role, span)
                if not self.tok(k).isalpha():
                    return None
            return None
        if t in self.w["open_end"]:
            inner = self.read_point(i + 1)
            if inner is not None and inner[1].role == PERIOD:
                j, ref = inner
                return j, self.ref(i, j, OPEN, ref.span.until() if ref.span else None)
        return None

    def superlative_before(self, i: int) -> bool:
        sup = self.w["superlative"]
        for k in range(i - 1, max(i - 4, -1), -1):
            t = self.tok(k)
            if t in sup or (len(t) > 4 and t.endswith("est")):
                return True
            if not t.isalpha():
                return False
        return False

    def read_range(self, i: int) -> tuple[int, TimeRef] | None:
        k = i
        opened = self.tok(i) in self.w["range_start"]
        if opened:
            k = self.skip(i + 1, "the")
        a = self.point(k)
        if a is None or a[1][0] not in ("y", "m", "ym", "md", "ymd"):
            return None
        j, sa = a
        join = self.tok(j)
        if not (join in self.w["range_join"] or (join in ("-", "–", "/") and not opened)):
            return None
        if join == "and" and not opened:
            return None
        if sa[0] == "y" and join in ("-", "–", "/") and len(self.tok(j + 1)) == 2:
            yy = self.num(j + 1)
            end = (sa[1] // 100) * 100 + (yy or 0)
            if yy is None or end <= sa[1]:
                return None
            b: tuple[int, Spec] | None = (j + 2, ("y", end))
        else:
            b = self.point(self.skip(j + 1, "the"))
        if b is None:
            return None
        j, sb = b
        ends = self.range_ends(sa, sb)
        if ends is None:
            return None
        j = self.skip(j, "quarter")
        span = ends[0].through(ends[1])
        return j, self.ref(i, j, PERIOD, span, ends=ends if opened else None)

    def range_ends(self, sa: Spec, sb: Spec) -> tuple[TimeSpan, TimeSpan] | None:
        ka, kb = sa[0], sb[0]
        if ka == "y" and kb == "y":
            if sb[1] <= sa[1]:
                return None
            return TimeSpan.point((sa[1],)), TimeSpan.point((sb[1],))
        if ka in ("m", "md") and kb in ("m", "ym", "md", "ymd"):
            b = self.resolve(sb)
            if b is None or b.last is None:
                return None
            y = b.last[0] - (1 if sa[1] > sb[2 if kb in ("ym", "ymd") else 1] else 0)
            start = (y, sa[1]) if ka == "m" else (y, sa[1], sa[2])
            return TimeSpan.point(start), b
        a, b = self.resolve(sa), self.resolve(sb)
        if a is None or b is None or a.first_day is None or b.last_day is None:
            return None
        if a.first_day > b.last_day:
            return None
        return a, b

    def read_fiscal(self, i: int) -> tuple[int, TimeRef] | None:
        w = self.w
        k = self.skip(i, "the")
        y = self.year(k)
        if y is not None:  # "the 2022-23 financial year"
            j, end = self.year_pair(k, y)
            if self.tok(j) in w["fiscal"] and self.tok(j + 1) in w["fiscal_year"]:
                return j + 2, self.ref(i, j + 2, PERIOD, TimeSpan.fiscal_year(y, end))
            return None
        if self.tok(k) not in w["fiscal"]:
            return None
        j = k + 1
        named_year = self.tok(j) in w["fiscal_year"]
        j += named_year
        if self.tok(k) == "fy" and self.tok(j).isdigit() and len(self.tok(j)) == 2:
            y = 2000 + int(self.tok(j))
        else:
            y = self.year(j)
        if y is not None and (named_year or self.tok(k) in ("fiscal", "financial", "fy")):
            j, end = self.year_pair(j, y)
            return j, self.ref(i, j, PERIOD, TimeSpan.fiscal_year(y, end))
        if named_year:  # "the fiscal year that ended in March"
            j = self.skip(j, "that", "which")
            if self.tok(j) in w["up_to"]:
                inner = self.point(self.skip(j + 1, "in", "on"))
                if inner is not None and inner[1][0] in ("m", "ym", "md", "ymd"):
                    ended = self.resolve(inner[1])
                    if ended is not None and ended.last is not None:
                        ey, em = ended.last[0], ended.last[1]
                        span = TimeSpan.fiscal_year(ey if em == 12 else ey - 1, ey)
                        return inner[0], self.ref(i, inner[0], PERIOD, span)
        return None

    def read_upto(self, i: int) -> tuple[int, TimeRef] | None:
        w = self.w
        k = self.skip(i, "the")
        n = self.count(k)
        k += n is not None
        unit = self.tok(k)
        if unit in w["year"] and n is None:
            n, months = 1, 12
        elif unit in w["quarter"]:
            months = 3 * (n or 1)
        elif unit in w["month"] and n:
            months = n
        elif unit in w["week"]:
            months = 0
        else:
            return None
        if self.tok(k + 1) not in w["up_to"]:
            return None
        inner = self.point(self.skip(k + 2, "in", "on"))
        if inner is None:
            return None
        j, spec = inner
        end = self.resolve(spec)
        if end is None or end.last is None:
            return j, self.ref(i, j, PERIOD, None)
        if months == 0:
            last = end.last_day
            if last is None or len(end.last) < 3:
                return None
            first = last - dt.timedelta(days=7 * (n or 1) - 1)
            return j, self.ref(i, j, PERIOD, TimeSpan.days(first, last))
        if len(end.last) < 2:
            return None
        y0, m0 = shift_months(end.last[0], end.last[1], 1 - months)
        return j, self.ref(i, j, PERIOD, TimeSpan.months(y0, m0, end.last[0], end.last[1]))

    def read_part(self, i: int) -> tuple[int, TimeRef] | None:
        """Quarters and halves: "the first quarter", "Q3 2024", "the December quarter",
        "the first half of 2023", "the first nine months of the year"."""
        w, lex = self.w, self.lex
        k = self.skip(i, "the")
        t = self.tok(k)
        size = 0
        nth: int | None = None
        j = k
        if t in lex.ordinals and self.tok(k + 1) in w["quarter"] | w["half"]:
            nth, size, j = lex.ordinals[t], 3 if self.tok(k + 1) in w["quarter"] else 6, k + 2
        elif (t in ("q", "h") and self.tok(k + 1).isdigit() and self.glued(k + 1)
              and not self.glued(k + 2)):
            nth, size, j = int(self.tok(k + 1)), 3 if t == "q" else 6, k + 2
        elif t == "first" and self.count(k + 1) and self.tok(k + 2) in w["month"]:
            first_n = self.count(k + 1) or 0
            if not 1 <= first_n <= 12:
                return None
            j = k + 3
            year = self.part_year(j)
            if year is None:
                return None
            j, y = year
            if y is None and self.date is not None:
                y = self.date.year
            span = None if y is None else TimeSpan.months(y, 1, y, first_n)
            return j, self.ref(i, j, PERIOD, span)
        elif self.month(k) is not None and self.tok(k + 1) in w["quarter"] and k > i:
            ending = self.resolve(("m", self.month(k)))
            j = k + 2
            if ending is None or ending.last is None:
                return j, self.ref(i, j, PERIOD, None)
            y0, m0 = shift_months(ending.last[0], ending.last[1], -2)
            return j, self.ref(i, j, PERIOD, TimeSpan.months(y0, m0, *ending.last))
        else:
            return None
        parts = 12 // size
        if nth == -1:
            nth = parts
        if nth is None or not 1 <= nth <= parts:
            return None
        fiscal = w["fiscal"]
        if self.tok(k - 1) in fiscal:  # "its fiscal second quarter": calendar unknown
            return j, self.ref(i, j, PERIOD, None)
        if self.tok(j) == "of" and self.tok(j + 1) in fiscal:  # "the third quarter of fiscal 2023"
            y = self.year(j + 2)
            end = self.year_pair(j + 2, y)[0] if y is not None else j + 2
            return end, self.ref(i, end, PERIOD, None)
        m1 = (nth - 1) * size + 1
        year = self.part_year(j)
        if year is None:
            return None
        j, y = year
        if y is None:
            if self.date is None:
                return j, self.ref(i, j, PERIOD, None)
            if t == "last" and k == i:  # "last quarter": the one before the document's
                y, m1 = shift_months(self.date.year, self.date.month - (self.date.month - 1) % size,
                                     -size)
            else:
                y = self.date.year if (self.date.month >= m1) else self.date.year - 1
        return j, self.ref(i, j, PERIOD, TimeSpan.months(y, m1, y, m1 + size - 1))

    def part_year(self, j: int) -> tuple[int, int | None] | None:
        """ "of 2023", "2023", "of the year", "of this year", "of last year", or nothing."""
        y = self.year(j)
        if y is not None:
            return j + 1, y
        if self.tok(j) != "of":
            return j, None
        y = self.year(j + 1)
        if y is not None:
            return j + 2, y
        if self.tok(j + 1) == "the" and self.tok(j + 2) in self.w["year"]:
            return j + 3, self.date.year if self.date else None
        found = self.phrase(j + 1)
        if found is not None and found[1] in self.lex.relative:
            unit, n = self.lex.relative[found[1]]
            if unit == "year":
                return found[0], self.date.year + n if self.date else None
        return None

    # --- dates that date nothing ---------------------------------------------------------

    def mark_reports(self, refs: list[TimeRef]) -> list[TimeRef]:
        if not refs:
            return refs
        cut = -1
        head = self.text[:40].lstrip()[:2]
        # a place in capitals: "Sales rose ..." (a lower-case letter second) opens none
        if len(head) < 2 or not (head[1].islower() and head[1].isalpha()):
            dateline = _DATELINE.match(self.text)
            if dateline is not None and dateline["place"].isupper():
                cut = dateline.end()
        out = []
        for ref in refs:
            if ref.start < cut or (ref.role == PERIOD and ref.day and self.said_on(ref.start)):
                ref = TimeRef(ref.start, ref.end, REPORT, ref.span, day=ref.day)
            out.append(ref)
        return out

    def said_on(self, at: int) -> bool:
        """Is the day at offset ``at`` when something was said or published?"""
        i = bisect_left(self.starts, at)
        w = self.w
        k = i - 1
        steps = 0
        while k >= 0 and steps <= _REPORT_REACH:
            t = self.tok(k)
            if t in w["report_verbs"]:
                return True
            if not t.isalpha():
                break
            k -= 1
            steps += 1
        stop = max(k - _CLAUSE_REACH, -1)
        while k > stop:  # "announced plans for 5,000 homes on Monday"
            t = self.tok(k)
            if t in w["publish_verbs"]:
                return True
            if t == "," and self.tok(k - 1).isdigit() and self.glued(k) and self.glued(k + 1):
                k -= 1  # "5,000"
                continue
            if t in (",", ";", ":", "—", "–", "(") or t in w["report_verbs"]:
                return False
            k -= 1
        return False

