"""Does the work grow linearly? Each case timed at a size and at twice that size.

The cases are the ones that once grew quadratically:

- ``Draft.check()`` on a thank-you whose text repeats the organisation's
  name (once 6.5 s at 100 KB);
- ``check_panel()`` on two such drafts (once 12.6 s at 100 KB each);
- ``Draft.check(application)`` on an American reply to an offer after a
  video call, sentence after sentence of what its checks look for: doubled
  marks, sentences in lower case, meetings, promised dates, British words;
  and on French and Spanish ones, whose checks read their own meeting
  words, spaces before marks, "¿" and "¡", and dates written by Babel;
- reading an application from JSON whose history is notes and then one
  thank-you after another (once 8.5 s at 20,000 events, 0.56 s at 5,000);
- ``Application.record()`` of one more event onto such an application, a
  few hundred times (it once replayed the whole history each time).

Each case is timed at both sizes, the sizes taking turns, five times over,
and each size's best run counts. The time is this process's CPU time
(:func:`time.process_time`), so that other work on a busy machine does not
count. The ratio is the larger size's time over the smaller's: about 2 when
the work is linear, about 4 when it is quadratic; a little over 2 comes from
the larger working set alone (more memory, fewer cache hits). The inputs are
built before any timing.

Run: ``python bench/bench_doubling.py [SCALE]``: SCALE (default 1) multiplies
every size. The goal is a ratio of at most 2.2 for each case.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import time
from collections.abc import Callable

import attrs
import pendulum

from postinterview import (
    Application,
    Format,
    Interview,
    OfferReceived,
    Person,
    serialize,
)
from postinterview.letters import Draft, check_panel
from postinterview.timeline import Event, NotesWritten, ThankYouSent

GOAL = 2.2
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
KIM = Person(name="Kim Lee", email="kim@acme.example")
INTERVIEW = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA, KIM),
)
CALL = attrs.evolve(INTERVIEW, format=Format.VIDEO)
OFFERED = Application(
    interviews=(CALL,),
    events=(OfferReceived(at=END.add(days=5), respond_by=END.add(days=7), by=PRIYA),),
)
SENTENCES = (
    "i met you at Acme Ltd.. Meeting you was good, e.g., the referee said. "
    "I will give you my answer by Wednesday, December 2. "
)
# The same in French and Spanish: each language's own patterns at work.
OTHER_SENTENCES = {
    "fr_FR": (
        "je vous ai rencontr\u00e9e chez Acme Ltd.. Notre rencontre\u202f? "
        "p. ex. vous vous. Je vous donnerai ma r\u00e9ponse le mercredi 2 "
        "d\u00e9cembre. "
    ),
    "es_ES": (
        "\u00bfnuestra reuni\u00f3n en Acme Ltd.. \u00a1Qu\u00e9 bien? Le "
        "dar\u00e9 mi respuesta el mi\u00e9rcoles, 2 de diciembre. "
    ),
}
# The smaller size of each case, in characters of text or events: each takes
# a tenth of a second or more here.
TEXT_CHARS = 200_000
EVENTS = 6_000
RECORDS = 4_000  # record() calls timed per size


@dataclasses.dataclass(frozen=True)
class Case:
    """One case: what is timed, and a maker of its work at a given size."""

    name: str
    unit: str
    size: int
    prepare: Callable[[int], Callable[[], object]]


@dataclasses.dataclass(frozen=True)
class Timing:
    """The best seconds of a case at its size and at twice that size."""

    name: str
    unit: str
    size: int
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small

    @property
    def met(self) -> bool:
        return self.ratio <= GOAL


def draft(to: Person, chars: int) -> Draft:
    """A thank-you to *to* whose text repeats the organisation's name."""
    filler = "Acme Ltd " * (chars // 9 + 1)
    return Draft(
        kind="thank_you",
        to=to,
        subject="Thank you",
        text=f"Dear {to.name},\n\n{filler[:chars]}\n\nRobin",
        html="<p></p>",
        interview=INTERVIEW,
    )


def check_prose(chars: int) -> Callable[[], object]:
    filler = SENTENCES * (chars // len(SENTENCES) + 1)
    made = Draft(
        kind="offer_thanks",
        to=PRIYA,
        subject="Thank you",
        text=f"Dear {PRIYA.name},\n\n{filler[:chars]}\n\nRobin",
        html="<p></p>",
        locale="en_US",
        interview=CALL,
    )
    return lambda: made.check(application=OFFERED)


def check_languages(chars: int) -> Callable[[], object]:
    made = []
    for locale, sentences in OTHER_SENTENCES.items():
        filler = sentences * (chars // len(sentences) + 1)
        made.append(
            Draft(
                kind="offer_thanks",
                to=PRIYA,
                subject="Merci",
                text=f"Bonjour Priya,\n\n{filler[: chars // 2]}\n\nRobin",
                html="<p></p>",
                locale=locale,
                interview=CALL,
            )
        )
    return lambda: [one.check(application=OFFERED) for one in made]


def history(count: int) -> list[Event]:
    """Notes, then one thank-you after another: *count* events."""
    events: list[Event] = [NotesWritten(at=END.add(minutes=1))]
    people = (PRIYA, KIM)
    events.extend(
        ThankYouSent(at=END.add(minutes=2 + i), to=people[i % 2])
        for i in range(count - 1)
    )
    return events


def check_one(chars: int) -> Callable[[], object]:
    made = draft(PRIYA, chars)
    return made.check


def check_two(chars: int) -> Callable[[], object]:
    made = (draft(PRIYA, chars), draft(KIM, chars))
    return lambda: check_panel(made)


def read_json(count: int) -> Callable[[], object]:
    text = serialize.to_json(
        Application(interviews=(INTERVIEW,), events=history(count))
    )
    return lambda: serialize.from_json(Application, text)


def record_more(count: int) -> Callable[[], object]:
    application = Application(interviews=(INTERVIEW,), events=history(count))
    last = application.events[-1].at
    more = [ThankYouSent(at=last.add(minutes=1 + i), to=PRIYA) for i in range(RECORDS)]

    def run() -> None:
        for event in more:
            application.record(event)

    return run


def cases(scale: float = 1) -> list[Case]:
    """The cases, their smaller sizes multiplied by *scale*."""
    chars, events = int(TEXT_CHARS * scale), int(EVENTS * scale)
    return [
        Case("Draft.check(), text repeating the name", "chars", chars, check_one),
        Case("check_panel(), two such drafts", "chars", chars, check_two),
        Case("Draft.check(application), every check", "chars", chars, check_prose),
        Case("the same in French and Spanish", "chars", chars, check_languages),
        Case("from_json(Application)", "events", events, read_json),
        Case(f"record() x{RECORDS} onto an application", "events", events, record_more),
    ]


def measure(scale: float = 1, runs: int = 5) -> list[Timing]:
    """Time every case at its size and twice that, best of *runs* each."""
    timings = []
    for case in cases(scale):
        work = {size: case.prepare(size) for size in (case.size, 2 * case.size)}
        best = dict.fromkeys(work, float("inf"))
        for _ in range(runs):  # in turn, so that both sizes see the same load
            for size, run in work.items():
                gc.collect()
                started = time.process_time()
                run()
                best[size] = min(best[size], time.process_time() - started)
        del work
        timings.append(
            Timing(
                case.name, case.unit, case.size, best[case.size], best[2 * case.size]
            )
        )
    return timings


def main() -> None:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1
    print("each case at a size and twice that size (best of 5 runs)")
    for t in measure(scale):
        print(
            f"{t.name:<42} {t.size:>9,} {t.unit:<6} {t.small:7.3f} s   "
            f"{2 * t.size:>9,} {t.unit:<6} {t.large:7.3f} s   ratio {t.ratio:5.2f}x"
            f"{'' if t.met else '  (missed)'}"
        )
    print(f"goal: a ratio of at most {GOAL:g} for each case")


if __name__ == "__main__":
    main()
