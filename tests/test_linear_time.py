"""Hostile sizes (issue 16, item 4): checking one file takes time linear in its size."""

from __future__ import annotations

from pathlib import Path

from kitrack import loader
from kitrack.loader import SourceFile, read


class _Walked(list):
    """A node's list of children that counts how often it is walked from the start."""

    def __init__(self, items, walks: list):
        super().__init__(items)
        self.walks = walks

    def __iter__(self):
        self.walks.append(1)
        return super().__iter__()


def _text(tmp_path: Path, text: str) -> SourceFile:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return read(path, "x.yaml", 5_000_000)


def test_locating_thousands_of_keys_walks_their_mapping_once(tmp_path):
    count = 3000
    source = _text(tmp_path, "".join(f"k{number}: {number}\n" for number in range(count)))
    walks: list = []
    root = source.root()
    root.value = _Walked(root.value, walks)
    for number in range(count):
        assert source.locate((f"k{number}",), key=True) == (number + 1, 1)
    assert source.locate(("k17", "deeper")) == (18, 6)  # a path that runs out: the deepest value on the way
    assert len(walks) <= 1  # was once per problem: 50,000 unknown keys took minutes


def test_thousands_of_duplicate_keys_are_found_in_one_walk(tmp_path, monkeypatch):
    compose, walks = loader._compose, []

    def counting(loader_class, text):
        root = compose(loader_class, text)
        root.value = _Walked(root.value, walks)
        return root

    monkeypatch.setattr(loader, "_compose", counting)
    keys = "".join(f"k{number}: 1\n" for number in range(2000))
    source = _text(tmp_path, keys + keys)
    duplicates = [p for p in source.problems if p.code == "duplicate-key"]
    assert len(duplicates) == 2000
    assert duplicates[-1].message == "duplicate key `k1999`: first at line 2000, again at line 4000"
    assert len(walks) <= 2  # converting, and the first lines of the keys; was once more per duplicate
