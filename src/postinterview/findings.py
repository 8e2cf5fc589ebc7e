"""Findings: things worth a second look, reported as data rather than raised."""

from __future__ import annotations

import attrs

__all__ = ["Finding"]


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a check noticed: a *code* to act on, a *message* to show.

    *text* quotes the words that raised the finding, when there are some, so
    a host tool can highlight them.

    >>> Finding(code="doubled-word", message="'the' is written twice",
    ...         text="the the").code
    'doubled-word'
    """

    code: str
    message: str
    text: str | None = None
