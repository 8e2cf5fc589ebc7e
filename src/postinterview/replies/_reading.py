"""Reading a reply: what it says, the events to record, and the evidence.

:func:`read_reply` is pure: the same reply, application and instant always
give the same :class:`Reading`, and nothing is recorded until
:meth:`Reading.apply` is called.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from email.message import Message
from typing import Any

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import PostInterviewError, ValidationError
from postinterview.interview import Interview, Person
from postinterview.replies._dates import DateMention, find_dates, order_of
from postinterview.replies._kinds import CONFLICTS, RANKED, ReplyKind
from postinterview.replies._message import Incoming, incoming
from postinterview.replies._money import SalaryMention, find_salary
from postinterview.replies._patterns import (
    Patterns,
    Seen,
    pattern_languages,
    patterns,
)
from postinterview.replies._text import Prepared, prepare, sentences
from postinterview.timeline import (
    Application,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    NextRoundScheduled,
    OfferReceived,
    Rejected,
    ReplyReceived,
)
from postinterview.timeline._events import EVENT_TYPES
from postinterview.workdays import BusinessCalendar

__all__ = ["Evidence", "Reading", "Suggestion", "read_reply"]

#: What a piece of evidence can be.
ROLES = frozenset({"say", "hint", "header", "date", "salary"})
#: A kind is suggested at this confidence or above.
THRESHOLD = 0.6
#: The confidence of a kind some phrase says outright, not only hints at.
SAYS = 0.9
_WORD = re.compile(r"\w+")


def _role(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or value not in ROLES:
        raise ValidationError(
            attribute.name, value, f"one of {', '.join(sorted(ROLES))}"
        )


def _confidence(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not float or not 0.0 <= value <= 1.0:
        raise ValidationError(attribute.name, value, "a float from 0 to 1")


def _event(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, EVENT_TYPES):
        raise ValidationError(
            attribute.name, value, "an event such as Rejected, or None"
        )


def _texts(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(str)(_, attribute, value)


@attrs.frozen(kw_only=True)
class Evidence:
    """A span of the text read that supports a suggestion.

    *start* and *end* index :attr:`Reading.text`; *role* says what the span
    is: ``"say"`` (a phrase that says the kind), ``"hint"`` (one that
    suggests it), ``"date"``, ``"salary"``, or ``"header"`` (for a header,
    *text* is the header and the span is empty). *pattern* is the pattern
    that matched.
    """

    start: int = attrs.field(validator=_fields.int_from(0, _fields.COUNT_MAX))
    end: int = attrs.field(validator=_fields.int_from(0, _fields.COUNT_MAX))
    text: str = attrs.field(validator=_fields.instance_of(str))
    role: str = attrs.field(validator=_role)
    pattern: str = attrs.field(validator=_fields.instance_of(str))


@attrs.frozen(kw_only=True)
class Suggestion:
    """One thing the reply says, and the event that records it.

    *event* is ``None`` when there is nothing to record (an automatic reply)
    or the reply lacks what the event needs; *notes* say why, and how any
    vague wording was read. *when* is the date the reply gives for it: a
    new decision date, an offer's deadline, a round's start. *effect* says
    in words what recording it changes in the plan. *problem* is set when
    the application refuses the event, and says why.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    kind: ReplyKind = attrs.field(validator=_fields.enum_member(ReplyKind))
    event: Event | None = attrs.field(validator=_event)
    confidence: float = attrs.field(validator=_confidence)
    evidence: tuple[Evidence, ...] = attrs.field(validator=_fields.tuple_of(Evidence))
    when: pendulum.Date | pendulum.DateTime | None = attrs.field(
        default=None,
        validator=_fields.instance_of(dt.date, optional=True),
        eq=_time.instant_key,
    )
    effect: str = attrs.field(validator=_fields.instance_of(str))
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    problem: str | None = attrs.field(
        default=None, validator=_fields.instance_of(str, optional=True)
    )


@attrs.frozen(kw_only=True)
class Reading:
    """What a reply says, as :func:`read_reply` read it.

    *kind* is the main thing it says, with its *confidence* from 0 to 1;
    *suggestions* hold each thing it says, the main one first, with the
    events to record. When *kind* is :attr:`ReplyKind.UNKNOWN`, *reason*
    says why and nothing is suggested. *text* is what was read: the reply's
    own words, without quoted messages and signature. *sender* is the
    recorded person who wrote it, found *matched_by* ``"address"``,
    ``"name"`` or ``"signature"``. *dates* are every date and time found;
    *ambiguous* says in words which could not be resolved.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    kind: ReplyKind = attrs.field(validator=_fields.enum_member(ReplyKind))
    confidence: float = attrs.field(validator=_confidence)
    suggestions: tuple[Suggestion, ...] = attrs.field(
        validator=_fields.tuple_of(Suggestion)
    )
    reason: str | None = attrs.field(validator=_fields.instance_of(str, optional=True))
    language: str = attrs.field(validator=_fields.instance_of(str))
    sender: Person | None = attrs.field(
        validator=_fields.instance_of(Person, optional=True)
    )
    matched_by: str | None = attrs.field(
        validator=_fields.instance_of(str, optional=True)
    )
    received_at: pendulum.DateTime = attrs.field(
        validator=_fields.instant, eq=_time.instant_key
    )
    text: str = attrs.field(validator=_fields.instance_of(str))
    quoted: bool = attrs.field(validator=_fields.boolean)
    dates: tuple[DateMention, ...] = attrs.field(
        validator=_fields.tuple_of(DateMention)
    )
    ambiguous: tuple[str, ...] = attrs.field(validator=_texts)
    application: Application = attrs.field(
        repr=False, eq=False, validator=_fields.instance_of(Application)
    )

    @property
    def events(self) -> tuple[Event, ...]:
        """The events the reading suggests recording, in order."""
        return tuple(s.event for s in self.suggestions if s.event is not None)

    def apply(self) -> Application:
        """Return the application with :attr:`events` recorded.

        Raises :class:`~postinterview.TimelineError` when the application
        refuses one of them (say, an offer after the candidate withdrew);
        the application given to :func:`read_reply` is left as it was.
        """
        application = self.application
        for event in self.events:
            application = application.record(event)
        return application

    def summary(self) -> str:
        """The reading in a few lines of plain English, for a terminal."""
        lines = [f"Kind: {self.kind.value} (confidence {self.confidence:.2f})"]
        if self.reason:
            lines.append(f"Why unknown: {self.reason}")
        who = "nobody on record"
        if self.sender is not None:
            who = f"{self.sender.name}, matched by {self.matched_by}"
        lines.append(f"From: {who}")
        lines.append(f"Received: {_shown(self.received_at)}")
        for suggestion in self.suggestions:
            event = type(suggestion.event).__name__ if suggestion.event else "nothing"
            lines.append(f"- {suggestion.kind.value}: record {event}")
            if suggestion.when is not None:
                lines.append(f"  when: {_shown(suggestion.when)}")
            for role, label in (
                ("header", "header"),
                ("say", "says"),
                ("hint", "hints"),
                ("salary", "salary"),
            ):
                found = list(
                    dict.fromkeys(e.text for e in suggestion.evidence if e.role == role)
                )
                if found:
                    lines.append(f"  {label}: " + "; ".join(f'"{t}"' for t in found))
            lines.append(f"  effect: {suggestion.effect}")
            lines.extend(f"  note: {note}" for note in suggestion.notes)
            if suggestion.problem:
                lines.append(f"  cannot be recorded: {suggestion.problem}")
        lines.extend(f"Ambiguous: {text}" for text in self.ambiguous)
        return "\n".join(lines)


def _shown(value: pendulum.Date | pendulum.DateTime) -> str:
    """A date, or an instant with its zone's abbreviation and name."""
    if isinstance(value, pendulum.DateTime):
        return f"{value.format('ddd D MMM YYYY HH:mm zz')} ({value.timezone_name})"
    return value.format("ddd D MMM YYYY")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).split()
    )


def _people(application: Application) -> tuple[Person, ...]:
    """Everyone on record who may write: interviewers and agency contacts."""
    found: list[Person] = []
    for round_ in application.rounds:
        for person in (*round_.interviewers, round_.agency_contact):
            if person is not None and person not in found:
                found.append(person)
    return tuple(found)


def _sender(
    sent: Incoming, signature: tuple[str, ...], people: tuple[Person, ...]
) -> tuple[Person | None, str | None]:
    """The recorded person who wrote the reply, and how they were found."""
    if sent.address:
        address = sent.address.casefold()
        for person in people:
            if person.email is not None and person.email.casefold() == address:
                return person, "address"
    names = {_fold(person.name): person for person in people}
    if sent.name:
        found = names.get(_fold(sent.name))
        if found is not None:
            return found, "name"
    for line in signature[:2]:
        folded = _fold(line)
        for name, person in names.items():
            if folded == name or folded.startswith(f"{name} "):
                return person, "signature"
        # A first name alone ("Priya") names the one person on record who
        # has it, and nobody when two have.
        first = [
            person
            for person in people
            if folded and folded == _fold(person.given_name or person.name.split()[0])
        ]
        if len(first) == 1:
            return first[0], "signature"
    return None, None


def _language(
    text: str, subject: str | None, hint: str | None, languages: tuple[str, ...]
) -> str:
    """The language of *text*: the one whose common words it uses most, the
    recorded language (*hint*) winning a tie, then English."""
    counts = Counter(_WORD.findall(f"{subject or ''} {text}".casefold()))
    best, best_score = None, 0.0
    for language in languages:
        common = patterns(language).words
        score = sum(counts[w] for w in common if w in counts) + (
            0.5 if language == hint else 0
        )
        if score > best_score:
            best, best_score = language, score
    if best is not None:
        return best
    if hint in languages:
        return hint
    return "en"


def _matches(
    found_spans: list[tuple[int, int, str]],
    text: str,
    unless: list[tuple[int, int]],
    role: str,
) -> list[Evidence]:
    found = []
    for start, end, pattern in found_spans:
        if any(start < u_end and u_start < end for u_start, u_end in unless):
            continue
        found.append(
            Evidence(
                start=start, end=end, text=text[start:end], role=role, pattern=pattern
            )
        )
    return found


def _scores(
    p: Patterns, text: str, seen: Seen
) -> dict[ReplyKind, tuple[float, list[Evidence], list[Evidence]]]:
    """Each kind's confidence, with the phrases that say and hint it."""
    scores = {}
    for kind in RANKED:
        rules = p.kinds[kind]
        said = list(rules.say.finditer(text, seen))
        hinted = list(rules.hint.finditer(text, seen))
        if not said and not hinted:
            continue  # nothing for its guards to cancel
        unless = [(s, e) for s, e, _ in rules.unless.finditer(text, seen)]
        says = _matches(said, text, unless, "say")
        hints = _matches(hinted, text, unless, "hint")
        distinct_says = len({e.pattern for e in says})
        distinct_hints = len({e.pattern for e in hints})
        if distinct_says:
            score = min(0.99, 0.9 + 0.03 * (distinct_says - 1) + 0.02 * distinct_hints)
        elif distinct_hints >= 2:
            score = min(0.8, 0.65 + 0.05 * (distinct_hints - 2))
        elif distinct_hints == 1:
            score = 0.35
        else:
            score = 0.0
        if score:
            scores[kind] = (score, says, hints)
    return scores


def read_reply(
    message: str | Message,
    *,
    application: Application,
    received_at: dt.datetime | None = None,
    language: str | None = None,
) -> Reading:
    """Read an employer's or agency's reply and suggest the events to record.

    *message* is the reply's text, or an :class:`email.message.EmailMessage`
    whose From, Date and body are read; *application* is the record it
    belongs to. *received_at*, an aware datetime, is when it arrived; it
    defaults to the message's Date. *language* is the language to read it
    in; by default the language its words are in.

    Pure: nothing is recorded; :meth:`Reading.apply` returns the application
    with the suggested events. Raises :class:`~postinterview.ValidationError`
    naming the argument that is not what is needed.

    >>> import pendulum
    >>> from postinterview import Application, Interview, Person
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> priya = Person(name="Priya Shah", email="priya@acme.example")
    >>> app = Application.from_interview(Interview(
    ...     organisation="Acme Ltd", role="Data Engineer",
    ...     starts_at=end.subtract(hours=1), ends_at=end, interviewers=(priya,)))
    >>> reading = read_reply(
    ...     "Dear Sam, thank you for your time. We have decided not to take "
    ...     "your application further. Kind regards, Priya",
    ...     application=app, received_at=end.add(days=5))
    >>> reading.kind
    <ReplyKind.REJECTION: 'rejection'>
    >>> reading.apply().status.name
    'REJECTED'
    """
    if not isinstance(application, Application):
        raise ValidationError("application", application, "an Application")
    sent = incoming(message)
    if received_at is not None:
        received = _time.as_instant(received_at, "received_at")
    elif sent.date is not None:
        received = pendulum.instance(sent.date)
    else:
        raise ValidationError(
            "received_at",
            None,
            "an aware datetime, or an email message with a Date header",
        )
    known = pattern_languages()
    if language is not None and language not in known:
        patterns(language)  # raises, naming the language and those there are
    everyone = tuple(patterns(code) for code in known)
    prepared = prepare(sent.body, everyone)
    people = _people(application)
    sender, matched_by = _sender(sent, prepared.signature, people)
    latest = application.rounds[-1]
    zone = (sender.timezone if sender is not None else None) or _time.zone_name(
        latest.starts_at
    )
    received = received.in_timezone(zone)
    locale = (sender.locale if sender is not None else None) or latest.locale
    hint = locale.split("_")[0] if locale else None
    language = language or _language(prepared.text, sent.subject, hint, known)
    if locale is None or locale.split("_")[0] != language:
        country = _time.zone_country(zone)
        locale = f"{language}_{country}" if country else language
    return _Reader(
        application=application,
        patterns=patterns(language),
        prepared=prepared,
        sent=sent,
        sender=sender,
        matched_by=matched_by,
        received=received,
        zone=zone,
        locale=locale,
        latest=latest,
    ).reading()


@attrs.define
class _Reader:
    """One reading under way."""

    application: Application
    patterns: Patterns
    prepared: Prepared
    sent: Incoming
    sender: Person | None
    matched_by: str | None
    received: pendulum.DateTime
    zone: str
    locale: str
    latest: Interview
    _calendar: BusinessCalendar | None = None
    _spans: list[tuple[int, int]] | None = None
    #: The text's words and where they are, shared by every pattern.
    seen: Seen = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.seen = Seen(self.prepared.text)

    def calendar(self) -> BusinessCalendar:
        """The sender's business calendar, made the first time it is needed."""
        if self._calendar is None:
            from postinterview.followup import FollowUpPolicy  # noqa: PLC0415

            self._calendar = FollowUpPolicy().calendar_for(self.sender, self.zone)
        return self._calendar

    def reading(self) -> Reading:
        text = self.prepared.text
        scores = _scores(self.patterns, text, self.seen)
        if self.sent.automatic is not None:
            header = Evidence(
                start=0,
                end=0,
                text=self.sent.automatic,
                role="header",
                pattern="header",
            )
            score, says, hints = scores.get(ReplyKind.ACKNOWLEDGEMENT, (0.0, [], []))
            scores[ReplyKind.ACKNOWLEDGEMENT] = (
                max(score, 0.95),
                [header, *says],
                hints,
            )
        dates = find_dates(
            text,
            self.patterns,
            received=self.received,
            zone=self.zone,
            order=order_of(self.locale),
            calendar=self.calendar,
            seen=self.seen,
        )
        notes: list[str] = []
        history = self.application.history
        if ReplyKind.REJECTION in scores and history.rejected is not None:
            del scores[ReplyKind.REJECTION]
            notes.append("it repeats the rejection already recorded")
        chosen = [k for k in RANKED if k in scores and scores[k][0] >= THRESHOLD]
        # Beside the main kind, only what the reply says outright counts:
        # hints of a second kind are not enough to record it.
        chosen = chosen[:1] + [k for k in chosen[1:] if scores[k][0] >= SAYS]
        if notes and chosen and scores[chosen[0]][0] < SAYS:
            # A reply that repeats a rejection on record, with no more than
            # hints of anything else, is most likely that rejection again.
            chosen = []
        ambiguous = _ambiguous(dates)
        if not chosen:
            return self.made(
                ReplyKind.UNKNOWN,
                0.0,
                (),
                _why_unknown(scores, notes, text),
                dates,
                ambiguous,
            )
        for pair in CONFLICTS:
            if pair <= set(chosen):
                first, second = sorted(pair, key=RANKED.index)
                reason = (
                    f"it reads as both {_NAMES[first]} and {_NAMES[second]}: "
                    f'"{scores[first][1][0].text}", "{scores[second][1][0].text}"'
                )
                return self.made(ReplyKind.UNKNOWN, 0.0, (), reason, dates, ambiguous)
        suggestions = self._suggestions(chosen, scores, dates)
        return self.made(
            chosen[0], scores[chosen[0]][0], suggestions, None, dates, ambiguous
        )

    def made(  # noqa: PLR0917 - the parts of a reading
        self,
        kind: ReplyKind,
        confidence: float,
        suggestions: tuple[Suggestion, ...],
        reason: str | None,
        dates: tuple[DateMention, ...],
        ambiguous: tuple[str, ...],
    ) -> Reading:
        """The reading, with what every reading holds."""
        return Reading(
            kind=kind,
            confidence=confidence,
            suggestions=suggestions,
            reason=reason,
            language=self.patterns.language,
            sender=self.sender,
            matched_by=self.matched_by,
            received_at=self.received,
            text=self.prepared.text,
            quoted=self.prepared.quoted,
            dates=dates,
            ambiguous=ambiguous,
            application=self.application,
        )

    def sentence_of(self, start: int) -> int:
        """The index of the sentence holding the character at *start*."""
        if self._spans is None:
            self._spans = sentences(self.prepared.text)
        for index, (_, end) in enumerate(self._spans):
            if start < end:
                return index
        return len(self._spans) - 1

    def when(
        self,
        kind: ReplyKind,
        says: list[Evidence],
        dates: tuple[DateMention, ...],
    ) -> DateMention | None:
        """The date the reply gives for *kind*, if it gives one.

        Candidates are the dates, not before the reply's day, in a sentence
        that matches the kind's `when` patterns, that says the kind, or that
        follows one that says it, ranked in that order. A date after a
        deadline word ("by", "avant le") ranks higher; so does a time for a
        round. For a holding reply, the decision date already on record ranks
        last: a reply that names it usually moves it.
        """
        if not dates:
            return None
        text = self.prepared.text
        if self._spans is None:
            self._spans = sentences(text)
        saying = {self.sentence_of(e.start) for e in says if e.role == "say"}
        rule = self.patterns.kinds[kind].when
        giving = {
            self.sentence_of(start) for start, _, _ in rule.finditer(text, self.seen)
        }
        today = self.received.date()
        known = _decision_dates(self.application) if kind is ReplyKind.HOLDING else ()
        best: tuple[float, int] | None = None
        chosen = None
        for order, mention in enumerate(dates):
            if mention.day is not None and mention.day < today:
                continue  # the interview, or another day gone by
            rank = self._rank(kind, mention, giving, saying)
            if rank is None:
                continue
            if mention.day is not None and mention.day in known:
                rank -= 3.0
            if best is None or (rank, -order) > best:
                best, chosen = (rank, -order), mention
        return chosen

    def _rank(
        self,
        kind: ReplyKind,
        mention: DateMention,
        giving: set[int],
        saying: set[int],
    ) -> float | None:
        """How likely *mention* is *kind*'s date; ``None`` when it cannot be."""
        text, deadline = self.prepared.text, self.patterns.deadline
        sentence = self.sentence_of(mention.start)
        after_deadline = deadline is not None and (
            deadline.search(text[max(0, mention.start - 30) : mention.start])
            is not None
        )
        if sentence in giving:
            rank = 2.0
        elif kind is ReplyKind.OFFER and not after_deadline:
            # An offer's own sentence names the start date, the day of the
            # call: only a date the answer is due by is its deadline.
            return None
        elif sentence in saying:
            rank = 1.0
        elif sentence - 1 in saying:
            rank = 0.5
        else:
            return None
        if after_deadline:
            rank += 1.5
        if kind is ReplyKind.NEXT_ROUND and mention.time is not None:
            rank += 1.0
        return rank

    def _suggestions(
        self,
        chosen: list[ReplyKind],
        scores: dict[ReplyKind, tuple[float, list[Evidence], list[Evidence]]],
        dates: tuple[DateMention, ...],
    ) -> tuple[Suggestion, ...]:
        primary = chosen[0]
        holding_date = None
        if ReplyKind.HOLDING in chosen:
            holding_date = self.when(
                ReplyKind.HOLDING, scores[ReplyKind.HOLDING][1], dates
            )
        built: list[Suggestion] = []
        application: Application | None = self.application
        for kind in chosen:
            score, says, hints = scores[kind]
            evidence = [*says, *hints]
            mention = holding_date if kind is ReplyKind.HOLDING else None
            if kind in (ReplyKind.OFFER, ReplyKind.NEXT_ROUND):
                mention = self.when(kind, says, dates)
            notes: list[str] = []
            if mention is not None:
                evidence.append(
                    Evidence(
                        start=mention.start,
                        end=mention.end,
                        text=mention.text,
                        role="date",
                        pattern="date",
                    )
                )
                if mention.how:
                    notes.append(f'"{mention.text}" read as {mention.how}')
            records = kind is primary or (
                kind is ReplyKind.FEEDBACK and primary is ReplyKind.REJECTION
            )
            if kind is ReplyKind.HOLDING and primary in _REPLIED:
                mention = None  # its date goes on the primary's reply
            build = _BUILDERS[kind]
            event, when, effect = build(self, mention, holding_date, evidence, notes)
            if not records:
                event = None
                effect = f"Nothing more to record: {_NAMES[primary]} says it."
            problem = None
            if event is not None and application is not None:
                try:
                    application = application.record(event)
                except PostInterviewError as error:
                    problem = str(error)
                    application = None
            elif event is not None:
                problem = "an event before it cannot be recorded"
            built.append(
                Suggestion(
                    kind=kind,
                    event=event,
                    confidence=score,
                    evidence=tuple(sorted(evidence, key=lambda e: e.start)),
                    when=when,
                    effect=effect,
                    notes=tuple(notes),
                    problem=problem,
                )
            )
        return tuple(built)

    # Building each kind's event.

    def by(self) -> Person | None:
        return self.sender

    def deadline(self, mention: DateMention | None) -> pendulum.DateTime | None:
        if mention is None or mention.day is None:
            return None
        value = mention.value()
        if isinstance(value, pendulum.DateTime):
            return value
        closes = self.calendar().closes
        day = mention.day
        return pendulum.datetime(
            day.year, day.month, day.day, closes.hour, closes.minute, tz=mention.zone
        )


_Built = tuple[Event | None, pendulum.Date | pendulum.DateTime | None, str]
_REPLIED = (
    ReplyKind.REFERENCES,
    ReplyKind.AVAILABILITY,
    ReplyKind.NEXT_ROUND,
)
_NAMES = {
    ReplyKind.REJECTION: "a rejection",
    ReplyKind.OFFER: "an offer",
    ReplyKind.NEXT_ROUND: "an invitation to another round",
    ReplyKind.HOLDING: "a holding reply",
    ReplyKind.FEEDBACK: "feedback",
    ReplyKind.FEEDBACK_DECLINED: "a refusal to give feedback",
    ReplyKind.REFERENCES: "a request for references",
    ReplyKind.AVAILABILITY: "a request for availability",
    ReplyKind.ACKNOWLEDGEMENT: "an automatic reply",
}


def _rejection(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    offered = reader.patterns.feedback_offered
    spans = list(offered.finditer(reader.prepared.text, reader.seen))
    evidence.extend(
        Evidence(start=s, end=e, text=reader.prepared.text[s:e], role="say", pattern=p)
        for s, e, p in spans
    )
    event = Rejected(at=reader.received, by=reader.by(), feedback_offered=bool(spans))
    effect = (
        "Check-ins and the other steps towards this job stop; asking for "
        "feedback becomes due within two business days"
        + (", which they offered." if spans else ".")
    )
    return event, None, effect


def _offer(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    respond_by = reader.deadline(mention)
    if mention is not None and mention.day is not None and mention.time is None:
        notes.append(
            f"the deadline has no time: read as the end of their working day, "
            f"{respond_by.format('HH:mm') if respond_by else ''}"
        )
    if respond_by is not None and respond_by < reader.received:
        notes.append(f"the deadline {respond_by.isoformat()} is before the reply")
        respond_by = None
    found: SalaryMention | None = find_salary(
        reader.prepared.text, reader.patterns, _time.zone_country(reader.zone)
    )
    if found is not None:
        evidence.append(
            Evidence(
                start=found.start,
                end=found.end,
                text=reader.prepared.text[found.start : found.end],
                role="salary",
                pattern="salary",
            )
        )
        if found.how:
            notes.append(found.how)
    event = OfferReceived(
        at=reader.received,
        respond_by=respond_by,
        salary=None if found is None else found.salary,
        by=reader.by(),
    )
    effect = (
        "Check-ins stop; thanking them for the offer and reviewing its terms become due"
    )
    effect += (
        f", before the answer is due on {respond_by.format('dddd D MMMM')}."
        if respond_by
        else "."
    )
    return event, respond_by, effect


def _next_round(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    latest = reader.latest
    value = None if mention is None else mention.value()
    if isinstance(value, pendulum.DateTime):
        if mention is not None and mention.until is not None:
            until = mention.until
            ends = value.replace(hour=until.hour, minute=until.minute)
        else:
            ends = None
        if ends is None or ends <= value:
            length = latest.ends_at - latest.starts_at
            ends = value + length
            minutes = int(length.total_seconds() // 60)
            notes.append(
                "its end is not stated: taken as long as the last round, "
                f"{minutes} minutes"
            )
        interview = attrs.evolve(
            latest,
            starts_at=value,
            ends_at=ends,
            round=min(latest.round + 1, 100),
            decision_expected_by=None,
            closing_date=None,
            next_stage=None,
        )
        notes.append(
            "the round copies the last one's organisation, role, format, "
            "interviewers and place: correct any that changed"
        )
        effect = (
            f"Check-ins stop; preparing for round {interview.round}, on "
            f"{value.format('dddd D MMMM [at] HH:mm')}, joins the plan, and "
            "thank-you notes follow it."
        )
        return (
            NextRoundScheduled(at=reader.received, interview=interview),
            value,
            effect,
        )
    if value is not None:
        notes.append(
            "a day is given but no time: record the round when its time is fixed"
        )
    else:
        notes.append(
            "no time is given: reply with your availability, then record the round"
        )
    event = ReplyReceived(
        at=reader.received,
        note="Invited to another round; its time is still to be fixed.",
    )
    return event, value, "Check-ins stop while the round is arranged."


def _holding(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    value = None if mention is None else mention.value()
    if value is None:
        notes.append("no date is given for their decision")
        event = ReplyReceived(at=reader.received, note="No decision yet.")
        return event, None, "Check-ins stop: they replied; record their next reply."
    event = ReplyReceived(
        at=reader.received, note="No decision yet.", decision_expected_by=value
    )
    return (
        event,
        value,
        f"The decision date moves to {value.format('dddd D MMMM')}; check-ins "
        "wait until after it.",
    )


def _replied(note: str, asked: str) -> Callable[..., _Built]:
    def build(
        reader: _Reader,
        mention: DateMention | None,
        holding: DateMention | None,
        evidence: list[Evidence],
        notes: list[str],
    ) -> _Built:
        value = None if holding is None else holding.value()
        if value is not None:
            event = ReplyReceived(
                at=reader.received, note=note, decision_expected_by=value
            )
            effect = (
                f"{asked} Check-ins wait until after "
                f"{value.format('dddd D MMMM')}, the date they gave."
            )
        else:
            event = ReplyReceived(at=reader.received, note=note)
            effect = f"{asked} Check-ins stop: they replied."
        return event, value, effect

    return build


def _feedback(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    event = FeedbackReceived(
        at=reader.received, by=reader.by(), note=reader.prepared.text or None
    )
    return (
        event,
        None,
        "The feedback request is answered; thanking them for the feedback "
        "becomes due, and its points can go to the learning log.",
    )


def _feedback_declined(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    return (
        FeedbackDeclined(at=reader.received),
        None,
        "The feedback request is answered; a short, gracious reply that asks "
        "to be considered for future openings becomes due.",
    )


def _acknowledgement(
    reader: _Reader,
    mention: DateMention | None,
    holding: DateMention | None,
    evidence: list[Evidence],
    notes: list[str],
) -> _Built:
    notes.append("an automatic reply is not an answer")
    return None, None, "Nothing to record: the plan stays as it is."


_BUILDERS: dict[ReplyKind, Callable[..., _Built]] = {
    ReplyKind.REJECTION: _rejection,
    ReplyKind.OFFER: _offer,
    ReplyKind.NEXT_ROUND: _next_round,
    ReplyKind.HOLDING: _holding,
    ReplyKind.FEEDBACK: _feedback,
    ReplyKind.FEEDBACK_DECLINED: _feedback_declined,
    ReplyKind.REFERENCES: _replied(
        "They asked for references.", "Send your referees' details and tell them."
    ),
    ReplyKind.AVAILABILITY: _replied(
        "They asked for the candidate's availability.", "Reply with your availability."
    ),
    ReplyKind.ACKNOWLEDGEMENT: _acknowledgement,
}


def _decision_dates(application: Application) -> tuple[dt.date, ...]:
    """The decision dates on record for the latest round: the one given at
    the interview and any a reply gave since."""
    found = []
    given = application.rounds[-1].decision_expected_by
    for value in (
        given,
        *(
            getattr(event, "decision_expected_by", None)
            for event in application.history.after_round[-1]
            if isinstance(event, ReplyReceived)
        ),
    ):
        if isinstance(value, dt.datetime):
            found.append(value.date())
        elif isinstance(value, dt.date):
            found.append(value)
    return tuple(found)


def _why_unknown(
    scores: dict[ReplyKind, tuple[float, list[Evidence], list[Evidence]]],
    notes: list[str],
    text: str,
) -> str:
    if not text.strip():
        return "the reply has no text of its own"
    hinted = [
        f'{_NAMES[kind]} ("{hints[0].text}")'
        for kind, (_, _, hints) in scores.items()
        if hints
    ]
    parts = list(notes)
    if hinted:
        parts.append("only a hint of " + ", ".join(hinted) + ", not enough to say")
    if not parts:
        parts.append("no phrase of any kind matched")
    return "; ".join(parts)


def _ambiguous(dates: tuple[DateMention, ...]) -> tuple[str, ...]:
    found = []
    for mention in dates:
        if mention.ambiguous:
            readings = " or ".join(d.format("D MMMM YYYY") for d in mention.readings)
            found.append(f'"{mention.text}" could be {readings}: {mention.how}')
    return tuple(found)
