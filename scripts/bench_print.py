"""Bench the printouts: site_documents (HTML for the site) and one PDF of each kind."""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import generate_kb

from hikitsugi.check.checker import check
from hikitsugi.render.print import documents as printing
from hikitsugi.render.print.pdf import pdf_bytes

DAY = datetime.date(2027, 2, 1)
SAMPLE_CITY = Path(__file__).resolve().parent.parent
SAMPLE_PDFS = (
    "print/checklists/ikkatsu-uketsuke.html",
    "print/handover/tanaka-hanako.html",
    "print/onboarding/gakudo-kakaricho.html",
)


def bench(n: int, workdir: Path) -> None:
    root = workdir / f"kb-{n}"
    generate_kb(root, n)
    start = time.perf_counter()
    kb = check(root, use_cache=False).kb
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    documents = printing.site_documents(kb, DAY)
    html = time.perf_counter() - start
    kinds = {
        kind: sum(1 for p in documents if p.startswith(f"print/{kind}/"))
        for kind in ("checklists", "handover", "onboarding")
    }
    print(
        f"print  n={n}: check {loaded:.2f}s; site_documents {html:.2f}s for {len(documents)} documents "
        f"({kinds}); {1000 * html / max(len(documents), 1):.1f} ms each; ratio to check {html / loaded:.2f}"
    )


def bench_pdf() -> None:
    """Time one PDF of each kind from the sample city (synthetic packs run to hundreds of pages).

    The first includes loading WeasyPrint and the CJK font.
    """
    kb = check(SAMPLE_CITY).kb
    documents = printing.site_documents(kb, DAY)
    for path in SAMPLE_PDFS:
        start = time.perf_counter()
        data = pdf_bytes(documents[path], SAMPLE_CITY)
        print(f"print  PDF {path}: {time.perf_counter() - start:.2f}s, {len(data) // 1024} KiB")


def bench_big_pdfs(workdir: Path) -> None:
    """Time the checklist PDF of a 10,000-step runbook and of one 30 KB check line.

    Before sheets were capped these took 126 s and 193 s; now the sheet says what it left out.
    """
    sys.path.insert(0, str(SAMPLE_CITY / "tests"))
    from render.print.test_big_inputs import big_kb

    root = big_kb(workdir / "big", 10_000)
    kb = check(root, use_cache=False).kb
    for item in ("big-steps", "big-line"):
        start = time.perf_counter()
        data = pdf_bytes(printing.checklist_html(kb, item, DAY), root)
        print(f"print  PDF {item}: {time.perf_counter() - start:.2f}s, {len(data) // 1024} KiB")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000]
    with tempfile.TemporaryDirectory() as workdir:
        for n in sizes:
            bench(n, Path(workdir))
        bench_big_pdfs(Path(workdir))
    bench_pdf()


if __name__ == "__main__":
    main()
