"""Run a piece of hostile input in a child process with memory and time caps.

A test that feeds the library something built to exhaust memory or time must
not take the test run down with it, and must prove the library stops inside
the caps rather than merely eventually. :func:`run_capped` runs a snippet in
a child process whose address space is capped (512 MiB by default), times
the snippet alone (imports and setup excluded), and reports the exception it
raised.

Each snippet gets a process of its own, forked from a server process that
has imported the library (``PRELOAD``) and done nothing else: the snippet
starts as it would in a fresh interpreter that had just run those imports,
without paying for an interpreter and its imports each time (a test run
makes well over a hundred of these children). The child takes the caller's
current working directory and environment, caps its address space before
it runs anything of the snippet's, and has the snippet's output to itself.
The server starts on the first call, serves one snippet at a time, and ends
when the test process does.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass

MEMORY_CAP = 512 * 2**20
SECONDS = 2.0
#: What the server imports once, before it forks: what nearly every snippet's
#: setup imports. Anything else a snippet imports in its own process.
PRELOAD = ("postinterview", "postinterview.letters", "postinterview.serialize")
#: Time allowed beyond a snippet's *seconds*, for its setup.
SLACK = 30.0

# The server reads one request a line from standard input (JSON: the setup,
# the code, the caps, the caller's directory and environment) and answers
# each with one line (JSON: the child's exit status, its standard output and
# error, or that it ran out of time). The child caps its own address space
# first, so that nothing of the snippet's, imports included, grows past the
# cap; then it runs *setup* untimed and *code* timed, and prints its result
# as the last line of its standard output.
_SERVER = """
import json, os, resource, sys, tempfile, time, traceback

for name in {preload!r}:
    __import__(name)


def child(request, out, err):
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    memory = request["memory"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    space = {{}}
    exec(request["setup"], space)
    start = time.perf_counter()
    try:
        exec(request["code"], space)
    except BaseException as error:
        elapsed = time.perf_counter() - start
        kind = type(error)
        result = {{
            "error": kind.__module__ + "." + kind.__qualname__,
            "message": str(error)[:500],
            "elapsed": elapsed,
        }}
    else:
        elapsed = time.perf_counter() - start
        result = {{"error": None, "message": "", "elapsed": elapsed}}
    print(json.dumps(result))


def serve(request):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                child(request, out, err)
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        deadline = time.monotonic() + request["seconds"]
        pause = 0.001
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                return {{"timeout": True}}
            time.sleep(pause)
            pause = min(pause * 2, 0.02)
        texts = []
        for file in (out, err):
            file.seek(0)
            texts.append(file.read().decode("utf-8", "replace"))
        return {{
            "timeout": False,
            "returncode": os.waitstatus_to_exitcode(status),
            "stdout": texts[0],
            "stderr": texts[1],
        }}


for line in sys.stdin:
    sys.stdout.write(json.dumps(serve(json.loads(line))) + "\\n")
    sys.stdout.flush()
"""


@dataclass(frozen=True)
class Outcome:
    """What a capped run of a snippet did."""

    error: str | None  # qualified name of the exception raised, or None
    message: str
    elapsed: float  # seconds the snippet took, imports and setup excluded


class _Server:
    """The process that forks a child for each snippet, started when first
    needed (and again if it stopped)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        atexit.register(self.close)

    def ask(self, request: dict[str, object], wait: float) -> dict[str, object]:
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None:
                self.close()
                process = self._process = subprocess.Popen(
                    [sys.executable, "-c", _SERVER.format(preload=PRELOAD)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                )
            assert process.stdin is not None
            assert process.stdout is not None
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], wait)
            line = process.stdout.readline() if ready else ""
            if not line:  # pragma: no cover - reported as a failure
                process.kill()
                said = self.close()
                raise AssertionError(f"the capped runs' server stopped:\n{said}")
            reply: dict[str, object] = json.loads(line)
            return reply

    def close(self) -> str:
        """End the server (it stops when its standard input closes) and
        return the end of what it wrote to its standard error."""
        process, self._process = self._process, None
        if process is None:
            return ""
        _, said = process.communicate(timeout=10)
        return said[-2000:]


_SERVER_PROCESS = _Server()


def run_capped(
    code: str,
    *,
    setup: str = "",
    memory: int = MEMORY_CAP,
    seconds: float = SECONDS,
) -> Outcome:
    """Run *code* after *setup* in a child capped at *memory* bytes.

    Fails the calling test when the child dies or outlives *seconds* plus
    time for its setup; the caller asserts on the :class:`Outcome`.
    """
    request = {
        "setup": textwrap.dedent(setup),
        "code": textwrap.dedent(code),
        "memory": memory,
        "seconds": seconds + SLACK,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
    }
    # The server answers by the child's deadline; a minute more means it is stuck.
    reply = _SERVER_PROCESS.ask(request, wait=seconds + SLACK + 60)
    if reply["timeout"]:  # pragma: no cover - reported as a failure
        raise AssertionError(f"no answer within {seconds} s:\n{code}")
    stdout, stderr = str(reply["stdout"]), str(reply["stderr"])
    lines = stdout.strip().splitlines()
    if reply["returncode"] != 0 or not lines:
        raise AssertionError(
            f"the child failed (exit {reply['returncode']}):\n{stderr[-2000:]}"
        )
    outcome = json.loads(lines[-1])
    return Outcome(outcome["error"], outcome["message"], outcome["elapsed"])
