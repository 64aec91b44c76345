"""The plotting helpers draw what they are given (Agg backend: no display needed)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course.plotting import plot_learning_curves  # noqa: E402


def _lines(ax):
    return {line.get_label(): (line.get_xdata(), line.get_ydata()) for line in ax.get_lines()}


def test_learning_curves_group_losses_and_accuracies():
    history = {"train_loss": [1.0, 0.5, 0.25], "test_loss": [1.1, 0.6, 0.4], "test_accuracy": [0.5, 0.7, 0.8]}
    fig = plot_learning_curves(history, title="run")
    try:
        loss_ax, acc_ax = fig.axes
        assert loss_ax.get_ylabel() == "loss" and acc_ax.get_ylabel() == "accuracy"
        losses = _lines(loss_ax)
        assert set(losses) == {"train loss", "test loss"}
        np.testing.assert_allclose(losses["train loss"][0], [1, 2, 3])
        np.testing.assert_allclose(losses["test loss"][1], [1.1, 0.6, 0.4])
        np.testing.assert_allclose(_lines(acc_ax)["test accuracy"][1], [0.5, 0.7, 0.8])
        assert fig._suptitle is not None and fig._suptitle.get_text() == "run"
    finally:
        plt.close(fig)


def test_learning_curves_positions_and_single_panel():
    fig = plot_learning_curves({"train_loss": [3.0, 2.0], "lr": [0.1, 0.01]}, x=[0.5, 1.0], xlabel="epochs")
    try:
        (ax,) = fig.axes
        assert ax.get_xlabel() == "epochs"
        lines = _lines(ax)
        assert set(lines) == {"train loss"}  # series that are neither losses nor accuracies are not drawn
        np.testing.assert_allclose(lines["train loss"][0], [0.5, 1.0])
    finally:
        plt.close(fig)


def test_learning_curves_reject_bad_input():
    with pytest.raises(ValueError, match="x has 3"):
        plot_learning_curves({"train_loss": [1.0, 2.0]}, x=[1, 2, 3])
    with pytest.raises(ValueError, match="no series"):
        plot_learning_curves({"lr": [0.1]})
    plt.close("all")
