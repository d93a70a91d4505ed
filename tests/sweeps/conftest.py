from __future__ import annotations

import pytest

from app.sweeps import service


@pytest.fixture
def no_alimony_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """The year-end job as it runs while no alimony module provides its list (the extension
    point's contract, independent of how far app/alimony has got)."""
    monkeypatch.setattr(service, "ALIMONY_MODULE", "tests.sweeps.no_such_module")
