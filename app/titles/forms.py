"""The registry of executive-title form versions, keyed by the form's system code.

Adding a form (TW-1(7) from Dz.U. 2024 poz. 431, once MF publishes its final eTW schema) is one
entry: its namespace, its XSD under schemas/xsd/ (with catalog.xml entries for its imports), a
builder module like tw1_5.py, and the readers the handoff uses on an already built document.
TytulWykonawczy.form_version picks the entry."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from lxml import etree

from app.domain.documents import TytulWykonawczy
from app.titles import tw1_5
from app.titles.xsd import SCHEMA_DIR, SchemaSet, XmlValidationError


@dataclass(frozen=True, slots=True)
class FormVersion:
    code: str  # kodSystemowy, e.g. "TW-1(5)"
    namespace: str  # of the root element
    prefix: str  # its customary prefix, for messages ("tw1")
    root: str  # local name of the root element
    schema: Path  # the official XSD (its imports resolve through schemas/xsd/catalog.xml)
    build: Callable[[TytulWykonawczy], etree._Element]
    read_number: Callable[[etree._Element], str | None]
    read_office_code: Callable[[etree._Element], str | None]

    @property
    def schemas(self) -> SchemaSet:
        return SchemaSet(self.schema)


FORMS: Mapping[str, FormVersion] = MappingProxyType(
    {
        tw1_5.FORM_CODE: FormVersion(
            code=tw1_5.FORM_CODE,
            namespace=tw1_5.TW1,
            prefix="tw1",
            root="Dokument",
            schema=SCHEMA_DIR / "official" / "tw-1(5)8e.xsd",
            build=tw1_5.build,
            read_number=tw1_5.read_number,
            read_office_code=tw1_5.read_office_code,
        ),
    }
)


def form(code: str) -> FormVersion:
    try:
        return FORMS[code]
    except KeyError:
        known = ", ".join(FORMS)
        raise XmlValidationError(
            "tw1:Dokument", f"Nieobsługiwana wersja formularza {code!r} (obsługiwane: {known})"
        ) from None


def form_of(root: etree._Element) -> FormVersion:
    """The registered form whose root element `root` is."""
    name = etree.QName(root)
    for candidate in FORMS.values():
        if (name.namespace, name.localname) == (candidate.namespace, candidate.root):
            return candidate
    shown = f"{root.prefix}:{name.localname}" if root.prefix else name.text
    raise XmlValidationError(
        shown, f"Dokument {shown} ({name.namespace}) nie jest tytułem wykonawczym znanej wersji"
    )
