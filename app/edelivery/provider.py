"""The e-delivery provider interface (issue 17 item 2): the services hand letters and handoff
packages to a Provider and read back the proofs; an adapter for the e-Doręczenia API (or a
qualified registered e-delivery service) implements the same Protocol, and the services do not
change.

- ManualProvider: "send" packs the items into one ZIP (each item's files and a manifest) that the
  specialist uploads by hand in the unit's e-Doręczenia mailbox; its proofs come back as files
  imported by hand (POST /api/v1/e-deliveries/proofs).
- FakeProvider: a local stand-in that accepts everything, numbers the messages and, when told,
  issues proofs in the UPD format of app/edelivery/proofs.py. It backs the tests; it is refused
  in production."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol
from xml.sax.saxutils import escape

from app.edelivery import proofs


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    content: bytes
    media_type: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    reference: str  # our number of the letter or the handoff ("UP/1/2025", "P/UM/1/2025")
    address: str  # the addressee's ADE
    subject: str
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True, slots=True)
class Sent:
    reference: str
    message_id: str
    status: str  # wyslano | do_wyslania


@dataclass(frozen=True, slots=True)
class Batch:
    sent: tuple[Sent, ...]
    package: bytes | None = None  # the ZIP to upload by hand (manual channel only)


class Provider(Protocol):
    name: str

    def send(self, items: Sequence[Outgoing], day: date) -> Batch: ...

    def collect_proofs(self) -> list[bytes]:
        """Proofs (UPD/UPO files) that came back since the last call."""
        ...


class ManualProvider:
    name = "reczny"

    def send(self, items: Sequence[Outgoing], day: date) -> Batch:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for item in items:
                folder = item.reference.replace("/", "-")
                for a in item.attachments:
                    zf.writestr(_entry(f"{folder}/{a.name}", day), a.content)
            zf.writestr(_entry("manifest.xml", day), _manifest(items, day))
        sent = tuple(
            Sent(i.reference, f"reczny:{day.isoformat()}:{i.reference}", "do_wyslania")
            for i in items
        )
        return Batch(sent, buffer.getvalue())

    def collect_proofs(self) -> list[bytes]:
        return []  # a person imports them


def _entry(name: str, day: date) -> zipfile.ZipInfo:
    # A fixed timestamp: the same letters give the same package, byte for byte.
    return zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))


def _manifest(items: Sequence[Outgoing], day: date) -> bytes:
    rows = "".join(
        f'  <przesylka numer="{escape(i.reference)}" adresADE="{escape(i.address)}">'
        f"<temat>{escape(i.subject)}</temat>"
        + "".join(f"<plik>{escape(a.name)}</plik>" for a in i.attachments)
        + "</przesylka>\n"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<paczka dzien="{day.isoformat()}" '
        f'instrukcja="Wyślij każdą przesyłkę z jej folderu na podany adres ADE">\n{rows}</paczka>\n'
    ).encode()


@dataclass
class FakeProvider:
    """Accepts every item; `deliver` makes the proof the real service would send back."""

    name: str = "testowy"
    sent: list[tuple[str, Outgoing]] = field(default_factory=list)
    _pending: list[bytes] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, items: Sequence[Outgoing], day: date) -> Batch:  # noqa: ARG002 (Protocol)
        with self._lock:
            out = []
            for item in items:
                message_id = f"testowy:{len(self.sent) + 1}:{item.reference}"
                self.sent.append((message_id, item))
                out.append(Sent(item.reference, message_id, "wyslano"))
        return Batch(tuple(out))

    def deliver(self, message_id: str, events: Sequence[tuple[str, datetime]]) -> bytes:
        address = next(i.address for m, i in self.sent if m == message_id)
        proof = proofs.build(message_id, address, events)
        with self._lock:
            self._pending.append(proof)
        return proof

    def collect_proofs(self) -> list[bytes]:
        with self._lock:
            out, self._pending = self._pending, []
        return out


_FAKES: dict[str, FakeProvider] = {}


def provider_for(kind: str, unit: str, environment: str) -> Provider:
    if kind == "testowy":
        if environment == "production":
            raise RuntimeError("The test e-delivery provider cannot run in production")
        return _FAKES.setdefault(unit, FakeProvider())
    return ManualProvider()
