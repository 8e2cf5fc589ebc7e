"""Layout: a letter's plain-text paragraphs as HTML.

Each packaged letter's words are written once, as plain paragraphs with a
blank line between them; the text body prints them as they are, and the HTML
body passes them through :func:`paragraphs`.
"""

from __future__ import annotations

import markupsafe


def paragraphs(block: str) -> markupsafe.Markup:
    """Lay out *block*, text already escaped, as HTML paragraphs and lists.

    Paragraphs are separated by blank lines. Lines that start with "- " make
    a list (after the paragraph's first line, when it does not); any other
    line break inside a paragraph stays a line break.
    """
    html: list[str] = []
    for paragraph in str(block).strip().split("\n\n"):
        lines = [line.strip() for line in paragraph.strip().splitlines()]
        if not lines or not lines[0]:
            continue
        items = [line[2:] for line in lines if line.startswith("- ")]
        lead = [line for line in lines if not line.startswith("- ")]
        if lead:
            html.append(f"<p>{'<br>'.join(lead)}</p>")
        if items:
            html.append(
                "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
            )
    # The block was escaped as it was rendered; only tags were added here.
    return markupsafe.Markup("\n".join(html))  # noqa: S704
