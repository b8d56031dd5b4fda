"""What one upload costs at the limits: CPU time and peak memory.

    .venv/bin/python bench/upload_limits.py [--megapixels 24] [--runs 3]

Photos: makes images of the given size (default: the pixel limit) that are worst cases for
the pipeline (few bytes, many pixels: flat PNG in RGB, RGBA and 16-bit grey; a noisy JPEG
as a camera makes, under the upload's size limit), then, for each, in a fresh process:
checks and re-encodes it as an upload is (`clean_photo`), stores it and makes its
renditions (`build_renditions`). Evidence PDFs: one of as many words as the check reads
(`check_pdf`), and a 9.8 MB scan. Prints CPU seconds and the peak memory above the
process's own, the worst of --runs runs, and what a save of UPLOAD_MAX_FILES photos costs.
No database is needed.
"""

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_portal.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
    import django

    django.setup()


def make_inputs(folder: Path, megapixels: float) -> list[tuple[str, Path]]:
    from PIL import Image

    width = int((megapixels * 1_000_000 * 4 / 3) ** 0.5)
    height = int(megapixels * 1_000_000 // width)
    inputs = []
    for label, mode, fmt, noisy in [
        ("PNG RGB, flat", "RGB", "PNG", False),
        ("PNG RGBA, flat", "RGBA", "PNG", False),
        ("PNG 16-bit grey, flat", "I;16", "PNG", False),
        ("JPEG RGB, camera-like noise", "RGB", "JPEG", True),
    ]:
        if noisy:
            image = Image.effect_noise((width, height), 12).convert(mode)
        else:
            image = Image.new(mode, (width, height), 1000 if mode == "I;16" else "white")
        path = folder / f"{len(inputs)}.{fmt.lower()}"
        image.save(path, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
        inputs.append((f"{label}, {width}×{height}", path))
    return inputs


def make_pdfs(folder: Path) -> list[tuple[str, Path]]:
    import random

    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, NumberObject

    from work_plans.uploads import PDF_MAX_WORDS

    inputs = []
    for label, extra in [
        (f"PDF of ~{PDF_MAX_WORDS:,} words (the bound)", "words"),
        ("PDF scan, a 9.8 MB image", "scan"),
    ]:
        writer = PdfWriter()
        page = writer.add_blank_page(595, 842)
        if extra == "words":  # written "[ 0 0 ... ]": a word and a space for each number
            row = ArrayObject([NumberObject(0)] * 95_000)  # pypdf reads 100,000 at most
            zeros = ArrayObject([row] * (PDF_MAX_WORDS // 200_000))
            page[NameObject("/Numbers")] = writer._add_object(zeros)
        else:
            image = DecodedStreamObject()
            image.set_data(random.Random(1).randbytes(9_800_000))
            page[NameObject("/Scan")] = writer._add_object(image)
        path = folder / f"{len(inputs)}.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        inputs.append((label, path))
    return inputs


def measure_one(path: str) -> dict:
    """In this (fresh) process: the upload's cost above what the process held before."""
    setup_django()
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from photos.images import build_renditions, clean_photo
    from work_plans.uploads import check_pdf

    settings.PHOTO_MAX_PIXELS = 10**9  # measure past the limit too
    data = Path(path).read_bytes()
    upload = SimpleUploadedFile(Path(path).name, data)
    storage = FileSystemStorage(location=tempfile.mkdtemp(prefix="bench-upload-"))
    with contextlib.suppress(OSError):  # the peak so far forgotten (Linux)
        Path("/proc/self/clear_refs").write_text("5")
    before = _status_kb("VmRSS")
    cpu = time.process_time()
    if path.endswith(".pdf"):
        check_pdf(data)
        stored = len(data)
    else:
        cleaned = clean_photo(upload)
        stored = cleaned.size
        name = storage.save(cleaned.name, cleaned)
        del cleaned
        build_renditions(name, storage)
    cpu = time.process_time() - cpu
    memory = (_status_kb("VmHWM") - before) / 1024
    return {"bytes": len(data), "stored": stored, "cpu": cpu, "memory_mb": memory}


def _status_kb(field: str) -> int:
    """A figure of /proc/self/status in kB (VmHWM: the peak resident memory, which, unlike
    getrusage's, is not carried over from the parent process)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megapixels", type=float, default=None, help="default: the limit")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_one(args.measure)))
        return
    setup_django()
    from django.conf import settings

    megapixels = args.megapixels or settings.PHOTO_MAX_PIXELS / 1_000_000
    print(
        f"PHOTO_MAX_PIXELS {settings.PHOTO_MAX_PIXELS:,}, UPLOAD_MAX_FILES "
        f"{settings.UPLOAD_MAX_FILES}; measuring {megapixels:g} megapixels, "
        f"worst of {args.runs} runs"
    )
    worst = {"photo": [0.0, 0.0], "pdf": [0.0, 0.0]}
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as folder:
        inputs = make_inputs(Path(folder), megapixels) + make_pdfs(Path(folder))
        for label, path in inputs:
            results = [
                json.loads(
                    subprocess.run(
                        [sys.executable, __file__, "--measure", str(path)],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    .stdout.strip()
                    .splitlines()[-1]
                )
                for _ in range(args.runs)
            ]
            cpu = max(r["cpu"] for r in results)
            memory = max(r["memory_mb"] for r in results)
            kind = worst["pdf" if path.suffix == ".pdf" else "photo"]
            kind[:] = max(kind[0], cpu), max(kind[1], memory)
            print(
                f"  {label:<45} {results[0]['bytes'] / 1024:>7,.0f} KB →"
                f" {results[0]['stored'] / 1024:>7,.0f} KB  {cpu:6.2f} s CPU  {memory:6.0f} MB"
            )
    files = settings.UPLOAD_MAX_FILES
    (photo_cpu, photo_memory), (pdf_cpu, pdf_memory) = worst["photo"], worst["pdf"]
    print(
        f"one photo: at most {photo_cpu:.2f} s CPU and {photo_memory:.0f} MB above the worker; "
        f"a save of {files} such photos: {files * photo_cpu:.1f} s CPU "
        "(photos are decoded one at a time; only their re-encoded files, each about the "
        "size of its upload, are held together until the save)"
    )
    print(f"one evidence PDF: at most {pdf_cpu:.2f} s CPU and {pdf_memory:.0f} MB")


if __name__ == "__main__":
    main()
