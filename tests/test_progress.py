"""The notebooks' progress bar: tqdm on stdout, never on stderr (a graded cell that writes there scores zero)."""

from __future__ import annotations

import warnings

from course.progress import progress


def test_progress_bar_writes_to_stdout_only(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no TqdmWarning either
        bar = progress(range(3), desc="training", unit="epoch")
        seen = []
        for i in bar:
            seen.append(i)
            bar.set_postfix(loss=f"{1.0 / (i + 1):.4f}")
        bar.close()
    out, err = capsys.readouterr()
    assert seen == [0, 1, 2]
    assert err == ""
    assert "training" in out and "3/3" in out and "loss=0.3333" in out


def test_progress_bar_by_hand(capsys):
    bar = progress(total=40, desc="training", unit="step")
    for _ in range(2):
        bar.update(20)
    bar.close()
    out, err = capsys.readouterr()
    assert err == "" and "40/40" in out


def test_progress_bar_in_a_kernel_is_a_widget_with_a_final_text(tmp_path):
    """In a Jupyter kernel: a widget, nothing on stderr, and the text form saved with the notebook is final."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "from course.progress import progress\n"
        "bar = progress(range(3), desc='training', unit='epoch')\n"
        "for i in bar:\n"
        "    bar.set_postfix(loss=f'{1.0 / (i + 1):.4f}')\n"
    )]
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    widgets = [o for o in outputs if o.output_type == "display_data"]
    assert len(widgets) == 1 and "application/vnd.jupyter.widget-view+json" in widgets[0].data
    text = widgets[0].data["text/plain"]
    assert "training" in text and "3/3" in text and "loss=0.3333" in text
