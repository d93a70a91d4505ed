from __future__ import annotations

from datetime import date, datetime

from app.models import TerytRegister
from app.schemas import Schema
from app.teryt.service import Commune


class CommuneRead(Schema):
    code: str
    name: str
    kind: str
    county: str
    voivodeship: str
    label: str

    @classmethod
    def of(cls, c: Commune) -> CommuneRead:
        return cls(
            code=c.code,
            name=c.name,
            kind=c.kind,
            county=c.county,
            voivodeship=c.voivodeship,
            label=c.label,
        )


class RegisterRead(Schema):
    catalog: str
    valid_on: date
    rows: int
    source: str
    imported_at: datetime
    imported_by: str

    @classmethod
    def of(cls, r: TerytRegister) -> RegisterRead:
        return cls(
            catalog=r.catalog,
            valid_on=r.valid_on,
            rows=r.rows,
            source=r.source,
            imported_at=r.imported_at,
            imported_by=r.imported_by,
        )
