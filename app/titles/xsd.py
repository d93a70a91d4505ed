"""The XSD sets in schemas/xsd/, resolved offline, compiled once, and validation.

Imports of crd.gov.pl URLs resolve to local files through schemas/xsd/catalog.xml: xmlschema gets
the catalog as its `uri_mapper` (and `allow="local"`, so it never reaches the network); lxml gets it
through a parser resolver. The official TW-1(5) file is never edited.

Validation runs on lxml (libxml2): 0.07 ms per title against 5-15 ms with xmlschema (70-110x,
benchmarks/titles.py), which alone would take 50-150 s for a batch of 10,000 titles. Both engines
compile the same files; when lxml refuses a document, xmlschema validates it again to name the
element and the reason. The tests check that both engines accept every document they build.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import xmlschema
from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "xsd"
CATALOG = SCHEMA_DIR / "catalog.xml"
_CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_XS = "http://www.w3.org/2001/XMLSchema"


class XmlValidationError(ValueError):
    """An XML document that is not valid against its XSD, or data that cannot make one.

    `element` names the offending element ("com:Miejscowosc"); `path` is its XPath when known."""

    def __init__(self, element: str, message: str, *, path: str | None = None) -> None:
        self.element = element
        self.message = message
        self.path = path
        super().__init__(f"{message} [element {path or element}]")

    def __reduce__(self) -> tuple[object, ...]:  # picklable, for process pools
        return (_rebuild_error, (self.element, self.message, self.path))


def _rebuild_error(element: str, message: str, path: str | None) -> XmlValidationError:
    return XmlValidationError(element, message, path=path)


@dataclass(frozen=True, slots=True)
class SchemaSet:
    """A main XSD plus (namespace, XSD) pairs loaded beside it (the handoff needs the forms)."""

    main: Path
    extra: tuple[tuple[str, Path], ...] = ()


@functools.cache
def catalog() -> Mapping[str, str]:
    """crd.gov.pl schema URL → local file URI, from schemas/xsd/catalog.xml."""
    root = etree.parse(str(CATALOG)).getroot()
    return {
        e.get("name", ""): (SCHEMA_DIR / e.get("uri", "")).as_uri()
        for e in root.iterfind(f"{{{_CATALOG_NS}}}uri")
    }


class _CatalogResolver(etree.Resolver):
    def resolve(self, system_url, _public_id, context):  # type: ignore[no-untyped-def]  # lxml API
        local = catalog().get(system_url)
        return None if local is None else self.resolve_filename(local, context)


def _catalog_parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_CatalogResolver())
    return parser


@functools.cache
def xmlschema_for(schemas: SchemaSet) -> xmlschema.XMLSchema10:
    """The xmlschema validator of a set, built once per process."""
    return xmlschema.XMLSchema10(
        str(schemas.main),
        uri_mapper=dict(catalog()),
        allow="local",
        locations=[(ns, path.as_uri()) for ns, path in schemas.extra] or None,
    )


def _wrapper_xsd(schemas: SchemaSet) -> bytes:
    """lxml compiles one document: an XSD that imports the main schema and the extra ones."""
    wrapper = etree.Element(f"{{{_XS}}}schema", nsmap={"xs": _XS})
    main_ns = etree.parse(str(schemas.main)).getroot().get("targetNamespace", "")
    for ns, path in ((main_ns, schemas.main), *schemas.extra):
        etree.SubElement(wrapper, f"{{{_XS}}}import", namespace=ns, schemaLocation=path.as_uri())
    return etree.tostring(wrapper)


_local = threading.local()
# libxml2's schema compiler and lxml's resolvers share global state: two threads compiling at
# once can see each other's half-resolved imports ("QName … does not resolve"). Compile one at a
# time; validation itself runs in parallel on each thread's own validator.
_compile_lock = threading.Lock()


def lxml_for(schemas: SchemaSet) -> etree.XMLSchema:
    """The lxml validator of a set, compiled once per thread (an lxml validator keeps its error
    log on the object, so threads from asyncio.to_thread must not share one)."""
    cache: dict[SchemaSet, etree.XMLSchema] = _local.__dict__.setdefault("validators", {})
    if schemas not in cache:
        with _compile_lock:
            cache[schemas] = _compile(schemas)
    return cache[schemas]


def _compile(schemas: SchemaSet) -> etree.XMLSchema:
    # The catalog parser must parse the XSD: lxml resolves imports through its resolvers.
    if schemas.extra:
        base = (SCHEMA_DIR / "_wrapper.xsd").as_uri()  # not a real file; imports are absolute
        wrapper = etree.fromstring(_wrapper_xsd(schemas), _catalog_parser(), base_url=base)
        return etree.XMLSchema(wrapper)
    return etree.XMLSchema(etree.parse(str(schemas.main), _catalog_parser()))


def validate(root: etree._Element, schemas: SchemaSet, *, where: str = "") -> None:
    """Return if `root` is valid against the set; else raise XmlValidationError naming the element.

    `where` is the XPath of `root` when it is a part of a larger file
    ("/prz:Przekazanie/prz:Tytuly/prz:Tytul[2]/tw1:Dokument"): reported paths start there."""
    validator = lxml_for(schemas)
    if validator.validate(root):
        return
    raise explain(root, schemas, where=where, fallback=validator.error_log.last_error)


def explain(
    root: etree._Element,
    schemas: SchemaSet,
    *,
    where: str = "",
    fallback: etree._LogEntry | None = None,
) -> XmlValidationError:
    """The first error xmlschema finds, as an XmlValidationError (element, reason, XPath)."""
    namespaces = {p: ns for el in root.iter() for p, ns in el.nsmap.items() if p}
    # xmlschema reads lxml trees; its annotations name only ElementTree-like protocols.
    errors = xmlschema_for(schemas).iter_errors(root, namespaces=namespaces)  # type: ignore[arg-type]
    for error in errors:
        element = error.elem if isinstance(error.elem, etree._Element) else root
        return XmlValidationError(
            _prefixed(element),
            f"Niezgodność z XSD: {error.reason}",
            path=_within(where, error.path),
        )
    if fallback is None:  # pragma: no cover - only reached if the two engines disagree
        return XmlValidationError(_prefixed(root), "Niezgodność z XSD", path=where or None)
    return XmlValidationError(
        _prefixed(root),
        f"Niezgodność z XSD: {fallback.message}",
        path=_within(where, fallback.path),
    )


def _within(where: str, path: str | None) -> str | None:
    """The XPath `path` (from the part's own root) seen from the larger file."""
    if not where or not path:
        return path or where or None
    _, _, rest = path.lstrip("/").partition("/")
    return f"{where}/{rest}" if rest else where


def _prefixed(element: etree._Element) -> str:
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local
