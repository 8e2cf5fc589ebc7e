"""Letters: drafts of the thank-you notes and the other messages, from Jinja.

Each kind of letter has three packaged templates under
``postinterview/templates/<kind>/``: ``subject.txt.j2``, ``body.txt.j2`` and
``body.html.j2``. The functions here fill them from the interview record and
return a :class:`Draft`, which checks itself, shows itself in a notebook and
becomes an :class:`email.message.EmailMessage`.

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

# The module moved here whole; it is cut into one module per concept next.

from postinterview.letters._sandbox import *  # noqa: F403
from postinterview.letters._sandbox import _DETAILS as _DETAILS
from postinterview.letters._sandbox import __all__ as __all__
from postinterview.letters._sandbox import _render as _render
