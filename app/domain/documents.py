"""What each document says, as frozen data: built by the services, rendered by letters/ (PDF) and
app/titles/xml.py (XML). Renderers never touch the database; these objects carry everything.

Amounts are integer grosze, rates are basis points of a percent (1150 = 11.50 %)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Address:
    street: str  # "ul. Długa 5 m. 3"
    postal_code: str  # "87-800"
    city: str  # "Włocławek"
    country: str = "PL"
    # Structured parts the TW-1 XML needs (com:PodzialAdm/com:Opisowy, com:NrDomu, com:NrLokalu);
    # `street` stays the one-line form for letters. When house_number is None, app/titles reads the
    # street name and numbers from `street` ("ul. Długa 5 m. 3").
    voivodeship: str | None = None  # województwo, "kujawsko-pomorskie"
    county: str | None = None  # powiat, "Włocławek"
    commune: str | None = None  # gmina, "Włocławek"
    street_name: str | None = None  # "Długa"; None where the locality has no streets
    house_number: str | None = None  # "5"
    flat_number: str | None = None  # "3"

    def one_line(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


@dataclass(frozen=True, slots=True)
class Creditor:
    """Wierzyciel: the unit itself."""

    name: str
    address: Address
    nip: str | None = None
    regon: str | None = None
    bank_account: str | None = None  # NRB, 26 digits, for payments
    bank_name: str | None = None
    creditor_code: str | None = None  # kod ze słownika wierzycieli MF (TW-1 @kodWierzyciela)
    place_of_issue: str | None = None  # miejscowość wystawienia; the seat's city when None

    @property
    def place(self) -> str:
        return self.place_of_issue or self.address.city


@dataclass(frozen=True, slots=True)
class DebtorData:
    """Zobowiązany. Identifiers are optional: printed only when known (seed 003 §3.2 c)."""

    name: str
    address: Address | None
    first_name: str | None = None
    last_name: str | None = None
    pesel: str | None = None
    nip: str | None = None
    regon: str | None = None
    is_person: bool = True


@dataclass(frozen=True, slots=True)
class Authority:
    """Organ egzekucyjny."""

    code: str  # our key, e.g. "UM-WLOCLAWEK"
    name: str  # "Prezydent Miasta Włocławek" / "Naczelnik Urzędu Skarbowego we Włocławku"
    address: Address
    office_code: str | None = None  # kod urzędu (4 digits) for the TW-1 XML com:KodUrzedu


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    position: str
    # TW-1 com:OsobaUpowazniona has Imie and Nazwisko apart; when None, app/titles splits `name`
    # at its last space ("Anna Maria Nowak" → "Anna Maria" + "Nowak").
    first_name: str | None = None
    last_name: str | None = None


@dataclass(frozen=True, slots=True)
class ReceivableData:
    """The receivable as a document describes it, with figures as of the document's date."""

    kind_code: str  # oplata_pobyt | fundusz_alimentacyjny | nienaleznie_pobrane
    kind_label: str  # "Opłata za pobyt w centrum wsparcia dla osób w kryzysie"
    legal_basis: str  # "art. 42² ust. 11 ustawy z 26.10.1982 o wychowaniu w trzeźwości …"
    title: str  # what it is for, e.g. "pobyt w dniu 2024-02-28, karta 123/2024"
    period_from: date | None
    period_to: date | None
    due_date: date  # last day of the payment term (after the OP art. 12 §5 shift)
    principal: int  # grosze still owed
    interest_kind: str  # "odsetki za zwłokę" / "odsetki ustawowe za opóźnienie"
    interest_amount: int  # grosze, as of the document's date
    interest_rate_bp: int  # the rate in force on the document's date
    interest_from: date  # the first day interest runs
    costs: int = 0  # koszty upomnienia, grosze
    reference: str = ""  # our case number, quoted in payment titles
    legal_basis_code: str | None = (
        None  # kod ze słownika podstaw prawnych MF (TW-1 @kodPodstawyPrawnej)
    )
    # The decision the obligation comes from (issue 16 item 8), e.g. "decyzja FA.4101.12.2026
    # z dnia 20.04.2026, ostateczna od 09.05.2026"; None for receivables not fixed by decision.
    decision: str | None = None


@dataclass(frozen=True, slots=True)
class Wezwanie:
    """Wezwanie do zapłaty / rachunek (seed 003 §2.1–2.2): two copies, original and copy."""

    number: str
    issued_on: date
    creditor: Creditor
    debtor: DebtorData
    receivable: ReceivableData
    term_days: int  # 14 days from delivery
    signatory: Signatory | None = None


@dataclass(frozen=True, slots=True)
class Upomnienie:
    """Every element a)–h) of seed 003 §3.2 (rozp. MF z 4.12.2020, Dz.U. 2020 poz. 2194)."""

    number: str  # a)
    issued_on: date  # a)
    creditor: Creditor  # b)
    debtor: DebtorData  # c)
    receivable: ReceivableData  # d) kind, amount, period, interest as of issued_on, its rate
    reminder_cost: int  # d) koszty upomnienia, grosze
    term_days: int  # e) 7 days from delivery
    handling_fee: int  # f) opłata manipulacyjna, 100 zł per title
    signatory: Signatory | None = None  # h) when not generated automatically


@dataclass(frozen=True, slots=True)
class ReminderRef:
    number: str
    issued_on: date
    delivered_on: date | None


@dataclass(frozen=True, slots=True)
class TytulWykonawczy:
    """Tytuł wykonawczy on the TW-1 model (rozporządzenie MF z 12.01.2021, Dz.U. 2022 poz. 1856)."""

    number: str
    issued_on: date
    creditor: Creditor
    debtor: DebtorData
    authority: Authority
    receivable: ReceivableData
    reminder: ReminderRef | None
    signatory: Signatory
    form_version: str = "TW-1(5)"


@dataclass(frozen=True, slots=True)
class Zawiadomienie:
    """Notice to the enforcement authority of a change to an issued title (seed 003 §3.7)."""

    number: str
    issued_on: date
    creditor: Creditor
    authority: Authority
    debtor: DebtorData
    title_number: str
    title_issued_on: date
    change: str  # wplata_czesciowa | wplata_calkowita | raty | wznowienie | umorzenie
    event_on: date
    amount: int | None = None  # grosze, for payments and write-offs
    remaining_principal: int | None = None
    description: str = ""
    signatory: Signatory | None = None


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One line of the ewidencja tytułów wykonawczych."""

    title_number: str
    issued_on: date
    debtor_name: str
    principal: int
    interest: int
    costs: int
    authority_name: str
    handoff_number: str | None = None
    events: tuple[str, ...] = field(default_factory=tuple)
