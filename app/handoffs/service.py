"""A handoff batch sent electronically (issue 17 item 4): the batch XML, each title and each notice
XAdES-signed, packed for the enforcement authority; sent through the same provider interface as
the letters (app/edelivery) or downloaded for upload by hand (eTW application / the authority's
mailbox); the authority's UPO imported and kept with the handoff."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.edelivery import service as edelivery
from app.edelivery.provider import Attachment, Outgoing
from app.edelivery.repository import DispatchRepository
from app.errors import Conflict, Invalid
from app.files import service as files
from app.models import Document, ElectronicDispatch, Handoff, Notice
from app.signing import service as signing
from app.titles import service as titles

_ADE_HINT = "np. AE:PL-12345-67890-ABCDE-12"


async def _parts(session: AsyncSession, handoff: Handoff) -> tuple[list[Document], list[Notice]]:
    docs = await session.scalars(
        select(Document)
        .where(Document.handoff_id == handoff.id, Document.kind == "tytul_wykonawczy")
        .order_by(Document.seq)
    )
    notices = await session.scalars(
        select(Notice).where(Notice.handoff_id == handoff.id).order_by(Notice.id)
    )
    return list(docs), list(notices)


async def attachments(
    session: AsyncSession, handoff_id: int, settings: Settings
) -> tuple[Handoff, list[Attachment]]:
    handoff = await titles.handoff(session, handoff_id)
    title_docs, notices = await _parts(session, handoff)
    out = [
        Attachment(
            f"{handoff.number.replace('/', '-')}.xml",
            await signing.sign(session, handoff.xml, settings),
            "application/xml",
        )
    ]
    for doc in title_docs:
        content = await signing.signed_title(session, doc.id, settings)
        out.append(Attachment(f"{doc.number.replace('/', '-')}.xml", content, "application/xml"))
    for n in notices:
        content = await signing.signed_notice(session, n.id, settings)
        out.append(Attachment(f"zawiadomienie-{n.id}.xml", content, "application/xml"))
    return handoff, out


async def package(session: AsyncSession, handoff_id: int, settings: Settings) -> tuple[str, bytes]:
    """The signed files of a handoff as one ZIP, to upload by hand."""
    handoff, parts = await attachments(session, handoff_id, settings)
    buffer = io.BytesIO()
    stamp = (handoff.issued_on.year, handoff.issued_on.month, handoff.issued_on.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for a in parts:
            zf.writestr(zipfile.ZipInfo(a.name, date_time=stamp), a.content)
    return f"{handoff.number.replace('/', '-')}-podpisane.zip", buffer.getvalue()


async def send(
    session: AsyncSession,
    handoff_id: int,
    address: str,
    actor: str,
    today: date,
    settings: Settings,
) -> ElectronicDispatch:
    from app.debtors.schemas import valid_ade

    try:
        ade = valid_ade(address)
    except ValueError:
        ade = None
    if not ade:
        raise Invalid(
            f"Podaj adres do doręczeń elektronicznych organu ({_ADE_HINT})", field="address"
        )
    if await DispatchRepository(session).of_handoff(handoff_id):
        raise Conflict("Tę paczkę już wysłano")
    handoff, parts = await attachments(session, handoff_id, settings)
    provider = edelivery.provider(settings)
    subject = f"Przekazanie tytułów wykonawczych i zawiadomień nr {handoff.number}"
    batch = provider.send([Outgoing(handoff.number, ade, subject, tuple(parts))], today)
    stored = (
        await files.store(
            session,
            "paczka",
            files.Upload(f"{handoff.number.replace('/', '-')}.zip", batch.package),
            "application/zip",
            actor,
        )
        if batch.package
        else None
    )
    return await DispatchRepository(session).add(
        ElectronicDispatch(
            handoff_id=handoff.id,
            provider=provider.name,
            address=ade,
            message_id=batch.sent[0].message_id,
            sent_on=today,
            status=batch.sent[0].status,
            package_file_id=stored.id if stored else None,
            created_by=actor,
        )
    )


async def import_upo(
    session: AsyncSession, handoff_id: int, upload: files.Upload, actor: str, today: date
) -> ElectronicDispatch:
    """The authority's UPO (urzędowe poświadczenie odbioru) kept with the handoff, as received."""
    handoff = await titles.handoff(session, handoff_id)
    if not upload.content or len(upload.content) > files.MAX_PROOF:
        raise Invalid("Plik UPO jest pusty albo za duży (najwyżej 2 MB)", field="file")
    kind = files.sniff(upload.content)
    if kind not in ("application/xml", "application/pdf"):
        raise Invalid("UPO musi być plikiem XML albo PDF", field="file")
    repo = DispatchRepository(session)
    rows = await repo.of_handoff(handoff.id)
    dispatch = rows[-1] if rows else None
    if dispatch is None:  # handed over by hand (eTW application): the UPO is its record
        dispatch = await repo.add(
            ElectronicDispatch(
                handoff_id=handoff.id,
                provider="reczny",
                address="",
                message_id=f"upo:{handoff.number}",
                sent_on=today,
                status="wyslano",
                created_by=actor,
            )
        )
    if dispatch.proof_file_id is not None:
        raise Conflict(f"UPO przekazania {handoff.number} już zapisano")
    stored = await files.store(session, "upo", upload, kind, actor)
    dispatch.proof_file_id, dispatch.status = stored.id, "potwierdzono"
    await session.flush()
    return dispatch
