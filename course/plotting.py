"""Plotting helpers shared by the notebooks (static matplotlib figures; no interactive backends)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import torch

__all__ = [
    "plot_curves",
    "plot_learning_curves",
    "show_images",
    "plot_confusion_matrix",
    "plot_decision_boundary",
    "smooth",
]


def smooth(values: Sequence[float], window: int = 50) -> np.ndarray:
    """Moving average of ``values`` over ``window`` points (shorter at the start)."""
    v = np.asarray([float(x) for x in values], dtype=np.float64)
    if v.size == 0 or window <= 1:
        return v
    c = np.cumsum(np.insert(v, 0, 0.0))
    out = np.empty_like(v)
    for i in range(v.size):
        lo = max(0, i + 1 - window)
        out[i] = (c[i + 1] - c[lo]) / (i + 1 - lo)
    return out


def plot_curves(
    curves: Mapping[str, Sequence[float]],
    *,
    xlabel: str = "iteration",
    title: str | None = None,
    window: int = 1,
) -> plt.Figure:
    """One panel per curve name (e.g. ``{"loss": [...], "accuracy": [...]}``), optionally smoothed."""
    fig, axes = plt.subplots(1, len(curves), figsize=(4.5 * len(curves), 3.5), squeeze=False)
    for ax, (label, values) in zip(axes[0], curves.items()):
        raw = np.asarray([float(x) for x in values])
        if window > 1:
            ax.plot(raw, alpha=0.3, label="raw")
            ax.plot(smooth(raw, window), label=f"moving average ({window})")
            ax.legend()
        else:
            ax.plot(raw, marker="o" if raw.size <= 30 else None)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_learning_curves(
    history: Mapping[str, Sequence[float]],
    *,
    x: Sequence[float] | None = None,
    xlabel: str = "epoch",
    title: str | None = None,
) -> plt.Figure:
    """Learning curves of a training history such as ``{"train_loss": [...], "test_accuracy": [...]}``.

    Every series whose name contains ``"loss"`` goes in one panel and every series whose name contains
    ``"accuracy"`` in another, so that training and test curves can be compared (a panel without
    series is left out; other series are not drawn). ``x`` gives the position of each point on the
    horizontal axis (default 1, 2, ...: one point per epoch) and must have the length of every series.
    """
    groups = []
    for kind in ("loss", "accuracy"):
        series = [(name, values) for name, values in history.items() if kind in name]
        if series:
            groups.append((kind, series))
    if not groups:
        raise ValueError("history has no series whose name contains 'loss' or 'accuracy'")
    fig, axes = plt.subplots(1, len(groups), figsize=(5 * len(groups), 3.5), squeeze=False)
    for ax, (kind, series) in zip(axes[0], groups):
        for name, values in series:
            v = np.asarray([float(t) for t in values], dtype=np.float64)
            pos = np.arange(1, v.size + 1) if x is None else np.asarray([float(t) for t in x], dtype=np.float64)
            if pos.size != v.size:
                raise ValueError(f"series {name!r} has {v.size} points but x has {pos.size}")
            ax.plot(pos, v, marker="o" if v.size <= 30 else None, label=name.replace("_", " "))
        ax.set_xlabel(xlabel)
        ax.set_ylabel(kind)
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def show_images(
    images: torch.Tensor,
    labels: Sequence[str] | None = None,
    *,
    ncols: int = 8,
    size: float = 1.3,
) -> plt.Figure:
    """A grid of greyscale images ``(N, 28, 28)``, ``(N, 1, 28, 28)`` or ``(N, 784)`` with optional titles."""
    imgs = images.detach().cpu().reshape(images.shape[0], 28, 28) if images.ndim != 3 else images.detach().cpu()
    n = imgs.shape[0]
    nrows = max(1, -(-n // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.15), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(imgs[i].numpy(), cmap="gray")
            if labels is not None:
                ax.set_title(labels[i], fontsize=8)
    fig.tight_layout()
    return fig


def plot_confusion_matrix(matrix: torch.Tensor | np.ndarray, class_names: Sequence[str]) -> plt.Figure:
    """Show a confusion matrix (rows: true class, columns: predicted class) with counts."""
    m = np.asarray(matrix.cpu() if isinstance(matrix, torch.Tensor) else matrix)
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    im = ax.imshow(m, cmap="Blues")
    fig.colorbar(im, ax=ax)
    ticks = np.arange(len(class_names))
    ax.set_xticks(ticks, class_names, rotation=45, ha="right")
    ax.set_yticks(ticks, class_names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    threshold = m.max() / 2 if m.size else 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            ax.text(j, i, str(int(m[i, j])), ha="center", va="center", fontsize=7,
                    color="white" if m[i, j] > threshold else "black")
    fig.tight_layout()
    return fig


def plot_decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    y: np.ndarray,
    *,
    ax: plt.Axes | None = None,
    title: str | None = None,
    resolution: int = 200,
) -> plt.Axes:
    """Shade where ``predict`` (points ``(M, 2)`` -> probabilities ``(M,)``) is above 0.5, with the data on top."""
    ax = plt.gca() if ax is None else ax
    pad = 0.5
    x0, x1 = x[:, 0].min() - pad, x[:, 0].max() + pad
    y0, y1 = x[:, 1].min() - pad, x[:, 1].max() + pad
    gx, gy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    grid = np.c_[gx.ravel(), gy.ravel()]
    p = np.asarray(predict(grid)).reshape(gx.shape)
    ax.contourf(gx, gy, p, levels=[0.0, 0.5, 1.0], colors=["#f4b6b6", "#b6cdf4"], alpha=0.6)
    ax.contour(gx, gy, p, levels=[0.5], colors="k", linewidths=1)
    ax.scatter(x[:, 0], x[:, 1], c=np.asarray(y).ravel(), cmap="bwr_r", s=6, edgecolors="none")
    if title:
        ax.set_title(title)
    return ax
