"""The day's letters routed (issue 17 items 2–3): to the debtor's ADE where there is one and
e-Doręczenia apply, otherwise registered with a return receipt. The paper ones make the day's
pocztowa książka nadawcza, its Elektroniczny Nadawca import file and the address labels; the
registered-letter number is recorded on the document and found by it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.documents import service as docs
from app.domain.delivery import ELECTRONIC, PAPER, Route, route
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict, Invalid
from app.models import Debtor, Document
from app.postbook.repository import PostRepository
from app.receivables.repository import ReceivableRepository
from letters.postbook import PostItem

# Numer nadania: the 20-digit domestic number of Poczta Polska (e.g. 00659007734000123456) or the
# international S10 form (RR123456789PL).
_NUMBER = re.compile(r"^(\d{20}|[A-Z]{2}\d{9}[A-Z]{2})$")


@dataclass(frozen=True)
class Letter:
    document: Document
    debtor: Debtor
    route: Route

    @property
    def mailable(self) -> bool:
        return bool(self.debtor.street and self.debtor.postal_code and self.debtor.city)


async def e_delivery_applies(session: AsyncSession, day: date) -> bool:
    rows = await ReceivableRepository(session).parameter_rows()
    table = ParameterTable.of(ParameterCode.E_DORECZENIA_STOSOWANIE, rows)
    return bool(table.rows) and day >= table.rows[0].valid_from and table.value_on(day) >= 1


async def day_letters(session: AsyncSession, day: date) -> list[Letter]:
    """Every letter issued on the day with its route; a letter already sent keeps its channel."""
    applies = await e_delivery_applies(session, day)
    out = []
    for doc, debtor in await PostRepository(session).day_letters(day):
        chosen = route(debtor.ade, applies)
        if doc.channel in (ELECTRONIC, PAPER) and doc.channel != chosen.channel:
            chosen = Route(doc.channel, "wysłano już tą drogą")
        out.append(Letter(doc, debtor, chosen))
    return out


async def paper_letters(session: AsyncSession, day: date) -> list[Letter]:
    return [x for x in await day_letters(session, day) if x.route.channel == PAPER]


def valid_number(value: str) -> str:
    number = re.sub(r"\s+", "", value).upper()
    if not _NUMBER.match(number):
        raise Invalid(
            "Numer nadania: 20 cyfr (np. 00659007734000123456) albo RR123456789PL",
            field="number",
        )
    return number


async def record_number(session: AsyncSession, document_id: int, value: str) -> Document:
    """The registered letter's number from the post book, on the document (it went on paper)."""
    number = valid_number(value)
    doc = await docs.document(session, document_id)
    if doc.kind not in ("wezwanie", "upomnienie"):
        raise Conflict(f"Dokument {doc.number} nie jest listem do zobowiązanego")
    if doc.channel == ELECTRONIC:
        raise Conflict(f"Dokument {doc.number} wysłano na adres do doręczeń elektronicznych")
    others = [
        d for d in await PostRepository(session).by_registered_number(number) if d.id != doc.id
    ]
    if others:
        raise Conflict(f"Numer nadania {number} zapisano już przy dokumencie {others[0].number}")
    doc.registered_number, doc.channel = number, PAPER
    await session.flush()
    return doc


async def find_by_number(session: AsyncSession, value: str) -> list[Document]:
    return await PostRepository(session).by_registered_number(valid_number(value))


def post_item(letter: Letter) -> PostItem:
    d, doc = letter.debtor, letter.document
    return PostItem(
        document_number=doc.number,
        name=d.name,
        street=d.street or "",
        postal_code=d.postal_code or "",
        city=d.city or "",
        registered_number=doc.registered_number,
    )


async def book_items(session: AsyncSession, day: date) -> list[PostItem]:
    """The paper letters of the day that can be addressed (a debtor without an address waits for
    the address search), in the order of their numbers."""
    return [post_item(x) for x in await paper_letters(session, day) if x.mailable]
