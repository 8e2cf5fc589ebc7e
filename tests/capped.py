"""Run a piece of hostile input in a child process with memory and time caps.

A test that feeds the library something built to exhaust memory or time must
not take the test run down with it, and must prove the library stops inside
the caps rather than merely eventually. :func:`run_capped` runs a snippet in
a fresh interpreter whose address space is capped (512 MiB by default), times
the snippet alone (imports excluded), and reports the exception it raised.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass

MEMORY_CAP = 512 * 2**20
SECONDS = 2.0

# The child caps its own address space first, so that nothing it does, imports
# included, can grow past the cap; then it runs *setup* untimed and *code* timed.
_CHILD = """
import json, resource, sys, time, traceback
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
setup, code = json.loads(sys.stdin.read())
space = {{}}
exec(setup, space)
start = time.perf_counter()
try:
    exec(code, space)
except BaseException as error:
    elapsed = time.perf_counter() - start
    kind = type(error)
    result = {{
        "error": kind.__module__ + "." + kind.__qualname__,
        "message": str(error)[:500],
        "elapsed": elapsed,
    }}
else:
    result = {{"error": None, "message": "", "elapsed": time.perf_counter() - start}}
print(json.dumps(result))
"""


@dataclass(frozen=True)
class Outcome:
    """What a capped run of a snippet did."""

    error: str | None  # qualified name of the exception raised, or None
    message: str
    elapsed: float  # seconds the snippet took, imports and setup excluded


def run_capped(
    code: str,
    *,
    setup: str = "",
    memory: int = MEMORY_CAP,
    seconds: float = SECONDS,
) -> Outcome:
    """Run *code* after *setup* in a child capped at *memory* bytes.

    Fails the calling test when the child dies or outlives *seconds* plus
    time for its imports; the caller asserts on the :class:`Outcome`.
    """
    child = _CHILD.format(memory=memory)
    payload = json.dumps([textwrap.dedent(setup), textwrap.dedent(code)])
    try:
        done = subprocess.run(
            [sys.executable, "-c", child],
            input=payload,
            capture_output=True,
            text=True,
            timeout=seconds + 30,  # interpreter start and imports
            check=False,
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - reported as a failure
        raise AssertionError(f"no answer within {seconds} s:\n{code}") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise AssertionError(
            f"the child failed (exit {done.returncode}):\n{done.stderr[-2000:]}"
        )
    outcome = json.loads(lines[-1])
    return Outcome(outcome["error"], outcome["message"], outcome["elapsed"])
