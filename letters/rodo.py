"""The debtor's data extract (RODO art. 15 ust. 1 and 3), A4, Polish: the administrator, the data
held and since when, the purposes and legal basis, the recipients (what was disclosed to whom and
when), how long the data are kept, the person's rights; then the full record of the unit's own
access. Rendered from app.audit.extract.Extract; plain text cells, nothing to escape."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.audit.extract import Extract, Row
from letters.blocks import Lines, kv_table, letterhead, title, wrap_text
from letters.pages import build_pdf
from letters.styles import FONT, FONT_BOLD, GRID, SHADE, Styles

SIZE = 7.8
PAD = 3.0

PURPOSES = (
    "Cel przetwarzania: ustalenie, dochodzenie i egzekucja należności przysługujących "
    "jednostce (opłat, świadczeń nienależnie pobranych, należności z funduszu "
    "alimentacyjnego) oraz wykonanie obowiązków ewidencyjnych i sprawozdawczych."
)
BASIS = (
    "Podstawa prawna: art. 6 ust. 1 lit. c i e RODO w związku z ustawą z 27 sierpnia 2009 r. "
    "o finansach publicznych (art. 60, 61, 67), ustawą z 17 czerwca 1966 r. o postępowaniu "
    "egzekucyjnym w administracji oraz ustawą z 7 września 2007 r. o pomocy osobom "
    "uprawnionym do alimentów."
)
RETENTION = (
    "Okres przechowywania: przez czas dochodzenia należności, a następnie przez okres "
    "wynikający z jednolitego rzeczowego wykazu akt jednostki (ustawa z 14 lipca 1983 r. "
    "o narodowym zasobie archiwalnym i archiwach)."
)
RIGHTS = (
    "Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia "
    "przetwarzania oraz wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych "
    "(ul. Stawki 2, 00-193 Warszawa). Dane pochodzą od Pani/Pana, z decyzji i dokumentów "
    "jednostki oraz z rejestrów publicznych (PESEL, TERYT)."
)


def _table(headers: Sequence[str], widths: Sequence[float], rows: Sequence[Row]) -> Flowable:
    if not rows:
        return Paragraph("brak", Styles.small)

    def cell(text: str, width: float, font: str = FONT) -> str:
        return "\n".join(wrap_text(text, font, SIZE, width * mm - 2 * PAD))

    data = [[cell(h, w, FONT_BOLD) for h, w in zip(headers, widths, strict=True)]]
    data += [[cell(v, w) for v, w in zip(r.cells, widths, strict=True)] for r in rows]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, SIZE, SIZE * 1.2),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, SIZE, SIZE * 1.2),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ]
        )
    )
    return table


SECTION = ParagraphStyle("rodo_section", parent=Styles.section, keepWithNext=1)


def _section(text: str) -> Paragraph:
    return Paragraph(text, SECTION)


def render_extract(e: Extract) -> bytes:
    story: list[Flowable] = [
        letterhead(e.creditor, e.made_on),
        title(
            "Informacja o przetwarzanych danych osobowych",
            "na podstawie art. 15 rozporządzenia (UE) 2016/679 (RODO)",
        ),
        Lines([f"Administrator danych: {e.creditor.name}, {e.creditor.address.one_line()}"]),
        Spacer(1, 2 * mm),
        _section("1. Dane osobowe przetwarzane przez administratora"),
        kv_table([*e.data, ("W ewidencji od", e.held_since.strftime("%d.%m.%Y"))]),
        _section("2. Cel, podstawa prawna, okres przechowywania, prawa"),
        *(Paragraph(t, Styles.small) for t in (PURPOSES, BASIS, RETENTION, RIGHTS)),
        _section("3. Odbiorcy: komu i kiedy ujawniono dane"),
        _table(("Data", "Odbiorca", "Zakres"), (24, 60, 90), e.disclosures),
        _section("4. Należności"),
        _table(
            ("Wystawiona", "Rodzaj", "Numer", "Tytuł", "Kwota", "Stan"),
            (20, 28, 24, 54, 24, 24),
            e.receivables,
        ),
        _section("5. Dokumenty skierowane do osoby"),
        _table(("Data", "Rodzaj", "Numer", "Doręczono"), (24, 44, 60, 46), e.documents),
        _section("6. Historia zmian danych"),
        _table(("Kiedy", "Kto", "Co"), (30, 34, 110), e.changes),
        _section("7. Dostęp do danych w jednostce (rejestr odczytów)"),
        _table(("Kiedy", "Kto", "Co"), (30, 34, 110), e.reads),
        Spacer(1, 4 * mm),
        Paragraph(
            f"Wyciąg sporządził(a): {e.made_by}, {e.made_on.strftime('%d.%m.%Y')}.", Styles.small
        ),
    ]
    return build_pdf(story, title="Informacja o danych osobowych (art. 15 RODO)")
