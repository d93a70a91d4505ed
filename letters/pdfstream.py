"""One PDF written to a stream piece by piece, so that a batch of any size prints in flat memory.

reportlab (and pypdf's PdfWriter) keep a whole document in memory until it is saved. A batch is
therefore rendered as a series of small PDFs (a few dozen reminders each), and this writer copies
each one's objects to the output as soon as it is rendered, renumbered, and then forgets them. What
it keeps is 8 bytes per object (its offset, for the cross-reference table) and 4 bytes per page
(for the page tree): about 60 bytes per reminder.

Each small PDF brings its own subset of the fonts (a few tens of kB per piece, not per page)."""

from __future__ import annotations

import hashlib
import io
from array import array
from collections import deque
from collections.abc import Callable
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
)

_CATALOG, _PAGES = 1, 2  # fixed object numbers: written last, referenced from the start
_HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def _pdf_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with BOM: safe for any Polish title."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


class PdfStreamWriter:
    def __init__(self, out: BinaryIO, *, title: str = "") -> None:
        self._out = out
        self._pos = 0
        self._title = title
        self._offsets = array("Q", [0, 0, 0])  # index = object number; 1 and 2 filled by close()
        self._pages = array("L")
        self._digest = hashlib.md5(title.encode(), usedforsecurity=False)
        self._write(_HEADER)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def _allocate(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def append(self, pdf: bytes) -> int:
        """Copy every page of `pdf`, with what the pages use, to the output. Returns pages added."""
        reader = PdfReader(io.BytesIO(pdf))
        mapping: dict[int, int] = {}
        queue: deque[int] = deque()

        def renumber(ref: IndirectObject) -> int:
            if ref.idnum not in mapping:
                mapping[ref.idnum] = self._allocate()
                queue.append(ref.idnum)
            return mapping[ref.idnum]

        for page in reader.pages:
            if page.indirect_reference is None:
                raise ValueError("Strona PDF bez odwołania pośredniego: nie można jej skopiować")
            self._pages.append(renumber(page.indirect_reference))
        while queue:
            old = queue.popleft()
            self._write_object(mapping[old], reader.get_object(old), renumber)
        self._digest.update(pdf[-64:])
        return len(reader.pages)

    def _write_object(
        self, number: int, obj: PdfObject | None, renumber: Callable[[IndirectObject], int]
    ) -> None:
        self._offsets[number] = self._pos
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Page":
            obj = DictionaryObject(obj)  # a shallow copy: its parent is now our page tree
            obj[NameObject("/Parent")] = _Ref(_PAGES)
        head = b"%d 0 obj\n" % number
        if isinstance(obj, StreamObject):
            raw: bytes = (
                obj._data
            )  # the stream as stored (still compressed): copied, not re-encoded
            entries = DictionaryObject({k: v for k, v in obj.items() if k != "/Length"})
            entries[NameObject("/Length")] = NumberObject(len(raw))
            self._write(
                head + _dump(entries, renumber) + b"\nstream\n" + raw + b"\nendstream\nendobj\n"
            )
        else:
            self._write(head + _dump(obj, renumber) + b"\nendobj\n")

    def close(self) -> None:
        """Write the page tree, catalog, info, cross-reference table and trailer."""
        if not self._pages:
            raise ValueError("Dokument nie ma żadnej strony")
        self._offsets[_PAGES] = self._pos
        self._write(b"%d 0 obj\n<</Type /Pages /Count %d /Kids [" % (_PAGES, len(self._pages)))
        for start in range(0, len(self._pages), 1024):
            self._write(b"".join(b"%d 0 R " % n for n in self._pages[start : start + 1024]))
        self._write(b"]>>\nendobj\n")
        self._offsets[_CATALOG] = self._pos
        self._write(
            b"%d 0 obj\n<</Type /Catalog /Pages %d 0 R /Lang (pl-PL)>>\nendobj\n"
            % (_CATALOG, _PAGES)
        )
        info = self._allocate()
        self._offsets[info] = self._pos
        self._write(
            b"%d 0 obj\n<</Producer (Windykacja letters) /Title %s>>\nendobj\n"
            % (info, _pdf_string(self._title))
        )
        self._write_xref_and_trailer(info)

    def _write_xref_and_trailer(self, info: int) -> None:
        xref_at = self._pos
        size = len(self._offsets)
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for start in range(1, size, 1024):
            self._write(
                b"".join(b"%010d 00000 n \n" % o for o in self._offsets[start : start + 1024])
            )
        file_id = self._digest.hexdigest().encode()
        trailer = b"<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s><%s>]>>" % (
            size,
            _CATALOG,
            info,
            file_id,
            file_id,
        )
        self._write(b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)


class _Ref(IndirectObject):
    """A reference to one of our own object numbers (not one of the source PDF's)."""

    def __init__(self, number: int) -> None:
        super().__init__(number, 0, None)  # no source document: only idnum is ever read


def _dump(obj: PdfObject | None, renumber: Callable[[IndirectObject], int]) -> bytes:
    """Serialise a direct object, renumbering the indirect references in it."""
    if isinstance(obj, _Ref):
        return b"%d 0 R" % obj.idnum
    if isinstance(obj, IndirectObject):
        return b"%d 0 R" % renumber(obj)
    if isinstance(obj, DictionaryObject):
        return (
            b"<<"
            + b"".join(_dump(k, renumber) + b" " + _dump(v, renumber) for k, v in obj.items())
            + b">>"
        )
    if isinstance(obj, ArrayObject):
        return b"[" + b" ".join(_dump(item, renumber) for item in obj) + b"]"
    if obj is None:
        return b"null"
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue()
