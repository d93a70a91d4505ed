from __future__ import annotations

from datetime import datetime
from typing import Any

from app.schemas import Schema


class AuditRead(Schema):
    id: int
    created_at: datetime
    actor: str
    action: str
    source: str
    subject: str
    debtor_id: int | None
    details: dict[str, Any]
