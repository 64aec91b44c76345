"""Data loading: local mirror first, torchvision's real loader, one clear error offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from course import data

MIRROR = os.environ.get("COURSE_DATA_MIRROR")
needs_mirror = pytest.mark.skipif(not MIRROR, reason="COURSE_DATA_MIRROR is not set")


@needs_mirror
def test_prepare_copies_from_mirror_and_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_DATA", str(tmp_path))
    root = data.prepare("MNIST")
    assert root == tmp_path
    assert (tmp_path / "MNIST" / "raw" / "train-images-idx3-ubyte.gz").is_file()
    assert (tmp_path / "MNIST" / "raw" / "train-images-idx3-ubyte").is_file()  # unpacked by torchvision
    ds = data.load_dataset("MNIST", train=False)
    assert len(ds) == 10_000


def test_offline_without_mirror_gives_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_DATA", str(tmp_path))
    monkeypatch.delenv("COURSE_DATA_MIRROR", raising=False)
    import torchvision.datasets.mnist as mnist

    def no_network(*args, **kwargs):
        raise RuntimeError("Error downloading train-images-idx3-ubyte.gz")

    monkeypatch.setattr(mnist.MNIST, "download", no_network)
    with pytest.raises(data.DataUnavailableError, match="COURSE_DATA_MIRROR"):
        data.prepare("FashionMNIST")


def test_bad_mirror_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_DATA", str(tmp_path / "root"))
    monkeypatch.setenv("COURSE_DATA_MIRROR", str(tmp_path / "empty"))
    with pytest.raises(data.DataUnavailableError, match="has no MNIST/raw/ files"):
        data.prepare("MNIST")


def test_unknown_dataset():
    with pytest.raises(ValueError, match="choose one of MNIST, FashionMNIST"):
        data.prepare("CIFAR10")


def test_default_root_is_the_ignored_data_folder(monkeypatch):
    monkeypatch.delenv("COURSE_DATA", raising=False)
    assert data.data_root() == Path(data.__file__).resolve().parent.parent / "data"


@needs_mirror
@pytest.mark.parametrize("name", ["MNIST", "FashionMNIST"])
def test_load_tensors_normalised(name):
    x, y = data.load_tensors(name, train=True)
    assert x.shape == (60_000, 1, 28, 28) and x.dtype == torch.float32
    assert y.shape == (60_000,) and y.dtype == torch.int64
    assert abs(float(x.mean())) < 0.01 and abs(float(x.std()) - 1) < 0.01
    xf, _ = data.load_tensors(name, train=False, flatten=True)
    assert xf.shape == (10_000, 784)


def test_seeded_subset_and_minibatches():
    x = torch.arange(100).float().unsqueeze(1)
    y = torch.arange(100)
    a = data.seeded_subset(x, y, 10, seed=3)
    b = data.seeded_subset(x, y, 10, seed=3)
    assert torch.equal(a[0], b[0]) and torch.equal(a[0].squeeze(1).long(), a[1])
    assert not torch.equal(a[1], data.seeded_subset(x, y, 10, seed=4)[1])
    batches = list(data.minibatches(x, y, 32, generator=torch.Generator().manual_seed(0)))
    assert [len(b[1]) for b in batches] == [32, 32, 32, 4]
    assert sorted(torch.cat([b[1] for b in batches]).tolist()) == list(range(100))
    ordered = list(data.minibatches(x, y, 50, shuffle=False))
    assert torch.equal(ordered[0][1], torch.arange(50))
