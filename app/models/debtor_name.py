from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, event, insert, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column
from sqlalchemy.orm.attributes import get_history

from app.models.base import Base, postgresql_only
from app.models.debtor import Debtor, SortKey


class DebtorName(Base):
    """The name search of the receivable list (issue 19 item 2): each debtor's Polish sort key
    and folded name, copied from debtor into a narrow table of its own (~70 bytes a row).

    A fragment ("zolk") is matched through the trigram index, which cannot carry the sort key:
    PostgreSQL then reads each matching row to sort the matches by name. In the wide debtor
    table the 18,518 matches of "zolk" (1M receivables benchmark) lie on ~7,500 of its pages;
    here, a row being 1/4 of the size and the rows filled in name order by the migration, they
    lie on ~180 (EXPLAIN (ANALYZE, BUFFERS) in benchmarks/receivable_list.py). Debtors added
    later go to the end of the table; `CLUSTER debtor_name USING ix_debtor_name_key_id` puts
    them in order again if ever needed.

    Kept in step with debtor.name by the mapper events below (every insert and every change of
    the name: the debtor forms, imports, anonymisation in app/retention), in the same flush."""

    __tablename__ = "debtor_name"
    __table_args__ = (
        Index("ix_debtor_name_key_id", "name_key", "debtor_id"),
        postgresql_only(
            Index(
                "ix_debtor_name_folded",
                "name_folded",
                postgresql_using="gin",
                postgresql_ops={"name_folded": "gin_trgm_ops"},
            )
        ),
    )

    debtor_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("debtor.id", ondelete="CASCADE"), primary_key=True
    )
    name_key: Mapped[str] = mapped_column(SortKey)
    name_folded: Mapped[str] = mapped_column(String(300))


@event.listens_for(Debtor, "after_insert")
def _inserted(_mapper: Mapper[Debtor], connection: Connection, debtor: Debtor) -> None:
    connection.execute(
        insert(DebtorName).values(
            debtor_id=debtor.id, name_key=debtor.name_key, name_folded=debtor.name_folded
        )
    )


@event.listens_for(Debtor, "after_update")
def _updated(_mapper: Mapper[Debtor], connection: Connection, debtor: Debtor) -> None:
    if not get_history(debtor, "name").has_changes():
        return
    connection.execute(
        update(DebtorName)
        .where(DebtorName.debtor_id == debtor.id)
        .values(name_key=debtor.name_key, name_folded=debtor.name_folded)
    )
