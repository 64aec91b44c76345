"""A progress bar for the notebooks' long training loops.

:func:`progress` is ``tqdm.auto``: in JupyterLab a widget that updates in place, elsewhere one line
of text that is rewritten. Show a live readout with ``bar.set_postfix(loss=...)``.

It never writes to stderr (nbgrader gives zero to a graded cell that does, and JupyterLab shows
stderr in red): the text form goes to stdout, and tqdm's warning when ``ipywidgets`` is missing is
silenced. In a notebook, the bar's text form (what a notebook saved without its widgets shows, and
what the grader keeps) is brought up to date when the bar closes, so it shows the final count and
readout rather than the first. Use it in the notebooks' own training cells, not in a test cell.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable
from typing import Any

__all__ = ["progress"]


def progress(iterable: Iterable[Any] | None = None, *, total: int | None = None, desc: str | None = None,
             unit: str = "it") -> Any:
    """A ``tqdm.auto`` progress bar over ``iterable`` (or ``total`` steps updated by hand), on stdout.

    ``desc`` labels the bar and ``unit`` names a step ("epoch", "step"). The bar stays on screen
    when the loop ends (a loop over the bar closes it; close a bar updated by hand with ``close()``);
    call ``set_postfix(loss=...)`` on it for a live readout.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TqdmWarning (on stderr) when ipywidgets is not installed
        from tqdm.auto import tqdm
        from tqdm.notebook import tqdm_notebook
    options = {"total": total, "desc": desc, "unit": unit, "file": sys.stdout, "leave": True}
    if issubclass(tqdm, tqdm_notebook):  # in a Jupyter kernel with ipywidgets: the widget
        return _widget_bar(tqdm, iterable, options)
    return tqdm(iterable, **options)


def _widget_bar(widget_tqdm: type, iterable: Iterable[Any] | None, options: dict[str, Any]) -> Any:
    """tqdm's widget bar, shown through a display handle that gets the final text form on close."""
    from IPython.display import display

    class WidgetBar(widget_tqdm):
        def close(self) -> None:
            super().close()
            handle, self.course_handle = getattr(self, "course_handle", None), None
            if handle is not None:
                handle.update(self.container)

    bar = WidgetBar(iterable, display=False, **options)
    bar.course_handle = display(bar.container, display_id=True)
    return bar
