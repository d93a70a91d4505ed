"""Benchmark: 10,000 executive titles built, validated and packed into handoff files.

    .venv/bin/python benchmarks/titles.py [--titles 10000] [--workers 2] [--per-file 1000]

Target (issue 4): <= 10 s on 2 cores for the whole pipeline (build each TW-1(5) document, validate
it, pack per authority into handoff files with the register extract, validate each file, write it).
Then, for the same 10,000 title documents, validation alone: lxml's XMLSchema (libxml2, imports
resolved through schemas/xsd/catalog.xml by a parser resolver) against xmlschema (pure Python,
measured on a sample and extrapolated unless --xmlschema-all)."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lxml import etree
from stdnum.pl import nip, pesel

from app.domain.documents import (
    Address,
    Authority,
    Creditor,
    DebtorData,
    ReceivableData,
    RegisterEntry,
    ReminderRef,
    Signatory,
    TytulWykonawczy,
)
from app.titles import xsd
from app.titles.forms import FORMS
from app.titles.xml import build_handoff_xml, build_title_xml

WL = {"voivodeship": "kujawsko-pomorskie", "county": "Włocławek", "commune": "Włocławek"}
CREDITOR = Creditor(
    name="Centrum Wsparcia dla Osób w Kryzysie we Włocławku",
    address=Address("ul. Kilińskiego 13", "87-800", "Włocławek", **WL),
    nip="8881234563",
    regon="910866181",
    bank_account="67 1020 2892 0000 1234 5678 9012",
)
AUTHORITIES = [
    Authority(
        f"US-{n}", f"Naczelnik Urzędu Skarbowego nr {n}", CREDITOR.address, office_code=f"04{n:02d}"
    )
    for n in range(1, 5)
]
SIGNATORY = Signatory("Anna Nowak", "Kierownik Centrum")
STREETS = [
    "ul. Długa",
    "ul. Kaliska",
    "ul. Toruńska",
    "al. Jana Pawła II",
    "ul. Żabia",
    "ul. Łęgska",
]


def _pesel(i: int) -> str:
    born = date(1950, 1, 1) + timedelta(days=i % 18000)
    prefix = f"{born:%y}{born.month + (20 if born.year >= 2000 else 0):02d}{born:%d}{i % 10000:04d}"
    return next(prefix + str(d) for d in range(10) if pesel.is_valid(prefix + str(d)))


def _nip(i: int) -> str:
    for j in range(i * 10, i * 10 + 50):
        candidate = f"{555_100_000 + j:09d}"  # "555…": a real tax-office prefix shape (no "00")
        for d in range(10):
            if nip.is_valid(candidate + str(d)):
                return candidate + str(d)
    raise AssertionError(i)


def make_title(i: int) -> TytulWykonawczy:
    """Title no. i: persons with PESEL, firms with NIP, persons with no identifier, in turn."""
    kind = i % 3
    home = Address(
        f"{STREETS[i % len(STREETS)]} {1 + i % 120} m. {1 + i % 30}", "87-800", "Włocławek", **WL
    )
    debtor = DebtorData(
        name=f"Firma Handlowa „Kujawy {i}” & Syn"
        if kind == 1
        else f"Jan{i % 97} Kowalski-Żmuda{i}",
        address=home,
        is_person=kind != 1,
        pesel=_pesel(i) if kind == 0 else None,
        nip=_nip(i) if kind == 1 else None,
    )
    stay = date(2024, 1, 1) + timedelta(days=i % 300)
    receivable = ReceivableData(
        kind_code="oplata_pobyt",
        kind_label="Opłata za pobyt w centrum wsparcia dla osób w kryzysie",
        legal_basis="art. 42² ust. 11 ustawy z dnia 26 października 1982 r. o wychowaniu w "
        "trzeźwości i przeciwdziałaniu alkoholizmowi",
        title=f"pobyt w dniu {stay.isoformat()}, karta {i}/2024",
        period_from=stay,
        period_to=stay,
        due_date=stay + timedelta(days=21),
        principal=319_00 + i % 1000,
        interest_kind="odsetki za zwłokę",
        interest_amount=(i * 7) % 5000,
        interest_rate_bp=1450,
        interest_from=stay + timedelta(days=22),
        costs=16_00,
    )
    return TytulWykonawczy(
        number=f"TW/{i}/2025",
        issued_on=date(2025, 3, 3),
        creditor=CREDITOR,
        debtor=debtor,
        authority=AUTHORITIES[i % len(AUTHORITIES)],
        receivable=receivable,
        reminder=ReminderRef(f"UP/{i}/2024", stay + timedelta(days=30), stay + timedelta(days=35)),
        signatory=SIGNATORY,
    )


def entry(t: TytulWykonawczy, batch: str) -> RegisterEntry:
    r = t.receivable
    return RegisterEntry(
        t.number,
        t.issued_on,
        t.debtor.name,
        r.principal,
        r.interest_amount,
        r.costs,
        t.authority.name,
        batch,
    )


def batches(n_titles: int, per_file: int) -> list[tuple[str, int, list[int]]]:
    """(batch number, authority index, title indices): one authority per file, <= per_file each."""
    by_authority: dict[int, list[int]] = {}
    for i in range(1, n_titles + 1):
        by_authority.setdefault(i % len(AUTHORITIES), []).append(i)
    out = []
    for a, indices in sorted(by_authority.items()):
        for k in range(0, len(indices), per_file):
            out.append((f"P/{a}-{k // per_file + 1}/2025", a, indices[k : k + per_file]))
    return out


# The titles exist before the pipeline starts (the service hands them over): generated once,
# untimed, and inherited by the forked workers, so only building, validating and writing is timed.
TITLES: list[TytulWykonawczy] = []


def build_batch(job: tuple[str, int, list[int]], out_dir: str) -> tuple[int, int]:
    number, a, indices = job
    titles = [TITLES[i - 1] for i in indices]
    data = build_handoff_xml(
        number,
        date(2025, 3, 4),
        AUTHORITIES[a],
        titles,
        [entry(t, number) for t in titles],
        creditor=CREDITOR,
    )
    Path(out_dir, number.replace("/", "_") + ".xml").write_bytes(data)
    return len(titles), len(data)


def pipeline(n_titles: int, workers: int, per_file: int) -> tuple[float, float, int, int, int]:
    """Wall time from a cold start of the workers (each compiles the schemas) to the last file,
    and the CPU time of parent and workers (robust when other processes share the cores)."""
    jobs = batches(n_titles, per_file)
    with tempfile.TemporaryDirectory() as out_dir:
        cpu_start = _cpu()
        start = time.perf_counter()
        if workers == 1:
            results = [build_batch(job, out_dir) for job in jobs]
        else:
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=fork) as pool:
                results = list(pool.map(build_batch, jobs, [out_dir] * len(jobs)))
        elapsed = time.perf_counter() - start
        cpu = _cpu() - cpu_start
    return elapsed, cpu, sum(n for n, _ in results), sum(b for _, b in results), len(jobs)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def validation_only(n_titles: int, sample: int) -> tuple[float, float]:
    schemas = FORMS["TW-1(5)"].schemas
    docs = [etree.fromstring(build_title_xml(t)) for t in TITLES[:n_titles]]
    lxml_schema, xml_schema = xsd.lxml_for(schemas), xsd.xmlschema_for(schemas)
    start = time.perf_counter()
    assert all(lxml_schema.validate(d) for d in docs)
    t_lxml = time.perf_counter() - start
    start = time.perf_counter()
    assert all(xml_schema.is_valid(d) for d in docs[:sample])  # type: ignore[arg-type]  # lxml tree
    t_xs = (time.perf_counter() - start) * len(docs) / min(sample, len(docs))
    note = "" if sample >= len(docs) else f"  (extrapolated from {sample})"
    say(f"validation alone, the same {len(docs)} title documents, 1 core:")
    say(f"  lxml XMLSchema {t_lxml:7.2f} s  {t_lxml / len(docs) * 1e3:.3f} ms/doc")
    say(f"  xmlschema      {t_xs:7.2f} s  {t_xs / len(docs) * 1e3:.3f} ms/doc{note}")
    return t_lxml, t_xs


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - a benchmark reports on stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--titles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--xmlschema-sample", type=int, default=500)
    parser.add_argument("--xmlschema-all", action="store_true")
    args = parser.parse_args()
    TITLES[:] = [make_title(i) for i in range(1, args.titles + 1)]
    elapsed, cpu, n, size, files = pipeline(args.titles, args.workers, args.per_file)
    verdict = "OK" if elapsed <= 10 else "OVER TARGET"
    say(
        f"pipeline: {n} titles -> {files} handoff files ({size / 1e6:.1f} MB) on {args.workers} "
        f"workers: wall {elapsed:.2f} s, {elapsed / n * 1e3:.3f} ms/title  [target <= 10 s: "
        f"{verdict}]; CPU {cpu:.2f} s in all processes"
    )
    single, single_cpu, *_ = pipeline(args.titles, 1, args.per_file)
    say(f"pipeline on 1 worker: wall {single:.2f} s, CPU {single_cpu:.2f} s")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    say(f"load average now: {load} on {os.cpu_count()} cores (other processes share them)")
    sample = args.titles if args.xmlschema_all else args.xmlschema_sample
    t_lxml, t_xs = validation_only(args.titles, sample)
    say(
        f"ratios: xmlschema/lxml validation {t_xs / t_lxml:.0f}x; "
        f"pipeline ({args.workers} workers)/lxml validation alone {elapsed / t_lxml:.1f}x; "
        f"xmlschema validation alone/pipeline ({args.workers} workers) {t_xs / elapsed:.1f}x"
    )


if __name__ == "__main__":
    main()
