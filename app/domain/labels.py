"""The glossary's codes as a person reads them (DOMAIN.md, "The lifecycle"): the pages and the
printouts (the RODO extract) say the same."""

from __future__ import annotations

STATE_LABELS = {
    "wystawiona": "wystawiona",
    "wymagalna": "wymagalna",
    "upomnienie": "upomnienie wysłane",
    "tytul_wykonawczy": "tytuł wykonawczy",
    "raty": "raty",
    "zaplacona": "zapłacona",
    "przedawniona": "przedawniona",
    "umorzona": "umorzona",
    "anulowana": "anulowana (decyzja uchylona)",
}
DOCUMENT_LABELS = {
    "wezwanie": "wezwanie do zapłaty",
    "upomnienie": "upomnienie",
    "tytul_wykonawczy": "tytuł wykonawczy",
    "zawiadomienie": "zawiadomienie",
}
