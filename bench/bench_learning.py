"""How long do building a LearningLog and prepare() take, and do they scale linearly?

The entries are generated from a fixed seed before any timing: applications
of 1 to 3 rounds in five zones over two years, each round with notes (3 to 7
questions drawn from a pool of a few hundred phrasings, each written with
small variations of case, punctuation and filler words), most with a
scorecard rating most criteria, some with preparation gaps, and a third of
the applications with feedback. ``build`` is constructing the log, which
computes every summary (criterion trends, grouped questions, gaps, feedback
themes); ``prepare`` is one call for the next interview.

Run: ``python bench/bench_learning.py [REPEAT]``. Each size is timed REPEAT
times (default 5), the sizes taking turns; the table shows the median and the
range. The goals: under
1 s in total at 10,000 entries, and at most 2.2 times that at 20,000.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import random
import statistics
import sys
import time
import zoneinfo

from postinterview import Interview, InterviewNotes, QuestionAsked
from postinterview.feedback import Feedback
from postinterview.learning import LearningLog, LogEntry
from postinterview.reflection import Criterion, Rating, Scorecard
from postinterview.timeline import Application

SIZES = (10_000, 20_000)
GOAL_SECONDS = 1.0  # in total, at 10,000 entries
GOAL_RATIO = 2.2  # 20,000 entries against 10,000
ZONES = tuple(
    zoneinfo.ZoneInfo(name)
    for name in (
        "Europe/London",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Sydney",
        "Europe/Berlin",
    )
)
UTC = dt.UTC

# Behavioural questions: each is asked through several framings.
BEHAVIOURS = (
    "led a team through a difficult change",
    "disagreed with your manager",
    "missed a deadline",
    "had to learn something quickly",
    "made a mistake at work",
    "dealt with an unhappy customer",
    "influenced someone without authority",
    "worked under pressure",
    "handled competing priorities",
    "resolved a conflict in your team",
    "took the initiative on a project",
    "improved a process",
    "gave difficult feedback",
    "received critical feedback",
    "failed to meet a goal",
    "persuaded stakeholders to change course",
    "worked with a difficult colleague",
    "had to make a decision without all the facts",
    "went beyond what was expected",
    "managed a budget",
    "delivered bad news",
    "mentored a junior colleague",
    "changed your mind after hearing other views",
    "handled an ethical dilemma",
    "cut costs on a project",
    "turned around a failing project",
    "worked with a remote team",
    "set goals for a team",
    "dealt with ambiguity",
    "used data to make a decision",
    "automated a manual task",
    "recovered from a setback",
    "negotiated a deadline",
    "explained something technical to a non-expert",
    "said no to a request",
    "balanced quality and speed",
    "took a calculated risk",
    "onboarded into a new team",
    "raised a concern about safety",
    "handled confidential information",
)
FRAMINGS = (
    "Tell me about a time you {}.",
    "Give an example of when you {}.",
    "Describe a situation where you {}.",
    "Can you tell me about a time when you {}?",
    "Could you give me an example of a time you {}?",
)
# Open questions, each with its own wordings.
OPEN = (
    ("Tell me about yourself.", "Tell me a bit about yourself."),
    ("Why do you want this job?", "Why do you want the job?"),
    ("What is your greatest weakness?", "What's your greatest weakness?"),
    ("What are your strengths?", "What would you say are your strengths?"),
    (
        "Where do you see yourself in five years?",
        "Where do you see yourself in 5 years' time?",
    ),
    ("Why should we hire you?", "Why should we hire you over other candidates?"),
    ("Walk me through your CV.", "Talk me through your CV."),
    ("What are your salary expectations?", "What salary are you expecting?"),
    ("Why are you leaving your current job?", "Why do you want to leave your job?"),
    ("What do you know about our company?", "What do you know about us?"),
    ("How do you handle stress?", "How do you deal with stress?"),
    ("How do you prioritise competing deadlines?", "How do you prioritise deadlines?"),
    ("What motivates you?", "What motivates you at work?"),
    ("Describe your ideal manager.", "What would your ideal manager be like?"),
    ("What is your management style?", "How would you describe your management style?"),
    ("Do you have any questions for us?", "Have you got any questions for us?"),
    ("What are you most proud of?", "What achievement are you most proud of?"),
    ("How would your colleagues describe you?", "How would colleagues describe you?"),
    ("What do you do outside work?", "What are your hobbies?"),
    ("When could you start?", "What is your notice period?"),
    *(
        (f"How would you approach {topic}?", f"How would you go about {topic}?")
        for topic in (
            "migrating a database",
            "designing a data pipeline",
            "a stakeholder who keeps changing requirements",
            "your first ninety days in this role",
            "reducing customer churn",
            "a security incident",
            "hiring for your team",
            "a failing A/B test",
            "estimating a large project",
            "technical debt",
        )
    ),
)
GAPS = (
    "SQL window functions",
    "the company's latest annual report",
    "their main competitors",
    "how they make money",
    "system design for high traffic",
    "the STAR method",
    "numbers for my budget example",
    "Kubernetes basics",
    "the regulator's new rules",
    "their product roadmap",
    "statistics for A/B testing",
    "a one-minute summary of my CV",
    "questions to ask them",
    "salary benchmarks for the role",
    "the interviewer's background",
    "Python typing",
    "cloud cost management",
    "the team's current projects",
    "examples of leadership",
    "accessibility standards",
)
FEEDBACK = (
    "Answers lacked specific examples",
    "Use more specific examples",
    "Did not show enough knowledge of our products",
    "Research our products in more depth",
    "Answers were too long",
    "Keep answers shorter and more focused",
    "Technical depth in system design was limited",
    "Practise system design questions",
    "Did not ask about next steps",
    "Close the interview by asking about next steps",
    "Strong rapport with the panel",
    "Quantify the results of your work",
)
PHRASINGS = tuple(f.format(b) for b in BEHAVIOURS for f in FRAMINGS) + tuple(
    wording for pair in OPEN for wording in pair
)


def vary(rng: random.Random, text: str) -> str:
    """Write *text* as a person might: case, punctuation and spacing drift."""
    roll = rng.random()
    if roll < 0.55:
        return text
    if roll < 0.7:
        return text.lower()
    if roll < 0.8:
        return text.rstrip(".?") + rng.choice(("", "?", "??", " ?", "..."))
    if roll < 0.9:
        return text.replace(" ", "  ", 1)
    return rng.choice(("- ", "Please, ", "Briefly: ", "(2) ")) + text


def entries(count: int, seed: int = 20261121) -> list[LogEntry]:
    """Return *count* generated log entries."""
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 6, tzinfo=UTC)
    criteria = tuple(Criterion)
    base = {criterion: rng.uniform(2, 4) for criterion in criteria}
    drift = {criterion: rng.uniform(-1.5, 1.5) for criterion in criteria}
    span = 2 * 365 * 24 * 60
    made = []
    for index in range(count):
        zone = rng.choice(ZONES)
        minute = rng.randrange(span)
        first = (start + dt.timedelta(minutes=minute)).astimezone(zone)
        rounds = []
        for number in range(rng.choice((1, 1, 2, 2, 3))):
            begins = first + dt.timedelta(days=8 * number)
            rounds.append(
                Interview(
                    organisation=f"Employer {index % 997}",
                    role=rng.choice(("Analyst", "Data Engineer", "Team Lead")),
                    starts_at=begins,
                    ends_at=begins + dt.timedelta(minutes=rng.choice((30, 45, 60))),
                    round=number + 1,
                )
            )
        progress = minute / span
        cards: list[Scorecard] = []
        notes: list[InterviewNotes] = []
        for interview in rounds:
            written = interview.ends_at + dt.timedelta(minutes=rng.randint(5, 90))
            if rng.random() < 0.85:
                ratings = []
                for criterion in criteria:
                    if rng.random() < 0.8:
                        level = base[criterion] + drift[criterion] * progress
                        score = round(level + rng.gauss(0, 0.7))
                        ratings.append(
                            Rating(criterion=criterion, score=min(5, max(1, score)))
                        )
                cards.append(
                    Scorecard(
                        written_at=written, overall=rng.randint(3, 9), ratings=ratings
                    )
                )
            questions = [
                QuestionAsked(
                    text=vary(rng, rng.choice(PHRASINGS)),
                    answered_well=rng.choice((True, True, False, None)),
                )
                for _ in range(rng.randint(3, 7))
            ]
            gaps = [
                vary(rng, rng.choice(GAPS)) for _ in range(rng.choice((0, 0, 1, 2)))
            ]
            notes.append(
                InterviewNotes(
                    written_at=written, questions=questions, preparation_gaps=gaps
                )
            )
        feedback = []
        if rng.random() < 0.33:
            feedback.append(
                Feedback(
                    received_at=rounds[-1].ends_at
                    + dt.timedelta(days=rng.randint(3, 20)),
                    weaknesses=[vary(rng, rng.choice(FEEDBACK))],
                    suggestions=[vary(rng, rng.choice(FEEDBACK))],
                )
            )
        made.append(
            LogEntry(
                application=Application(interviews=rounds),
                scorecards=cards,
                notes=notes,
                feedback=feedback,
            )
        )
    return made


def next_interview() -> Interview:
    ends = dt.datetime(2027, 2, 1, 15, tzinfo=ZONES[0])
    return Interview(
        organisation="Next Ltd",
        role="Analyst",
        starts_at=ends - dt.timedelta(hours=1),
        ends_at=ends,
    )


def time_once(
    generated: list[LogEntry], upcoming: Interview
) -> tuple[float, float, LearningLog]:
    # Collect what generating (or the run before) left behind, so that the
    # timed region pays only for the garbage collections it causes itself.
    gc.collect()
    began = time.perf_counter()
    log = LearningLog(entries=generated)
    built = time.perf_counter()
    log.prepare(upcoming)
    prepared = time.perf_counter()
    return built - began, prepared - built, log


def describe(size: int, generated: list[LogEntry]) -> str:
    rounds = sum(len(e.application.rounds) for e in generated)
    questions = sum(len(n.questions) for e in generated for n in e.notes)
    scores = sum(len(c.ratings) for e in generated for c in e.scorecards)
    return (
        f"{size:,} entries: {rounds:,} rounds, {questions:,} questions asked, "
        f"{scores:,} scores"
    )


@dataclasses.dataclass(frozen=True)
class LearningResult:
    """The (build, prepare) seconds of every run, by size."""

    runs: dict[int, list[tuple[float, float]]]

    @property
    def sizes(self) -> tuple[int, int]:
        """The smallest and the largest size timed."""
        return min(self.runs), max(self.runs)

    def median(self, size: int) -> float:
        """The median total (build and prepare) at *size* entries."""
        return statistics.median(b + p for b, p in self.runs[size])

    def best(self, size: int) -> float:
        """The fastest total at *size* entries."""
        return min(b + p for b, p in self.runs[size])

    @property
    def ratio(self) -> float:
        """The largest size's median total over the smallest's."""
        small, large = self.sizes
        return self.median(large) / self.median(small)

    @property
    def best_ratio(self) -> float:
        small, large = self.sizes
        return self.best(large) / self.best(small)


def generate(sizes: tuple[int, ...] = SIZES) -> dict[int, list[LogEntry]]:
    """Return the entries for each size, generated before any timing."""
    return {size: entries(size) for size in sizes}


def measure(generated: dict[int, list[LogEntry]], repeat: int = 5) -> LearningResult:
    """Time each size *repeat* times, the sizes taking turns."""
    upcoming = next_interview()
    # The sizes take turns, so that a burst of other work on the machine
    # slows both rather than one.
    runs: dict[int, list[tuple[float, float]]] = {size: [] for size in generated}
    for _ in range(repeat):
        for size, made in generated.items():
            build, prepare, log = time_once(made, upcoming)
            runs[size].append((build, prepare))
            del log
    return LearningResult(runs=runs)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    generated = generate()
    for size, made in generated.items():
        print(describe(size, made), flush=True)
    result = measure(generated, repeat)

    print(f"\nmedian of {repeat} runs; the range of the totals in brackets")
    print(f"{'entries':>8}   {'build':>7}  {'prepare':>7}   {'total':>7}   range")
    for size, runs in result.runs.items():
        build = statistics.median(b for b, _ in runs)
        prepare = statistics.median(p for _, p in runs)
        totals = [b + p for b, p in runs]
        print(
            f"{size:>8,}   {build:>5.2f} s  {prepare:>5.3f} s   "
            f"{result.median(size):>5.2f} s   [{min(totals):.2f}-{max(totals):.2f} s]"
        )
    small, large = result.sizes
    print(
        f"ratio {large // 1000}k/{small // 1000}k: "
        f"{result.ratio:.2f} of the medians, "
        f"{result.best_ratio:.2f} of the best runs (goal: at most {GOAL_RATIO:g}); "
        f"{small // 1000}k total {result.median(small):.2f} s "
        f"(goal: under {GOAL_SECONDS:g} s)"
    )


if __name__ == "__main__":
    main()
