import pytest

from tests.titles.test_api import _titled


@pytest.fixture
async def title(api) -> tuple[int, int]:
    """A stay fee of 250.00 under an executive title TW/UM/1/2025 issued on 2025-04-11 (demand
    delivered 2025-03-05, term 2025-03-19, reminder delivered 2025-04-03): (receivable, title)."""
    return await _titled(api)
