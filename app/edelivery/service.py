"""e-Doręczenia (issue 17 item 2): the day's letters to debtors with an ADE go out through the
provider (app/edelivery/provider.py); their proofs come back and set the delivery date by the
e-delivery rule (u.d.e. art. 41–42, app/domain/delivery.py) through the deliveries service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.deliveries import service as delivery_service
from app.documents import printing
from app.domain.delivery import ELECTRONIC, DeliveryFacts, Method
from app.edelivery import proofs
from app.edelivery.provider import Attachment, Outgoing, Provider, provider_for
from app.edelivery.repository import DispatchRepository
from app.errors import Conflict, Invalid
from app.files import service as files
from app.models import ElectronicDispatch, StoredFile
from app.postbook import service as post


def provider(settings: Settings) -> Provider:
    return provider_for(settings.edelivery_provider, settings.unit, settings.environment)


@dataclass(frozen=True)
class Dispatched:
    rows: list[ElectronicDispatch]
    package: StoredFile | None


async def dispatch_day(
    session: AsyncSession, day: date, actor: str, settings: Settings
) -> Dispatched:
    """Send the day's electronic letters not sent yet; each goes once."""
    letters = [x for x in await post.day_letters(session, day) if x.route.channel == ELECTRONIC]
    done = await DispatchRepository(session).of_documents([x.document.id for x in letters])
    todo = [x for x in letters if x.document.id not in done]
    if not todo:
        raise Conflict(f"Brak pism z dnia {day.isoformat()} do wysłania na adresy ADE")
    items = []
    for x in todo:
        pdf, number = await printing.document_pdf(session, x.document.id)
        name = number.replace("/", "-") + ".pdf"
        what = "Wezwanie do zapłaty" if x.document.kind == "wezwanie" else "Upomnienie"
        subject = f"{what} nr {number}"
        items.append(
            Outgoing(
                number, x.debtor.ade or "", subject, (Attachment(name, pdf, "application/pdf"),)
            )
        )
    p = provider(settings)
    batch = p.send(items, day)
    package = (
        await files.store(
            session,
            "paczka",
            files.Upload(f"e-doreczenia-{day.isoformat()}.zip", batch.package),
            "application/zip",
            actor,
        )
        if batch.package
        else None
    )
    rows = []
    for x, sent in zip(todo, batch.sent, strict=True):
        x.document.channel = ELECTRONIC
        rows.append(
            await DispatchRepository(session).add(
                ElectronicDispatch(
                    document_id=x.document.id,
                    provider=p.name,
                    address=x.debtor.ade or "",
                    message_id=sent.message_id,
                    sent_on=day,
                    status=sent.status,
                    package_file_id=package.id if package else None,
                    created_by=actor,
                )
            )
        )
    return Dispatched(rows, package)


async def import_proof(
    session: AsyncSession, upload: files.Upload, actor: str, today: date
) -> delivery_service.Recorded:
    """A UPD file: find the letter it proves, record its delivery by the e-delivery rule and keep
    the file as the delivery's evidence."""
    if len(upload.content) > files.MAX_PROOF:
        raise Invalid("Plik dowodu jest za duży (najwyżej 2 MB)", field="file")
    try:
        proof = proofs.parse(upload.content)
    except proofs.ProofError as exc:
        raise Invalid(str(exc), field="file") from exc
    dispatch = await _dispatch_of(session, proof)
    assert dispatch.document_id is not None  # _dispatch_of returns letters only
    if dispatch.proof_file_id is not None:
        raise Conflict("Dowód tej wiadomości już zaimportowano")
    facts = DeliveryFacts(
        Method.E_DORECZENIE, arrived_on=proof.arrived_on, received_on=proof.received_on
    )
    done = await delivery_service.record(
        session,
        dispatch.document_id,
        facts,
        actor,
        today,
        note=f"dowód {proof.evidence_id or proof.message_id}",
    )
    stored = await files.store(session, "dowod_e", upload, "application/xml", actor)
    done.delivery.scan_file_id = stored.id
    dispatch.proof_file_id, dispatch.status = stored.id, "potwierdzono"
    await session.flush()
    return done


async def _dispatch_of(session: AsyncSession, proof: proofs.Proof) -> ElectronicDispatch:
    """The letter a proof is about: by the message id (ours, or the operator's as an API adapter
    recorded it); else, for the operator's evidence of a letter uploaded by hand (the operator's
    id is not known to us), by the addressee's ADE when exactly one letter to it waits for a
    proof."""
    repo = DispatchRepository(session)
    dispatch = await repo.by_message(proof.message_id) if proof.message_id else None
    if dispatch is None and proof.evidence_id:
        if not proof.address:
            raise Invalid(
                "Dowód nie wskazuje adresu do doręczeń elektronicznych adresata", field="file"
            )
        day = proof.received_on or proof.arrived_on
        waiting = [
            w
            for w in await repo.awaiting_proof(proof.address)
            if day is None or w.sent_on <= day  # a proof cannot predate the sending
        ]
        if len(waiting) > 1:
            raise Conflict(
                f"Na adres {proof.address} czeka na dowód więcej niż jedno pismo – wpisz datę "
                "z dowodu w formularzu doręczenia właściwego pisma i dołącz plik dowodu"
            )
        dispatch = waiting[0] if waiting else None
    if dispatch is None or dispatch.document_id is None:
        which = proof.message_id or proof.address
        raise Conflict(f"Nie wysłano pisma, którego dotyczy dowód ({which})")
    return dispatch


async def collect(
    session: AsyncSession, actor: str, today: date, settings: Settings
) -> list[delivery_service.Recorded]:
    """The proofs the provider has for us (an API adapter, the test provider): each imported."""
    out = []
    for i, content in enumerate(provider(settings).collect_proofs(), start=1):
        out.append(await import_proof(session, files.Upload(f"upd-{i}.xml", content), actor, today))
    return out
