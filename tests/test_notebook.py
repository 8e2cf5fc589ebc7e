"""The example notebook runs top to bottom in a real Jupyter kernel.

The cells tagged ``draft`` each end with a Draft, so Jupyter shows it through
its HTML repr; the cell tagged ``export`` prints the headers of the email one
draft becomes. Each cell tagged ``VIEW-view`` ends with a record that shows
itself as HTML and Markdown (a plan, an application, a scorecard, a
comparison, the learning log), and the two cells tagged ``chart`` each end
with a matplotlib figure, which Jupyter shows as a PNG. The notebook is
committed without outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbclient
import nbformat
from nbformat.v4 import new_code_cell

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "thank_you_drafts.ipynb"

# Each view's tag, and the class of the HTML it writes.
VIEWS = {
    "plan-view": "postinterview-plan",
    "application-view": "postinterview-application",
    "scorecard-view": "postinterview-scorecard",
    "comparison-view": "postinterview-ranking",
    "log-view": "postinterview-learning-log",
}

PANEL = {
    "Amara Nwosu": "amara.nwosu@fernhill.example",
    "Lukas Becker": "lukas.becker@fernhill.example",
    "Zoë Martin": "zoe.martin@fernhill.example",
}


def tagged(notebook: Any, tag: str) -> list[Any]:
    """Return the code cells of *notebook* that carry *tag*."""
    return [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code" and tag in cell.metadata.get("tags", ())
    ]


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], f"cell {cell.id} has outputs"
        assert cell.execution_count is None, f"cell {cell.id} was run"
    # The kernel test below finds the cells it checks by these tags.
    assert len(tagged(notebook, "draft")) == len(PANEL)
    assert len(tagged(notebook, "export")) == 1
    for tag in VIEWS:
        assert len(tagged(notebook, tag)) == 1, tag
    assert len(tagged(notebook, "chart")) == 2


def test_notebook_runs_and_shows_each_draft_view_and_chart() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # One cell more, run only here: the kernel must be this interpreter's
    # environment, or the notebook would test some other installed copy.
    notebook.cells.append(new_code_cell("import sys\nprint(sys.prefix, end='')"))
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError if a cell raises

    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not [out for out in cell.outputs if out.output_type == "error"]
    assert notebook.cells[-1].outputs[0].text == sys.prefix

    shown = []
    for cell in tagged(notebook, "draft"):
        [result] = [out for out in cell.outputs if out.output_type == "execute_result"]
        shown.append(result.data["text/html"])
    # Each draft cell shows one panel member's note, and every member has one.
    for name, address in PANEL.items():
        to = f"<strong>To:</strong> {name} &lt;{address}&gt;"
        naming = [html for html in shown if to in html]
        assert len(naming) == 1, name
        assert f"Dear {name}," in naming[0]

    [export] = tagged(notebook, "export")
    printed = "".join(
        out.text
        for out in export.outputs
        if out.output_type == "stream" and out.name == "stdout"
    )
    assert "To: Amara Nwosu <amara.nwosu@fernhill.example>\n" in printed
    assert "From: Ravi Patel <ravi.patel@example.org>\n" in printed
    assert "['text/plain', 'text/html']" in printed

    # Each view comes as HTML and as Markdown beside the repr.
    for tag, css in VIEWS.items():
        [cell] = tagged(notebook, tag)
        [result] = [out for out in cell.outputs if out.output_type == "execute_result"]
        assert {"text/plain", "text/html", "text/markdown"} <= set(result.data), tag
        assert result.data["text/html"].startswith(f'<div class="{css} '), tag
        assert "<table>" in result.data["text/html"], tag
        assert "| --- |" in result.data["text/markdown"], tag
    [plan_view] = tagged(notebook, "plan-view")
    assert "Amara Nwosu, by email" in plan_view.outputs[0].data["text/html"]
    [log_view] = tagged(notebook, "log-view")
    shown = log_view.outputs[0].data["text/markdown"]
    assert "3 applications" in shown
    assert "| examples | 2, 2, 3 |" in shown

    # Each chart is a figure that Jupyter shows as a PNG.
    for cell in tagged(notebook, "chart"):
        images = [out for out in cell.outputs if "image/png" in out.get("data", {})]
        assert len(images) == 1
        assert "Figure" in images[0].data["text/plain"]
