"""How well, and how fast, does read_reply() read the labelled corpus?

Quality: every reply in ``tests/replies/corpus/`` is read as a host tool
would read it (an email message with its From, Date and headers) and scored
against its labels, per language:

- precision: of the readings that named a kind, the share that named the
  labelled one (an "unknown" is not an error); the goal is at least 0.95;
- recall: of the replies labelled with a kind, the share read as that kind;
  the goal is at least 0.85 in every language;
- dates: of the replies that state a date for their kind (or an ambiguous
  one), the share whose date was read right (or reported as ambiguous); the
  goal is at least 0.95;
- senders and salaries right, for information.

Speed: reading a 5 KB reply (a long answer above three quoted messages), the
best of several runs of 200 readings; the goal is under 2 ms a reading. The
floor is what any host must do with such a reply before reading it: parse
the raw message with the standard library and take its text
(``email.message_from_bytes`` then ``get_body().get_content()``).

Run: ``python bench/bench_replies.py [--verbose] [--language LANG]``;
``--verbose`` prints every reply read wrong, with the reading.
"""

from __future__ import annotations

import argparse
import dataclasses
import email
import email.policy
import sys
import time
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent.parent / "tests")
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

import reply_corpus  # noqa: E402
from postinterview.replies import read_reply  # noqa: E402

PRECISION, RECALL, DATES, SPEED_MS = 0.95, 0.85, 0.95, 2.0


def quality(language: str | None, verbose: bool) -> bool:
    """Print the scores per language; tell whether every goal is met."""
    met = True
    print(
        f"{'language':<9}{'replies':>8}{'precision':>11}{'recall':>8}"
        f"{'dates':>10}{'senders':>9}{'salaries':>10}"
    )
    everything = []
    for code in reply_corpus.languages():
        if language is not None and code != language:
            continue
        pairs = [(case, case.read()) for case in reply_corpus.cases(code)]
        everything.extend(pairs)
        s = reply_corpus.score(pairs)
        ok = (
            s.precision >= PRECISION and s.recall >= RECALL and s.date_accuracy >= DATES
        )
        met = met and ok
        print(
            f"{code:<9}{s.replies:>8}{s.precision:>11.3f}{s.recall:>8.3f}"
            f"{s.date_accuracy:>6.3f} /{s.dates:<3}{s.senders_right:>5}/{s.replies:<4}"
            f"{s.salaries_right:>5}/{s.salaries:<3}{'' if ok else '  goal missed'}"
        )
        if verbose:
            for case, reading in pairs:
                wrong_kind = reading.kind is not case.kind
                wrong_date = reply_corpus.date_right(case, reading) is False
                if wrong_kind or wrong_date:
                    stated = case.label.get("when")
                    print(f"\n--- {case.id}: labelled {case.kind.value}, when {stated}")
                    print(reading.summary())
                    print(
                        "dates found:",
                        [(d.text, str(d.value())) for d in reading.dates],
                    )
    if language is None:
        s = reply_corpus.score(everything)
        print(
            f"{'all':<9}{s.replies:>8}{s.precision:>11.3f}{s.recall:>8.3f}"
            f"{s.date_accuracy:>6.3f} /{s.dates:<3}{s.senders_right:>5}/{s.replies:<4}"
            f"{s.salaries_right:>5}/{s.salaries:<3}"
        )
    print(
        f"goals: precision >= {PRECISION}, recall >= {RECALL} per language, "
        f"dates >= {DATES}"
    )
    return met


def five_kb() -> bytes:
    """A 5 KB reply: a long holding answer above three quoted messages."""
    own = (
        "Dear Sam,\n\nThank you for your patience, and for the thoughtful note "
        "you sent after meeting Priya and Tom. We have not yet made a decision: "
        "two more candidates are interviewing this week, and the panel meets on "
        "Monday to compare notes. We expect to get back to you by Friday 4 "
        "December at the latest, and I will call you if anything changes before "
        "then. In the meantime, if you have any questions about the team, the "
        "on-call rota or the hybrid working arrangements, I am happy to answer "
        "them.\n\n"
    ) * 2
    quoted = "".join(
        f"On Mon, {day} Nov 2026 at 10:0{day % 10}, Priya Shah "
        "<priya@acme.example> wrote:\n"
        + "".join(f"> {line}\n" for line in own.splitlines())
        for day in (23, 24, 25)
    )
    body = own + "Kind regards,\nHannah Cole\nTalent Partner, Acme Ltd\n\n" + quoted
    message = email.message.EmailMessage()
    message["From"] = "Hannah Cole <hannah.cole@acme.example>"
    message["Date"] = "Thu, 26 Nov 2026 09:12:00 +0000"
    message["Subject"] = "Re: Data Engineer interview"
    message.set_content(body)
    raw = bytes(message)
    if len(raw) > 5120:
        raise SystemExit(f"the 5 KB reply is {len(raw)} bytes")
    return raw + b" " * (5120 - len(raw))


@dataclasses.dataclass(frozen=True)
class Speed:
    reading: float  # seconds a reading, best run
    floor: float  # seconds to parse and take the text, best run
    size: int


def speed(runs: int = 5, count: int = 200) -> Speed:
    """Time read_reply() on a parsed 5 KB message against parsing it."""
    raw = five_kb()
    application = reply_corpus.cases("en")[0].application
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    read_reply(parsed, application=application)  # load patterns, Babel, caches
    best_read = best_floor = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(count):
            read_reply(parsed, application=application)
        best_read = min(best_read, (time.perf_counter() - start) / count)
        start = time.perf_counter()
        for _ in range(count):
            message = email.message_from_bytes(raw, policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            if body is None:
                raise SystemExit("the 5 KB reply has no text part")
            body.get_content()
        best_floor = min(best_floor, (time.perf_counter() - start) / count)
    return Speed(reading=best_read, floor=best_floor, size=len(raw))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--language")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    quality(args.language, args.verbose)
    if not args.no_speed:
        s = speed()
        print(
            f"\nreading a {s.size / 1024:.1f} KB reply: {s.reading * 1000:.3f} ms "
            f"(goal < {SPEED_MS} ms); parsing it and taking its text: "
            f"{s.floor * 1000:.3f} ms; ratio {s.reading / s.floor:.2f}x"
        )


if __name__ == "__main__":
    main()
