"""`GET /health` for the container's HEALTHCHECK and load balancers: the database answers. No
log-in, nothing about the data: {"status": "ok"} or 503."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter(tags=["health"])


@router.get("/health", response_model=None)
async def health(request: Request) -> JSONResponse:
    """The service and its database are up."""
    try:
        async with request.app.state.sessionmaker() as session:
            await session.execute(text("SELECT 1"))
    except Exception:  # any failure of the database means "not healthy", nothing more
        return JSONResponse({"status": "niedostępna baza danych"}, status_code=503)
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})
