from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request


def get_today(request: Request) -> date:
    return request.app.state.clock()  # type: ignore[no-any-return]


TodayDep = Annotated[date, Depends(get_today)]
