"""The learning log: what many interviews add up to, and what to practise next.

Each :class:`LogEntry` is one application with what the candidate wrote about
it: at most one scorecard and one set of notes per interview round (each
belongs to the round that ended last before it was written), and any
feedback received. A
:class:`LearningLog` reads all of its entries at once and answers four
questions:

- how each :class:`~postinterview.reflection.Criterion` scored over time, and
  whether it is improving (:attr:`LearningLog.criteria`);
- which questions come up again and again, and how well they went
  (:attr:`LearningLog.questions`);
- which preparation gaps keep showing (:attr:`LearningLog.gaps`), and what
  employers said in feedback (:attr:`LearningLog.feedback_themes`);
- what to practise before the next interview (:meth:`LearningLog.prepare`).

The results do not depend on the order of the entries.

**Trends.** The scores of a criterion are fitted with a least-squares line
over (time, score), time being when each interview ended. The trend is read
from the *change* that line predicts between the first and the last interview:
``IMPROVING`` when it rises by half a point or more, ``WORSENING`` when it
falls by half a point or more, ``FLAT`` in between. Fewer than three scores,
or scores all from the same instant, are ``NOT_ENOUGH_DATA``. The arithmetic
is exact (integer microseconds), so adding the same number to every score
never changes the trend, and running time backwards swaps ``IMPROVING`` and
``WORSENING``.

**Grouping wordings.** The same question is rarely written the same way
twice. :func:`grouping_key` folds a text to its key: case, accents, spacing
and punctuation are folded away, apostrophes join what they split ("what's"
becomes "whats"), numbers written as words become digits, negations such as
"didn't" become "not", a light stemmer drops plural endings, and filler and
framing words are removed: "tell", "me", "about", "a", "bit", "could", "you",
"describe" and the like, and "time", "example" or "situation" after "a" or
"an" ("a time when", "an example of"). The key is the set of the words left,
in alphabetical order. Texts with the same key are one group. One more step
joins keys that differ by a single word, when the shorter key still has two
words or more and the extra word is not "not":
"How do you prioritise competing deadlines?" joins "How do you prioritise
deadlines?", while "Tell me about a failure" stays apart from "Tell me about
a success" (a different word, not an extra one) and "Why should we hire
you?" from "Why should we not hire you?". Each key is looked up only with
each of its own words taken out, so grouping takes time in proportion to the
number of words, never to the number of pairs. Texts with only filler words
keep all their words as the key; texts with no letters or digits at all
share the empty key. Preparation gaps and feedback themes are grouped the
same way.
"""

from __future__ import annotations

from postinterview.learning._entry import LogEntry
from postinterview.learning._focus import (
    CriterionFocus,
    FeedbackFocus,
    GapFocus,
    PrepFocus,
    QuestionFocus,
)
from postinterview.learning._log import LearningLog
from postinterview.learning._summaries import (
    AskedQuestion,
    ClosedGap,
    FeedbackTheme,
    PreparationGap,
)
from postinterview.learning._trends import CriterionTrend, ScorePoint, Trend
from postinterview.learning._wording import grouping_key

__all__ = [
    "AskedQuestion",
    "ClosedGap",
    "CriterionFocus",
    "CriterionTrend",
    "FeedbackFocus",
    "FeedbackTheme",
    "GapFocus",
    "LearningLog",
    "LogEntry",
    "PrepFocus",
    "PreparationGap",
    "QuestionFocus",
    "ScorePoint",
    "Trend",
    "grouping_key",
]
