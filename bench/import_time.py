"""How much time ``import postinterview`` adds on top of its own dependencies.

Host tools import this library at start-up, so importing it must stay cheap:
the goal is at most 20 ms more than importing attrs and pendulum alone.

Each measurement runs in a fresh interpreter (the one running this script),
timed inside that interpreter around the import statement only, so that
interpreter start-up does not count. The children may write bytecode even when
PYTHONDONTWRITEBYTECODE is set, because an installed package has its bytecode
compiled, and one untimed run of each import fills the caches. The script
prints the median of 15 runs of each import and the difference between them;
it does not fail when the goal is missed.

Run it from an environment where postinterview is installed::

    python bench/import_time.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

RUNS = 15
GOAL_MS = 20.0

BASELINE = "import attrs, pendulum"
LIBRARY = "import postinterview"

_CHILD = """\
import time
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""


def time_import(statement: str) -> float:
    """Return the seconds that *statement* takes in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD.format(statement=statement)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        sys.exit(f"{statement!r} failed in a fresh interpreter:\n{result.stderr}")
    return float(result.stdout)


def main() -> None:
    """Measure both imports, alternating them so that drift hits both alike."""
    # One run each first, so that bytecode caches exist before timing starts.
    time_import(BASELINE)
    time_import(LIBRARY)
    baseline: list[float] = []
    library: list[float] = []
    for _ in range(RUNS):
        baseline.append(time_import(BASELINE))
        library.append(time_import(LIBRARY))
    baseline_ms = statistics.median(baseline) * 1000
    library_ms = statistics.median(library) * 1000
    added_ms = library_ms - baseline_ms
    print(f"Python {sys.version.split()[0]}, median of {RUNS} fresh processes each")
    print(f"  {BASELINE:<24} {baseline_ms:8.1f} ms")
    print(f"  {LIBRARY:<24} {library_ms:8.1f} ms")
    print(f"  {'difference':<24} {added_ms:8.1f} ms")
    verdict = "met" if added_ms <= GOAL_MS else "MISSED"
    print(f"Goal: at most {GOAL_MS:.0f} ms more than attrs and pendulum ({verdict}).")


if __name__ == "__main__":
    main()
