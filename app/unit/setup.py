"""The first start: an empty database gets the unit and its default enforcement authority from
the settings (WINDYKACJA_CREDITOR_*, WINDYKACJA_SIGNATORY_*, WINDYKACJA_AUTHORITY_*). Later starts
leave the data the admin keeps in "Ustawienia jednostki" alone."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.unit import authorities
from app.unit import service as unit_service


async def first_start(session: AsyncSession, settings: Settings) -> None:
    await unit_service.seed(session, settings)
    await authorities.seed(session, settings)
