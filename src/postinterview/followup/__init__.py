"""The follow-up engine: from an application's history to what is still owed.

:func:`plan` is a pure function of an :class:`~postinterview.Application`, a
:class:`FollowUpPolicy` and ``now``. It returns a :class:`Plan`: every action
the candidate still owes, each with the window it belongs in, the moment to
send it (inside the recipient's business hours, in their own time zone), the
letter that drafts it and the reason for the rule behind it. Actions that
events have retired are kept in :attr:`Plan.done` with the retiring event.

The numbers of every rule live in :class:`FollowUpPolicy`, each with its
reason, so a host tool can show "why" next to "when".

Hours are elapsed time: 24 hours after an interview is 24 hours later even
across a DST change. Business days are counted in the recipient's time zone.

Inside, one module holds each part: the policy (``_policy``), the kinds of
action (``_kind``), :class:`Action` and :class:`Done` (``_action``),
:class:`Plan` and :func:`to_ics` (``_plan``) and their iCalendar writer
(``_ics``), and the engine
(``_engine``). The engine runs one module of rules per family on a shared
planner (``_planner``): notes and thank-yous (``_thank_yous``), referees
(``_referees``), the next round (``_next_round``), check-ins and moving on
(``_check_ins``), feedback after a rejection (``_feedback``), offers
(``_offers``) and the search as a whole (``_search``); ``_retiring`` says
which events retire which actions.
"""

from __future__ import annotations

import datetime as _dt

from postinterview.followup import _plan
from postinterview.followup._action import Action, Done
from postinterview.followup._engine import plan
from postinterview.followup._kind import ActionKind
from postinterview.followup._plan import Plan, to_ics
from postinterview.followup._policy import FollowUpPolicy

__all__ = [
    "REMIND_BEFORE",
    "Action",
    "ActionKind",
    "Done",
    "FollowUpPolicy",
    "Plan",
    "plan",
    "to_ics",
]

#: How long before an action's due time the second reminder of its calendar
#: event goes off, unless :meth:`Plan.to_ics` or :func:`to_ics` is given
#: another *remind_before*: 2 hours, time to write and check a short letter.
REMIND_BEFORE: _dt.timedelta = _plan.REMIND_BEFORE
