"""Letters: drafts of the thank-you notes and the other messages, from Jinja.

Each kind of letter has three packaged templates under
``postinterview/templates/<kind>/``: ``subject.txt.j2``, ``body.txt.j2`` and
``body.html.j2``. The functions here fill them from the interview record and
return a :class:`Draft`, which checks itself, shows itself in a notebook and
becomes an :class:`email.message.EmailMessage`, the bytes of an ``.eml`` file
or a ``mailto:`` link.

Everything a person typed (names, highlights, reasons) reaches a template as
data, never as template source: the text body shows it as written and the
HTML body shows it escaped. Host tools can mount the packaged templates in
their own Jinja environment (:func:`loader`, :func:`environment`,
:data:`FILTERS`) and run templates their users wrote in a sandbox
(:func:`render_user_template`).

>>> import pendulum
>>> from postinterview import Interview, Person
>>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
>>> priya = Person(name="Priya Shah", email="priya@acme.example")
>>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
...                starts_at=end.subtract(hours=1), ends_at=end,
...                interviewers=(priya,))
>>> me = Candidate(name="Sam Jones", email="sam@example.org")
>>> draft = thank_you(iv, to=priya, sender=me,
...                   highlight="the move from nightly batches to streaming")
>>> draft.subject
'Data Engineer interview: thank you from Sam Jones'
>>> print(draft.text.splitlines()[0])
Dear Priya Shah,
>>> draft.check()
()
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# One concept to a module: the sender (_candidate); the locales and filters
# (_locale); the Jinja environments (_environment); the draft (_draft) and its
# checks (_parts, _conventions, _checks, _prose, _fit, _panel); email export
# (_email); composing any kind of letter (_compose); the letters by family
# (_thanks, _pending, _replies); drafts from a follow-up plan (_plan); the
# sandbox for users' templates (_sandbox).
from postinterview.letters import (
    _checks,
    _compose,
    _email,
    _environment,
    _locale,
    _prose,
)
from postinterview.letters._candidate import Candidate
from postinterview.letters._catalogs import add_language, languages, remove_language
from postinterview.letters._checks import body_words
from postinterview.letters._compose import _DETAILS as _DETAILS
from postinterview.letters._compose import template_context
from postinterview.letters._draft import Draft
from postinterview.letters._environment import _render as _render
from postinterview.letters._environment import environment, install_messages, loader
from postinterview.letters._panel import check_panel
from postinterview.letters._pending import check_in, reference_brief, withdrawal
from postinterview.letters._plan import draft_for
from postinterview.letters._replies import (
    feedback_request,
    feedback_thanks,
    offer_thanks,
    rejection_reply,
)
from postinterview.letters._sandbox import render_user_template
from postinterview.letters._thanks import thank_you, thank_you_each

# _DETAILS and _render are imported from here by the tests and the benchmark.
__all__ = [
    "BODY_WORDS",
    "BRITISH_WORDS",
    "FILTERS",
    "KINDS",
    "LOCALES",
    "MAILTO_MAX_LENGTH",
    "OPTIONS",
    "Candidate",
    "Draft",
    "add_language",
    "body_words",
    "check_in",
    "check_panel",
    "draft_for",
    "environment",
    "feedback_request",
    "feedback_thanks",
    "install_messages",
    "languages",
    "loader",
    "offer_thanks",
    "reference_brief",
    "rejection_reply",
    "remove_language",
    "render_user_template",
    "template_context",
    "thank_you",
    "thank_you_each",
    "withdrawal",
]

#: How many words the body of each kind of letter should have, as (fewest,
#: most), 0 for no fewest: what :meth:`Draft.check` holds a body to. The body
#: is what lies between the greeting line and the sign-off paragraph (the last
#: one: the closing, the name and the signature); a call script's is its
#: "What to say:" section, up to the next heading (a line ending with a
#: colon). A word is a run of characters between white space that holds a
#: letter or a digit. A thank-you
#: note is 80 to 150 words, the forgotten point included; a check-in at most
#: 90; a feedback request at most 110; the other packaged letters at most 160.
#: These are English's; :func:`body_words` gives every language's.
BODY_WORDS: Mapping[str, tuple[int, int]] = _checks.BODY_WORDS
#: British words that an en_US letter should not use, each with what an
#: American letter says instead ("referee": "reference"); words of names in
#: the record are left alone.
BRITISH_WORDS: Mapping[str, str] = _prose.BRITISH_WORDS
#: The kinds of letter, each with its three templates under ``<kind>/``.
KINDS = _compose.KINDS
#: The languages the packaged letters ship in, by tag (British English is the
#: source); :func:`languages` adds those a host added. A regional form of
#: one (``fr_CA``, ``es_MX``) reads its language's words.
LOCALES = _locale.LOCALES
#: The longest link :meth:`Draft.to_mailto` makes unless told otherwise: 2,000
#: characters. Not every browser and mail program passes a longer link on
#: whole (Internet Explorer stopped at 2,083), and a link is meant to work
#: wherever it is clicked.
MAILTO_MAX_LENGTH: int = _email.MAILTO_MAX_LENGTH
#: The filters the packaged templates use, for hosts that build their own
#: environment: ``spell``, ``longdate``, ``weekday``, ``names``, ``money``,
#: the joins ``sentence``, ``inline`` and ``stop`` (typed text as a sentence,
#: inside a sentence, ending a sentence) and ``paragraphs`` (plain paragraphs
#: as HTML).
FILTERS: Mapping[str, Callable[..., str]] = _locale.FILTERS
#: The settings the packaged templates are written for. A host that builds
#: its own environment passes them on: ``Environment(loader=...,
#: autoescape=..., **OPTIONS)``; the templates' layout depends on the first
#: three.
OPTIONS: Mapping[str, Any] = _environment.OPTIONS
