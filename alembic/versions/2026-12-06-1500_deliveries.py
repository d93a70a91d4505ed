"""deliveries: the way each letter reached the debtor, e-Doręczenia, the post book, address search

Revision ID: i17_deliveries
Revises: 0008_instalment_window
Create Date: 2026-12-06 15:00:00

Issue 17. New tables: stored_file (scans and proofs with their SHA-256), delivery (one row per
recorded delivery with the effective day the rule gave), electronic_dispatch (letters and handoff
packages sent electronically, with the proof / UPO that came back), address_search (the task a
returned letter opens), unit_certificate (the unit's PKCS#12 for XAdES, password sealed).
New columns: debtor.ade, ade_checked_on, deceased_on; document.registered_number, channel,
form_version. Existing documents with a delivery date get a delivery row (method zpo, the
date as effective day) so that every delivered document has its delivery.

Parameters (dated rows with their source):
- doreczenie_awizo_dni = 14: KPA art. 44 §1 (t.j. Dz.U. 2024 poz. 572): the letter is kept 14 days
  at the post office or the commune office; §4: delivered with the lapse of the last day.
- e_doreczenie_fikcja_dni = 14: ustawa z 18.11.2020 o doręczeniach elektronicznych (t.j.
  Dz.U. 2024 poz. 1045), art. 41 ust. 1 pkt 3 and art. 42 ust. 2 (in the wording from 13.02.2023).
- e_doreczenia_stosowanie: 0 from 2021-10-05 (the act in force, public entities not yet bound);
  1 from 2025-01-01 (art. 155: public entities, among them the units of local government, deliver
  through e-Doręczenia from the date announced by the minister; the amendment of 21.11.2024,
  Dz.U. 2024 poz. 1841, kept 1.01.2025 and added art. 147 ust. 5: until 31.12.2025 paper is allowed
  when e-delivery is impossible for organisational reasons); 2 from 2026-01-01 (that exemption
  over). Routing sends to the ADE from value 1 on.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i17_deliveries"
down_revision: str | None = "i16a_rate_check"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UDE = "ustawa z 18.11.2020 o doręczeniach elektronicznych (t.j. Dz.U. 2024 poz. 1045)"
PARAMETERS: list[tuple[str, date, int, str, str]] = [
    (
        "doreczenie_awizo_dni",
        date(1980, 1, 1),
        14,
        "dni",
        "KPA art. 44 §1 i §4: pismo przechowuje się 14 dni w placówce pocztowej albo urzędzie"
        " gminy; doręczenie uważa się za dokonane z upływem ostatniego dnia tego okresu",
    ),
    (
        "e_doreczenie_fikcja_dni",
        date(2021, 10, 5),
        14,
        "dni",
        f"{_UDE} art. 41 ust. 1 pkt 3, art. 42 ust. 2: korespondencję nieodebraną uznaje się za"
        " doręczoną w dniu następującym po upływie 14 dni od dnia wpłynięcia na adres ADE",
    ),
    (
        "e_doreczenia_stosowanie",
        date(2021, 10, 5),
        0,
        "flaga",
        f"{_UDE} w życie 5.10.2021; podmioty publiczne bez obowiązku doręczeń na ADE",
    ),
    (
        "e_doreczenia_stosowanie",
        date(2025, 1, 1),
        1,
        "flaga",
        f"{_UDE} art. 155 (termin stosowania przez podmioty publiczne, w tym jednostki"
        " organizacyjne JST: 1.01.2025); ustawa z 21.11.2024 (Dz.U. 2024 poz. 1841) art. 147"
        " ust. 5: do 31.12.2025 doręczenie papierowe dopuszczalne z przesłanek organizacyjnych",
    ),
    (
        "e_doreczenia_stosowanie",
        date(2026, 1, 1),
        2,
        "flaga",
        f"{_UDE} art. 147 ust. 5 (Dz.U. 2024 poz. 1841): okres przejściowy zakończony 31.12.2025;"
        " doręczenie na adres ADE wpisany do BAE obowiązkowe",
    ),
]


def _created_at() -> sa.Column:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        _created_at(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_file")),
    )
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("substitute", sa.String(length=16), nullable=True),
        sa.Column("addressee_notified", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("first_notice_on", sa.Date(), nullable=True),
        sa.Column("second_notice_on", sa.Date(), nullable=True),
        sa.Column("refused_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("arrived_on", sa.Date(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("deemed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("scan_file_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_delivery_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["scan_file_id"], ["stored_file.id"], name=op.f("fk_delivery_scan_file_id_stored_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
    )
    op.create_index(op.f("ix_delivery_document_id"), "delivery", ["document_id"])
    op.create_table(
        "electronic_dispatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("handoff_id", sa.Integer(), nullable=True),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=100), nullable=False),
        sa.Column("message_id", sa.String(length=100), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("package_file_id", sa.Integer(), nullable=True),
        sa.Column("proof_file_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_electronic_dispatch_document_id_document"),
        ),
        sa.ForeignKeyConstraint(
            ["handoff_id"], ["handoff.id"], name=op.f("fk_electronic_dispatch_handoff_id_handoff")
        ),
        sa.ForeignKeyConstraint(
            ["package_file_id"],
            ["stored_file.id"],
            name=op.f("fk_electronic_dispatch_package_file_id_stored_file"),
        ),
        sa.ForeignKeyConstraint(
            ["proof_file_id"],
            ["stored_file.id"],
            name=op.f("fk_electronic_dispatch_proof_file_id_stored_file"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_electronic_dispatch")),
        sa.UniqueConstraint("message_id", name=op.f("uq_electronic_dispatch_message_id")),
    )
    op.create_index(
        op.f("ix_electronic_dispatch_document_id"), "electronic_dispatch", ["document_id"]
    )
    op.create_index(
        op.f("ix_electronic_dispatch_handoff_id"), "electronic_dispatch", ["handoff_id"]
    )
    op.create_table(
        "address_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("terc", sa.String(length=7), nullable=True),
        sa.Column("death_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_address_search_debtor_id_debtor")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_address_search_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address_search")),
    )
    op.create_index(op.f("ix_address_search_debtor_id"), "address_search", ["debtor_id"])
    op.create_table(
        "unit_certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("serial", sa.String(length=100), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("not_after", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("pkcs12", sa.LargeBinary(), nullable=False),
        sa.Column("password_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _created_at(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_certificate")),
    )
    with op.batch_alter_table("debtor") as batch:
        batch.add_column(sa.Column("deceased_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("ade", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("ade_checked_on", sa.Date(), nullable=True))
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("registered_number", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("channel", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("form_version", sa.String(length=16), nullable=True))
        batch.create_index(batch.f("ix_document_registered_number"), ["registered_number"])
    _seed_parameters()
    _existing_deliveries()


def _seed_parameters() -> None:
    parameter = sa.table(
        "parameter",
        sa.column("code", sa.String),
        sa.column("valid_from", sa.Date),
        sa.column("value", sa.BigInteger),
        sa.column("unit", sa.String),
        sa.column("source", sa.Text),
        sa.column("created_by", sa.String),
    )
    op.bulk_insert(
        parameter,
        [
            {
                "code": code,
                "valid_from": day,
                "value": value,
                "unit": unit,
                "source": source,
                "created_by": "migracja i17_deliveries",
            }
            for code, day, value, unit, source in PARAMETERS
        ],
    )


def _existing_deliveries() -> None:
    # A delivery date entered before this migration came from a return receipt (the only way the
    # product knew): it becomes a ZPO delivery effective that day, entered by whoever entered it.
    op.execute(
        "INSERT INTO delivery (document_id, method, signed_on, effective_on, basis, created_by,"
        " addressee_notified, deemed, note)"
        " SELECT id, 'zpo', delivered_on, delivered_on,"
        " 'KPA art. 42 §1 – data z potwierdzenia odbioru (zapis sprzed rejestru doręczeń)',"
        " COALESCE(delivery_recorded_by, 'nieznany'), false, false, ''"
        " FROM document WHERE delivered_on IS NOT NULL"
    )


def downgrade() -> None:
    op.execute(
        "DELETE FROM parameter WHERE code IN"
        " ('doreczenie_awizo_dni', 'e_doreczenie_fikcja_dni', 'e_doreczenia_stosowanie')"
    )
    with op.batch_alter_table("document") as batch:
        batch.drop_index(batch.f("ix_document_registered_number"))
        batch.drop_column("form_version")
        batch.drop_column("channel")
        batch.drop_column("registered_number")
    with op.batch_alter_table("debtor") as batch:
        batch.drop_column("ade_checked_on")
        batch.drop_column("ade")
        batch.drop_column("deceased_on")
    op.drop_table("unit_certificate")
    op.drop_index(op.f("ix_address_search_debtor_id"), table_name="address_search")
    op.drop_table("address_search")
    op.drop_index(op.f("ix_electronic_dispatch_handoff_id"), table_name="electronic_dispatch")
    op.drop_index(op.f("ix_electronic_dispatch_document_id"), table_name="electronic_dispatch")
    op.drop_table("electronic_dispatch")
    op.drop_index(op.f("ix_delivery_document_id"), table_name="delivery")
    op.drop_table("delivery")
    op.drop_table("stored_file")
