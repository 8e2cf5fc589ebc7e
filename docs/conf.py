"""Sphinx configuration: MyST Markdown pages, the furo theme, autodoc."""

from __future__ import annotations

import importlib.metadata

project = "postinterview"
author = "The postinterview developers"
copyright = "2026, the postinterview developers"
release = importlib.metadata.version("postinterview")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_tools"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "postinterview"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
