"""Print the follow-up rules table of docs/followup.md from FollowUpPolicy.

The table in the docs is generated, so it cannot drift from the code: the
test suite regenerates it and fails when the page differs. To update the page
after changing a default or a reason, run ``python docs/_tools/rules_table.py``
and paste its output between the markers.
"""

from __future__ import annotations

import datetime as dt

from postinterview import BusinessCalendar, FollowUpPolicy
from postinterview.workdays import LocalCalendars


def show(value: object) -> str:
    """Return a policy value as a reader would write it."""
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        if minutes % 60:
            return f"{minutes} minutes"
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    if isinstance(value, BusinessCalendar):
        return value.description
    if isinstance(value, LocalCalendars):
        hours = f"{value.opens:%H:%M}-{value.closes:%H:%M}"
        return f"each recipient's own weekend and public holidays, {hours}"
    return str(value)


def table(policy: FollowUpPolicy | None = None) -> str:
    """Return the Markdown table of every rule: field, default, unit, reason."""
    rows = [
        "| field | default | counted as | why |",
        "| --- | --- | --- | --- |",
    ]
    for name, value, unit, reason in (policy or FollowUpPolicy()).rules():
        rows.append(f"| `{name}` | {show(value)} | {unit} | {reason} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")  # noqa: T201 - this script prints the table
