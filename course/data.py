"""Datasets for the course: MNIST and FashionMNIST through ``torchvision.datasets``.

Where the data lives:

* ``COURSE_DATA`` names the data root; by default ``data/`` at the top of the course
  repository (git-ignored), or ``~/.cache/nn-course/data`` when the package is installed
  on its own.
* If the root lacks a dataset's raw files and ``COURSE_DATA_MIRROR`` names a folder laid
  out like torchvision's (``MNIST/raw/*.gz``), the files are copied from there first;
  torchvision then checks their md5 sums and unpacks them without the network.
* Otherwise torchvision downloads them as usual. Offline with no mirror you get one
  :class:`DataUnavailableError` that says what to set.

The fast path for notebooks is :func:`load_tensors`: a whole split as one normalised
float tensor in memory, so training never pays per-image PIL transforms.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # torch is imported where it is used: checking the files needs no torch
    import torch

__all__ = [
    "DATASETS",
    "DataUnavailableError",
    "data_root",
    "prepare",
    "load_dataset",
    "load_tensors",
    "load_mnist_subsets",
    "seeded_subset",
    "minibatches",
    "CLASS_NAMES",
]

#: per-dataset normalisation constants (mean and std of the training pixels in [0, 1])
DATASETS: dict[str, tuple[float, float]] = {
    "MNIST": (0.1307, 0.3081),
    "FashionMNIST": (0.2860, 0.3530),
}

CLASS_NAMES: dict[str, list[str]] = {
    "MNIST": [str(d) for d in range(10)],
    "FashionMNIST": [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ],
}

_RAW_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)


class DataUnavailableError(RuntimeError):
    """The dataset is neither on disk, nor in a mirror, nor downloadable."""


def _repo_root() -> Path | None:
    here = Path(__file__).resolve().parent.parent
    return here if (here / "pyproject.toml").is_file() and (here / "course").is_dir() else None


def data_root() -> Path:
    """The data root: ``$COURSE_DATA``, else ``<repo>/data``, else ``~/.cache/nn-course/data``."""
    env = os.environ.get("COURSE_DATA")
    if env:
        return Path(env).expanduser()
    repo = _repo_root()
    if repo is not None:
        return repo / "data"
    return Path.home() / ".cache" / "nn-course" / "data"


def _check_name(name: str) -> None:
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}: choose one of {', '.join(DATASETS)}")


def _has_raw(raw: Path) -> bool:
    """True when every raw file is there, unpacked or gzipped."""
    return all((raw / f).is_file() or (raw / f"{f}.gz").is_file() for f in _RAW_FILES)


def _has_unpacked(raw: Path) -> bool:
    """True when every raw file is there unpacked: what torchvision itself checks before loading."""
    return all((raw / f).is_file() for f in _RAW_FILES)


def _copy_from_mirror(name: str, root: Path) -> bool:
    mirror = os.environ.get("COURSE_DATA_MIRROR")
    if not mirror:
        return False
    src = Path(mirror).expanduser() / name / "raw"
    if not _has_raw(src):
        raise DataUnavailableError(
            f"COURSE_DATA_MIRROR={mirror} has no {name}/raw/ files; expected {', '.join(_RAW_FILES)} (.gz)"
        )
    dst = root / name / "raw"
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.iterdir()):
        target = dst / f.name
        if f.is_file() and not target.exists():
            shutil.copyfile(f, target)
    return True


def prepare(name: str, root: Path | None = None) -> Path:
    """Make sure the raw files of dataset ``name`` are in ``root`` (mirror first, else download).

    Returns the data root. Raises :class:`DataUnavailableError` when the files cannot be had.
    """
    _check_name(name)
    root = data_root() if root is None else Path(root)
    raw = root / name / "raw"
    if _has_unpacked(raw):  # ready (torchvision would only check the same files)
        return root
    if not _has_raw(raw):
        _copy_from_mirror(name, root)
    from torchvision import datasets

    had_raw = _has_raw(raw)
    try:
        for train in (True, False):
            getattr(datasets, name)(str(root), train=train, download=True)
    except Exception as exc:  # torchvision reports a failed download as RuntimeError, URLError, ...
        if had_raw:
            raise
        raise DataUnavailableError(
            f"could not get {name} into {root}: {exc}. Either connect to the internet, or set "
            f"COURSE_DATA_MIRROR to a folder holding {name}/raw/*.gz (torchvision's layout), or "
            f"set COURSE_DATA to a data root that already holds them."
        ) from exc
    return root


@functools.lru_cache(maxsize=8)
def _load_uint8(name: str, train: bool, root: str) -> tuple[torch.Tensor, torch.Tensor]:
    from torchvision import datasets

    prepare(name, Path(root))
    ds = getattr(datasets, name)(root, train=train, download=False)
    return ds.data, ds.targets


def load_dataset(name: str, train: bool = True, transform=None):
    """The torchvision dataset itself (with an optional ``transform``), for DataLoader-based code."""
    from torchvision import datasets

    root = prepare(name)
    return getattr(datasets, name)(str(root), train=train, download=False, transform=transform)


def load_tensors(
    name: str,
    train: bool = True,
    *,
    flatten: bool = False,
    normalize: bool = True,
    device: str | torch.device = "cpu",
) -> tuple[torch.Tensor, torch.Tensor]:
    """A whole split as in-memory tensors ``(X, y)``.

    ``X`` is float32 of shape ``(N, 1, 28, 28)`` (or ``(N, 784)`` with ``flatten=True``), scaled
    to [0, 1] and, with ``normalize=True``, standardised by the training set's mean and std;
    ``y`` is int64 class indices of shape ``(N,)``.
    """
    import torch

    _check_name(name)
    images, labels = _load_uint8(name, bool(train), str(data_root()))
    x = images.to(torch.float32, copy=True).div_(255.0)  # one new tensor, then in place (188 MB a split)
    if normalize:
        mean, std = DATASETS[name]
        x.sub_(mean).div_(std)
    x = x.reshape(x.shape[0], -1) if flatten else x.unsqueeze(1)
    return x.to(device), labels.to(torch.int64).to(device)


def load_mnist_subsets(
    n_train: int = 1000,
    n_test: int = 1000,
    *,
    name: str = "MNIST",
    target_scale: float = 0.9,
    device: str | torch.device = "cpu",
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The first ``n_train`` training and first ``n_test`` test images, ready for a tanh network.

    Returns ``(X_train, Y_train, X_test, Y_test)``:

    * ``X_*`` float32 of shape ``(n, 784)``: the pixels scaled to [0, 1], then standardised with the
      scalar mean and (unbiased) standard deviation of the *training subset*, applied to both
      subsets, so the training inputs have mean 0 and standard deviation 1;
    * ``Y_*`` float32 of shape ``(n, 10)``: one-hot targets multiplied by ``target_scale`` (0.9 by
      default, so that a tanh output, which never reaches 1, can get close to them).

    The subsets are the first examples of each split in their stored order, not a random draw.
    """
    import torch

    _check_name(name)
    sizes = {True: n_train, False: n_test}
    loaded = {}
    for train, n in sizes.items():
        images, labels = _load_uint8(name, train, str(data_root()))
        if not 0 < n <= images.shape[0]:
            split = "training" if train else "test"
            raise ValueError(f"the {split} subset size must be in 1..{images.shape[0]}, got {n}")
        x = images[:n].reshape(n, -1).to(torch.float32).div_(255.0)
        y = torch.zeros(n, len(CLASS_NAMES[name]), dtype=torch.float32)
        y[torch.arange(n), labels[:n].to(torch.int64)] = target_scale
        loaded[train] = (x, y)
    mean, std = loaded[True][0].mean(), loaded[True][0].std()
    (x_train, y_train), (x_test, y_test) = loaded[True], loaded[False]
    x_train = (x_train - mean) / std
    x_test = (x_test - mean) / std
    return x_train.to(device), y_train.to(device), x_test.to(device), y_test.to(device)


def seeded_subset(
    x: torch.Tensor, y: torch.Tensor, n: int, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` examples drawn without replacement, the same ones for the same ``seed``."""
    import torch

    if not 0 < n <= x.shape[0]:
        raise ValueError(f"n must be in 1..{x.shape[0]}, got {n}")
    g = torch.Generator().manual_seed(seed)
    idx = torch.randperm(x.shape[0], generator=g)[:n].to(x.device)
    return x[idx], y[idx]


def minibatches(
    x: torch.Tensor,
    y: torch.Tensor,
    batch_size: int,
    *,
    shuffle: bool = True,
    generator: torch.Generator | None = None,
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield ``(x_batch, y_batch)`` over in-memory tensors; reshuffled on every call when ``shuffle``."""
    import torch

    n = x.shape[0]
    order = torch.randperm(n, generator=generator) if shuffle else torch.arange(n)
    order = order.to(x.device)
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size]
        yield x[idx], y[idx]
