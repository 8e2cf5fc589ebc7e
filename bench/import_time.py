"""How much time ``import postinterview`` adds on top of its own dependencies.

Host tools import this library at start-up, so importing it must stay cheap:
the goal is at most 20 ms more than importing attrs and pendulum alone.

Each measurement runs in a fresh interpreter (the one running this script),
which times ``import attrs, pendulum`` and then ``import postinterview``, each
around its import statement only: interpreter start-up does not count, and
the second figure is what the library adds, measured in the same process as
the first (the difference of two separate processes' medians swings by tens
of milliseconds on a busy machine). The children may write bytecode even when
PYTHONDONTWRITEBYTECODE is set, because an installed package has its bytecode
compiled, and one untimed run fills the caches. The script prints the medians
of 15 runs; it does not fail when the goal is missed.

Run it from an environment where postinterview is installed::

    python bench/import_time.py
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys

RUNS = 15
GOAL_MS = 20.0

BASELINE = "import attrs, pendulum"
LIBRARY = "import postinterview"

_CHILD = f"""\
import time
start = time.perf_counter()
{BASELINE}
middle = time.perf_counter()
{LIBRARY}
end = time.perf_counter()
print(middle - start, end - middle)
"""


def time_imports() -> tuple[float, float]:
    """Return the seconds of the two imports, one after the other, in a child."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        sys.exit(f"the imports failed in a fresh interpreter:\n{result.stderr}")
    baseline, added = result.stdout.split()
    return float(baseline), float(added)


@dataclasses.dataclass(frozen=True)
class ImportResult:
    """Median milliseconds of each import over *runs* fresh processes."""

    runs: int
    baseline_ms: float
    added_ms: float

    @property
    def library_ms(self) -> float:
        """Importing attrs and pendulum, then postinterview: the two medians."""
        return self.baseline_ms + self.added_ms

    @property
    def met(self) -> bool:
        return self.added_ms <= GOAL_MS


def measure(runs: int = RUNS) -> ImportResult:
    """Time both imports in *runs* fresh processes; return the medians."""
    time_imports()  # so that bytecode caches exist before timing starts
    baseline: list[float] = []
    added: list[float] = []
    for _ in range(runs):
        before, after = time_imports()
        baseline.append(before)
        added.append(after)
    return ImportResult(
        runs=runs,
        baseline_ms=statistics.median(baseline) * 1000,
        added_ms=statistics.median(added) * 1000,
    )


def main() -> None:
    result = measure()
    print(
        f"Python {sys.version.split()[0]}, median of {result.runs} fresh processes each"
    )
    print(f"  {BASELINE:<24} {result.baseline_ms:8.1f} ms")
    print(f"  {'then ' + LIBRARY:<24} {result.added_ms:8.1f} ms")
    verdict = "met" if result.met else "MISSED"
    print(f"Goal: at most {GOAL_MS:.0f} ms more than attrs and pendulum ({verdict}).")


if __name__ == "__main__":
    main()
