"""A small portfolio in the import's sheets, written as CSV files (test data, by hand)."""

from __future__ import annotations

from pathlib import Path

SHEETS: dict[str, list[str]] = {
    "dluznicy": [
        "klucz;nazwa;imie;nazwisko;pesel;nip;regon;ulica;kod_pocztowy;miejscowosc;gmina_teryt;"
        "adres_nieznany;bezdomny;zmarly;data_zgonu",
        "D1;Jan Kowalski;Jan;Kowalski;44051401359;;;ul. Długa 5 m. 3;87-800;Włocławek;",
        "D2;Anna Nowak;Anna;Nowak;;;;ul. Krótka 1;87-800;Włocławek;",
        "D3;Piotr Wiśniewski;Piotr;Wiśniewski;;;;ul. Polna 2;87-800;Włocławek;",
        "D4;Ewa Kos;Ewa;Kos;;;;;;;;tak;;tak;2026-01-15",
    ],
    "naleznosci": [
        "klucz;klucz_dluznika;rodzaj;tytul;kwota;data_wystawienia;okres_od;okres_do;"
        "data_prawomocnosci;numer;organ;stan;saldo_deklarowane;odsetki_deklarowane",
        # Paid in full within the payment term: nothing owed, no interest.
        "N1;D1;oplata_pobyt;Pobyt 2025-03-01;250,00;2025-03-03;2025-03-01;2025-03-01;;S/1/2025;;;"
        "0.00;0.00",
        # Demand delivered, unpaid, a reminder and a title: in enforcement.
        "N2;D2;oplata_pobyt;Pobyt 2025-04-01;100.00;2025-04-02;2025-04-01;2025-04-01;;;;;;",
        # Nothing delivered yet: issued, owed 80.00 with no interest (the term has not started).
        "N3;D3;oplata_pobyt;Pobyt 2026-11-01;80.00;2026-11-02;;;;;;;80.00;0.00",
    ],
    "dokumenty": [
        "klucz;klucz_naleznosci;rodzaj;numer;data_wystawienia;data_doreczenia;koszty",
        "K1;N1;wezwanie;WZ/7/2025;2025-03-03;2025-03-10;",
        "K2;N2;wezwanie;WZ/8/2025;2025-04-02;2025-04-07;",
        "K3;N2;upomnienie;UP/3/2025;2025-05-05;2025-05-08;16.00",
        "K4;N3;wezwanie;WZ/41/2026;2026-11-02;;",
    ],
    "tytuly": [
        "klucz;klucz_naleznosci;numer;organ;data_wystawienia",
        "T1;N2;TW/UM/4/2025;UM;2025-06-02",
    ],
    "meldunki": [
        "klucz;klucz_tytulu;data;rodzaj;kwota;opis",
        "M1;T1;2025-07-01;srodek;;zajęcie rachunku bankowego",
    ],
    "wplaty": [
        "klucz;klucz_naleznosci;data;kwota;tytul",
        "W1;N1;2025-03-20;250.00;Pobyt marzec",
    ],
}


def write(directory: Path, sheets: dict[str, list[str]] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, lines in (sheets or SHEETS).items():
        (directory / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory
