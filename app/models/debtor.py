from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.domain.collation import fold, sort_key
from app.models.base import Base, CreatedAt, postgresql_only

# The Polish sort key compares byte by byte (app/domain/collation.py): SQLite's BINARY does,
# PostgreSQL needs the C collation (a database's default may ignore spaces).
SortKey = String(300).with_variant(String(300, collation="C"), "postgresql")


class Debtor(CreatedAt, Base):
    """Zobowiązany. Identifiers are stored only after their checksum was validated."""

    __tablename__ = "debtor"
    __table_args__ = (
        # The debtor search (app/debtors/repository.py): a name fragment is ILIKE '%…%', which
        # only a trigram index serves; PESEL and NIP are searched by prefix, LIKE '…%', which a
        # plain btree serves only under the C collation, so on PostgreSQL they use the pattern
        # operator class (it serves equality too). Migration 0004_search_indexes.
        postgresql_only(
            Index(
                "ix_debtor_name_trgm",
                "name",
                postgresql_using="gin",
                postgresql_ops={"name": "gin_trgm_ops"},
            )
        ),
        # The receivable list (app/receivables/listing.py): Polish order with keyset pagination,
        # and a name fragment without diacritics (issue 19 item 2; migration i19b_list).
        Index("ix_debtor_name_key", "name_key", "id"),
        postgresql_only(
            Index(
                "ix_debtor_name_folded_trgm",
                "name_folded",
                postgresql_using="gin",
                postgresql_ops={"name_folded": "gin_trgm_ops"},
            )
        ),
        Index("ix_debtor_pesel", "pesel", postgresql_ops={"pesel": "varchar_pattern_ops"}),
        Index("ix_debtor_nip", "nip", postgresql_ops={"nip": "varchar_pattern_ops"}),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    # Derived from name whenever it is set (below): the Polish sort key and the folded name.
    name_key: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    name_folded: Mapped[str] = mapped_column(String(300), default="", server_default="")
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(150))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    # Administrative division: the TW-1 address needs województwo, powiat and gmina.
    voivodeship: Mapped[str | None] = mapped_column(String(40))
    county: Mapped[str | None] = mapped_column(String(60))
    commune: Mapped[str | None] = mapped_column(String(60))
    # The commune's TERC code (teryt_unit): the three names above follow from it.
    commune_code: Mapped[str | None] = mapped_column(String(7))
    pesel: Mapped[str | None] = mapped_column(String(11))
    nip: Mapped[str | None] = mapped_column(String(10))
    regon: Mapped[str | None] = mapped_column(String(14))
    # Seed 003 §2.3 folders a), i), j).
    address_unknown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    homeless: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deceased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The date of death from the PESEL register (issue 17 item 5); the deceased-debtor path
    # reads it (a later issue).
    deceased_on: Mapped[date | None] = mapped_column(Date)
    # Issue 20 item 7: the day the estate was divided (KC art. 1034 § 2: the heirs' joint
    # liability becomes liability by share).
    estate_divided_on: Mapped[date | None] = mapped_column(Date)
    # Issue 20 item 8: the personal data were anonymised (with the state archive's consent).
    anonymised_on: Mapped[date | None] = mapped_column(Date)
    # Adres do doręczeń elektronicznych from the BAE register, and when BAE was last checked
    # (u.d.e. art. 4, art. 25): letters to an ADE go electronically.
    ade: Mapped[str | None] = mapped_column(String(40))
    ade_checked_on: Mapped[date | None] = mapped_column(Date)

    @validates("name")
    def _derive_keys(self, _key: str, value: str) -> str:
        self.name_key = sort_key(value)
        self.name_folded = fold(value)
        return value
