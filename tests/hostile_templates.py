"""Hostile user templates, composed at random, and the check each must pass.

The strategy builds templates the way an attacker would: a seed value
(a long string, bytes, a list, a big integer) grown by operators, methods
and filters nested in each other, doubled inside loops through a
namespace, printed, or recursed on in a macro. :func:`check_one` renders
one and requires that it end with a documented error or a bounded output,
within the time allowed. ``tests/test_sandbox.py`` runs them in a child
process whose address space is capped, so that a template that got past
the sandbox would fail the test rather than take the machine down.
"""

from __future__ import annotations

import time

from hypothesis import strategies as st

from postinterview.errors import TemplateRenderError
from postinterview.letters import render_user_template

MAX_CHARS = 10**6  # the output a render may write, far above any letter
MAX_SECONDS = 0.25  # short, so that time bombs end quickly
WITHIN = 2.0  # what a render may take in all, the clock's slack included

SIZES = st.sampled_from([0, 1, 3, 100, 1000, 10**4, 10**5, 10**6, 2 * 10**9])
COUNTS = st.sampled_from([1, 2, 10, 100, 1000])

SEEDS = st.one_of(
    SIZES.map(lambda n: f"'a' * {n}"),
    SIZES.map(lambda n: f"'a'.encode() * {n}"),
    SIZES.map(lambda n: f"['ab'] * {n}"),
    SIZES.map(lambda n: f"2 ** {n}"),
    st.sampled_from(
        [
            "'x'",
            "'<&>' * 1000",
            "'\\t\\n' * 500",
            "range(1000)|list",
            "namespace(a='x' * 1000)",
            "{'k': 'v' * 1000}",
            "lipsum(5)",
            "7",
            "1.5",
            "[]",
            "()",
        ]
    ),
)

# Steps that grow a value V; each is applied to a value drawn before it.
STEPS = [
    "(V) * N",
    "N * (V)",
    "(V) + (V)",
    "(V) ~ (V)",
    "[V, V, V]",
    "(V, V)",
    "{'a': V, 'b': V}",
    "(V) ** N",
    "(V) * (V)",
    "(V)|string",
    "(V)|tojson",
    "(V)|tojson(indent=4)",
    "(V)|pprint",
    "(V)|list",
    "(V)|join(V|string)",
    "(V)|join('-')",
    "[V, V]|sum(start=[])",
    "(V)|sum(start=[])",
    "(V)|batch(N, V)|list",
    "(V)|slice(N, V)|list",
    "(V)|center(N)",
    "(V)|indent(N)",
    "(V)|wordwrap(1, wrapstring=V|string)",
    "(V)|replace('a', V|string)",
    "(V)|format(V, V)",
    "(V)|truncate(N, end=V|string)",
    "(V)|urlize(target=V|string)",
    "(V)|map('string')|list",
    "(V)|map('center', N)|list",
    "(V)|e",
    "(V)|int",
    "(V)|round(N)",
    "(V).ljust(N)",
    "(V).center(N)",
    "(V).zfill(N)",
    "(V).expandtabs(N)",
    "(V).join([V, V])",
    "(V).replace(V, V)",
    "(V).encode('utf-32')",
    "(V).to_bytes(N, 'big')",
    "'{0}{0}{0}'.format(V)",
    "'{:>N}'.format(V)",
    "'%s%s' % (V, V)",
    "'%-Ns' % (V,)",
]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    """A seed grown by up to *depth* steps."""
    value = draw(SEEDS)
    for _ in range(draw(st.integers(0, depth))):
        step = draw(st.sampled_from(STEPS))
        value = step.replace("N", str(draw(SIZES))).replace("V", value)
    return value


@st.composite
def hostile_templates(draw: st.DrawFn) -> str:
    """A whole template: an expression printed, grown in loops, or recursed on."""
    shape = draw(st.sampled_from(["print", "length", "loop", "nested", "macro"]))
    value = draw(expressions())
    if shape == "print":
        return "{{ " + value + " }}"
    if shape == "length":
        return "{{ (" + value + ")|length }}"
    step = draw(st.sampled_from(STEPS)).replace("N", str(draw(COUNTS)))
    grown = step.replace("V", "ns.v")
    if shape == "loop":
        return (
            "{% set ns = namespace(v=" + value + ") %}"
            "{% for i in range(" + str(draw(COUNTS)) + ") %}"
            "{% set ns.v = " + grown + " %}{% endfor %}{{ ns.v|length }}"
        )
    if shape == "nested":
        loops = draw(st.integers(1, 3))
        count = str(draw(COUNTS))
        opened = ("{% for i in range(" + count + ") %}") * loops
        closed = "{% endfor %}" * loops
        return (
            "{% set ns = namespace(v="
            + value
            + ") %}"
            + opened
            + "{% set ns.v = "
            + grown
            + " %}{{ ns.v|length }}"
            + closed
        )
    calls = draw(st.integers(1, 2))
    return (
        "{% macro m(v) %}"
        + ("{{ m(" + grown.replace("ns.v", "v") + ") }}") * calls
        + "{% endmacro %}{{ m("
        + value
        + ") }}"
    )


def check_one(source: str) -> None:
    """Render *source*: a documented error or a bounded output, in time."""
    start = time.monotonic()
    output = ""
    stopped = None
    try:
        output = render_user_template(
            source, {}, max_chars=MAX_CHARS, max_seconds=MAX_SECONDS
        )
    except TemplateRenderError as error:  # UnsafeTemplateError is one too
        stopped = str(error)
    # A MemoryError would come back as a TemplateRenderError naming it: that
    # is the cap doing the sandbox's work, a failure.
    assert stopped is None or "MemoryError" not in stopped, source
    assert len(output) <= MAX_CHARS, source
    took = time.monotonic() - start
    assert took < WITHIN, f"{took:.2f} s: {source}"
