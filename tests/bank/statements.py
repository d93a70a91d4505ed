"""A large bank statement as a Polish bank's CSV (tests and benchmarks/bank_import.py)."""

from __future__ import annotations

MAX_BYTES = 5 * 1024 * 1024  # app/bank/api.py MAX_STATEMENT
HEADER = "Data operacji;Kwota;Tytuł;Nadawca;Numer referencyjny\n"


def big_csv(lines: int, matched_reference: str | None = None, every: int = 1000) -> bytes:
    """`lines` credit transfers, each with its own bank reference; every `every`-th names
    `matched_reference` (10.00 zł each), the rest name no receivable."""
    out = [HEADER]
    for n in range(1, lines + 1):
        title = (
            f"Oplata {matched_reference} rata {n}"
            if matched_reference and n % every == 0
            else f"Wplata od mieszkanca nr {n:06d} za uslugi opiekuncze 2025"
        )
        amount = "10,00" if matched_reference and n % every == 0 else f"{n % 900 + 1},{n % 100:02d}"
        out.append(f"05.05.2025;{amount};{title};Nadawca Przykladowy {n:06d};REF{n:09d}\n")
    return "".join(out).encode()
