"""A stand-in alimony module providing the year-end hook (see app.sweeps.service.ALIMONY_HOOK)."""

from __future__ import annotations

from datetime import date
from typing import Any


async def year_end_write_off_list(session: Any, *, year: int, as_of: date) -> list[dict[str, Any]]:
    del session
    return [
        {
            "debtor_id": 7,
            "percent": 30,
            "amount": "1200.00",
            "year": year,
            "as_of": as_of.isoformat(),
        }
    ]
