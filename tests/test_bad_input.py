"""Bad input, tried at the command line: one error line per bad file (and JSONL line), the rest of the batch
written, a summary with counts, exit codes 0 / 1 / 2, and no traceback unless --debug.

One batch holds good releases and every kind of bad input below; ``build`` and ``ingest`` each run once
on it (module fixtures) and each kind is a test of its own on that run. Kinds that need a batch of their
own (exit codes, a bug in extraction, a 1 MB line, …) follow.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph import pipeline
from diplograph.cli import handle_errors, main
from diplograph.rdf.iris import release_iri
from diplograph.sources import decode_bytes
from diplograph.store import EmbeddedStore

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
RELEASE = "https://w3id.org/diplograph/id/release/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

FORTY = ["Australia", "Austria", "Bangladesh", "Belgium", "Brazil", "Brunei Darussalam", "Cambodia", "Canada",
         "Chile", "China", "Denmark", "Egypt", "Finland", "France", "Germany", "Greece", "India", "Indonesia",
         "Ireland", "Israel", "Italy", "Japan", "Kenya", "Laos", "Malaysia", "Mexico", "Mongolia", "Myanmar",
         "Nepal", "the Netherlands", "New Zealand", "Norway", "Pakistan", "Peru", "the Philippines", "Poland",
         "Portugal", "Singapore", "Spain", "Sweden"]
FORTY_TEXT = ("Thailand hosts the Asia Cooperation Dialogue\n\n14 May 2024\n\nOn 14 May 2024, Mr. Maris "
              "Sangiampongsa, Minister of Foreign Affairs of Thailand, chaired the 19th Asia Cooperation Dialogue "
              "Ministerial Meeting in Bangkok, attended by the foreign ministers of " + ", ".join(FORTY[:-1])
              + " and " + FORTY[-1] + ". The meeting discussed trade, energy and tourism cooperation.\n")
IMPOSSIBLE_DATES = (
    "วันที่ 31 ก.พ. 2563\n\nรัฐมนตรีว่าการกระทรวงการต่างประเทศหารือทวิภาคีกับรัฐมนตรีต่างประเทศสิงคโปร์\n\n"
    "เมื่อวันที่ 31 กุมภาพันธ์ 2563 นายดอน ปรมัตถ์วินัย รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือทวิภาคีกับ"
    "นายวีเวียน บาลากริชนัน รัฐมนตรีว่าการกระทรวงการต่างประเทศสิงคโปร์ ณ กรุงเทพมหานคร เมื่อวันที่ 0 มีนาคม 2563 "
    "วันที่ 12/13/2563 และวันที่ 2563-13-01 ทั้งสองฝ่ายหารือความร่วมมือด้านการค้า\n"
    "On 31 February 2020, on 0 March 2020 and on 2020-13-01 the two ministers also spoke by telephone.\n")
FAR_YEARS = (
    "วันพุธที่ 5 มีนาคม 9563\n\nรัฐมนตรีว่าการกระทรวงการต่างประเทศหารือทวิภาคีกับรัฐมนตรีต่างประเทศมาเลเซีย\n\n"
    "เมื่อวันที่ 5 มีนาคม 9563 นายดอน ปรมัตถ์วินัย รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือทวิภาคีกับ"
    "รัฐมนตรีว่าการกระทรวงการต่างประเทศมาเลเซีย ณ กรุงเทพมหานคร และจะพบกันอีกครั้งในวันที่ 5 มีนาคม 1200 "
    "และวันที่ 1 มกราคม 25630 On 5 March 3020 and on 5 March 1066 they spoke again.\n")
LAO = "ສະຖານທູດລາວ ປະຈຳປະເທດໄທ ໄດ້ຈັດກອງປະຊຸມ ກັບລັດຖະມົນຕີ ຕ່າງປະເທດ ໃນວັນທີ 5 ມີນາ 2024 ເພື່ອປຶກສາຫາລື.\n" * 3
KHMER = "រដ្ឋមន្ត្រីការបរទេសកម្ពុជា បានជួបជាមួយរដ្ឋមន្ត្រីការបរទេសថៃ នៅថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៤ ដើម្បីពិភាក្សា។\n" * 3
CHINESE = "中华人民共和国外交部长王毅今天在北京会见了泰国外交部长 (Don Pramudwinai)，双方就双边关系交换了意见。\n" * 3


def dirty(text: str) -> str:
    """Text as web pages carry it: zero-width spaces, non-breaking spaces, decomposed sara am, tone marks
    typed before their vowel ("ท่ี")."""
    text = text.replace(" ", "\u00a0\u200b").replace("\u0e33", "\u0e4d\u0e32").replace("\u0e35\u0e48", "\u0e48\u0e35")
    return re.sub("(นาย|รัฐมนตรี)", "\\1\u200b", text)


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("release.txt", (DEV / "d001.txt").read_text(encoding="utf-8"))
    return buf.getvalue()


def write_batch(root: Path) -> Path:
    batch = root / "batch"
    batch.mkdir()
    for name in ("d001.txt", "d018.txt"):
        (batch / name).write_bytes((DEV / name).read_bytes())
    d002 = decode_bytes((DEV / "d002.txt").read_bytes(), "d002.txt")
    (batch / "names-clean.txt").write_text(d002, encoding="utf-8")
    (batch / "names-dirty.txt").write_text(dirty(d002), encoding="utf-8")
    (batch / "forty.txt").write_text(FORTY_TEXT, encoding="utf-8")
    (batch / "dates.txt").write_text(IMPOSSIBLE_DATES, encoding="utf-8")
    (batch / "era.txt").write_text(FAR_YEARS, encoding="utf-8")
    (batch / "malformed.html").write_text(
        "<html><head><title>Talks</title><body><div class=x><p>The Minister of Foreign Affairs of Thailand met "
        "the Minister of Foreign Affairs of Singapore on 3 May 2024 in Bangkok to discuss trade and investment."
        "<p><b><i>unclosed <table><tr><td>cell</div></span><script>alert('x')</script></body>", encoding="utf-8")
    folder = batch / "folder.txt"  # a directory named like a file: walked, not read as a file
    folder.mkdir()
    (folder / "inner.txt").write_bytes((DEV / "d009.txt").read_bytes())
    (batch / os.fsdecode(b"caf\xe9.txt")).write_text(  # a file name that is not UTF-8
        "Thailand and Vietnam talks\n\nOn 7 January 2024, the Prime Minister of Thailand met the Prime Minister "
        "of Vietnam in Bangkok to discuss trade.\n", encoding="utf-8")
    os.symlink(".", batch / "loop")  # a directory symlink loop

    (batch / "empty.txt").write_bytes(b"")
    (batch / "blank.txt").write_text(" \n\t\u00a0\u200b\n\n   ", encoding="utf-8")
    (batch / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (batch / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00")
    (batch / "archive.txt").write_bytes(zip_bytes())
    (batch / "scan.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)))
    (batch / "latin1.txt").write_bytes("Le ministre a rencontré son homologue à Paris, café crème.".encode("latin-1"))
    (batch / "cut.txt").write_bytes((DEV / "d001.txt").read_bytes()[:-1].rstrip(b"\n") + "ไทย".encode()[:2])
    with (batch / "huge.txt").open("w", encoding="utf-8") as f:  # 50 MB
        chunk = "The two ministers met in Bangkok to discuss trade and investment. " * 1000
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    (batch / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                                    "<footer>© Ministry</footer></body></html>", encoding="utf-8")
    (batch / "lao.txt").write_text(LAO, encoding="utf-8")
    (batch / "khmer.txt").write_text(KHMER, encoding="utf-8")
    (batch / "chinese.txt").write_text(CHINESE, encoding="utf-8")
    good = ("The Prime Minister of Thailand met the Prime Minister of Malaysia on 5 January 2024 in Bangkok to "
            "discuss trade.")
    (batch / "lines.jsonl").write_bytes(b"\n".join([
        b"{not json",
        json.dumps({"id": "no-text", "url": "https://example.org/1"}).encode(),
        b"[1, 2, 3]",
        json.dumps({"id": "jl-good", "text": good}).encode(),
        json.dumps({"id": "number", "text": 42}).encode(),
        b'{"id": "latin", "text": "caf\xe9"}',
        json.dumps({"id": "jl-surrogate", "text": good.replace("Malaysia", "Laos") + " \ud83d"}).encode(),
        b'{"id": 1' + b"0" * 5000 + b', "text": "x"}',
        json.dumps({"id": "jl-url", "text": good.replace("Malaysia", "Vietnam"),
                    "url": "http://exa mple.org/news?id={7}&q=<b>"}).encode(),
        json.dumps({"id": "jl-javascript", "text": good.replace("Malaysia", "Cambodia"),
                    "url": "javascript:alert(1)"}).encode(),
    ]) + b"\n")
    os.mkfifo(batch / "fifo.txt")
    (batch / "secret.txt").write_bytes((DEV / "d003.txt").read_bytes())  # unreadable: see `unreadable`
    os.symlink("self.txt", batch / "self.txt")
    os.symlink("nowhere.txt", batch / "gone.txt")
    return batch


READ = ["d001", "d018", "names-clean", "forty", "dates", "era", "malformed", "inner", "caf%E9", "jl-good",
        "jl-surrogate", "jl-url", "jl-javascript"]
BAD = {  # kind: (file, line or None, what the error says)
    "empty file": ("empty.txt", None, "empty or whitespace only"),
    "whitespace only": ("blank.txt", None, "empty or whitespace only"),
    "PDF with a text extension": ("report.txt", None, "is binary (PDF), not a text release"),
    "image with a text extension": ("photo.txt", None, "is binary (PNG), not a text release"),
    "zip with a text extension": ("archive.txt", None, "is binary (ZIP), not a text release"),
    "JPEG with an HTML extension": ("scan.html", None, "is binary (JPEG), not a text release"),
    "undecodable bytes": ("latin1.txt", None, "not UTF-8 (invalid byte 0xe9 at"),
    "truncated UTF-8": ("cut.txt", None, "truncated: the UTF-8 text ends in the middle of a character"),
    "a 50 MB text": ("huge.txt", None, "too large (52,"),
    "HTML with no article body": ("nav.html", None, "no article text in the page"),
    "Lao script": ("lao.txt", None, "no Thai or English text (Lao script)"),
    "Khmer script": ("khmer.txt", None, "no Thai or English text (Khmer script)"),
    "Chinese script": ("chinese.txt", None, "no Thai or English text (Han script)"),
    "JSONL line that is not JSON": ("lines.jsonl", 1, "not valid JSON"),
    "JSONL line without text": ("lines.jsonl", 2, "no 'text' (or 'html') string field"),
    "JSONL line that is not an object": ("lines.jsonl", 3, "expected a JSON object, got list"),
    "JSONL text that is not a string": ("lines.jsonl", 5, "no 'text' (or 'html') string field"),
    "JSONL line that is not UTF-8": ("lines.jsonl", 6, "not UTF-8"),
    "JSONL number of 5,000 digits": ("lines.jsonl", 8, "not valid JSON (Exceeds the limit (4300 digits)"),
    "a FIFO": ("fifo.txt", None, "not a regular file"),
    "unreadable (permission denied)": ("secret.txt", None, "cannot read (Permission denied)"),
    "a symlink to itself": ("self.txt", None, "cannot read (Too many levels of symbolic links)"),
    "a broken symlink": ("gone.txt", None, "cannot read (No such file or directory)"),
}


def unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, file permissions are not enforced: reading secret.txt raises PermissionError instead."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def invoke(*args: str, catch: bool = False):
    return CliRunner().invoke(main, list(args), catch_exceptions=catch)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_batch(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def built(batch: Path):
    out = batch.parent / "out.trig"
    out.write_text("previous\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        unreadable(mp)
        start = time.monotonic()
        result = invoke("build", str(batch), "-o", str(out))
        result.seconds = time.monotonic() - start
    return result, out


@pytest.fixture(scope="module")
def ingested(batch: Path):
    store = batch.parent / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        unreadable(mp)
        result = invoke("ingest", str(batch), "--store", str(store))
    return result, store


def error_line(stderr: str, batch: Path, file: str, line: int | None) -> str:
    where = f"{batch / file}" + (f":{line}" if line else "") + ": "
    found = [ln for ln in stderr.splitlines() if ln.startswith(f"error: {where}")]
    assert len(found) == 1, f"no single error line for {where} in:\n{stderr}"
    return found[0]


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("command", ["build", "ingest"])
def test_each_bad_input_is_one_error_line_naming_it(kind: str, command: str, batch: Path, built, ingested) -> None:
    result = (built if command == "build" else ingested)[0]
    file, line, cause = BAD[kind]
    message = error_line(result.stderr, batch, file, line)
    assert cause in message, message


@pytest.mark.parametrize("command", ["build", "ingest"])
def test_no_traceback_and_only_one_line_messages(command: str, built, ingested) -> None:
    result = (built if command == "build" else ingested)[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert line.startswith(("error: ", "note: ", "skipped ")), line


def test_build_writes_the_rest_of_the_batch_with_a_summary(batch: Path, built) -> None:
    result, out = built
    assert result.exit_code == 1
    assert result.stdout.startswith(f"wrote {out}: {len(READ)} releases read, {len(BAD)} failed, ")
    graphs = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.TRIG)
              if isinstance(q.graph_name, ox.NamedNode)}
    assert {str(release_iri(rid)) for rid in READ} == {g for g in graphs if g.startswith(RELEASE)}
    assert "skipped names-dirty.txt: same text as release names-clean" in result.stderr
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.trig")]  # no temporary file left
    assert result.seconds < 60


def test_ingest_stores_the_rest_of_the_batch_with_a_summary(ingested) -> None:
    result, store = ingested
    assert result.exit_code == 1
    assert f"{len(READ)} stored, 0 replaced, 1 skipped (same text), 0 held back (violations), {len(BAD)} failed; " \
           f"it holds {len(READ)} releases" in result.stdout
    with EmbeddedStore.open(store) as reader:
        assert [g.value for g in reader.release_graphs()] == sorted(str(release_iri(rid)) for rid in READ)
    assert invoke("doctor", "--store", str(store)).exit_code == 0


def test_web_text_normalises_to_the_same_release(tmp_path: Path) -> None:
    """Zero-width spaces, non-breaking spaces and decomposed Thai in names give the clean text's graph."""
    d002 = decode_bytes((DEV / "d002.txt").read_bytes(), "d002.txt")
    assert "\u200b" in dirty(d002) and "\u0e4d\u0e32" in dirty(d002)
    for name, text in (("clean", d002), ("dirty", dirty(d002))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "d002.txt").write_text(text, encoding="utf-8")
        assert invoke("build", str(tmp_path / name), "-o", str(tmp_path / f"{name}.nq")).exit_code == 0
    clean, messy = ((tmp_path / f"{n}.nq").read_text(encoding="utf-8") for n in ("clean", "dirty"))
    assert messy == clean
    assert not re.search("[\u200b\u00a0\u0e4d]", messy) and unicodedata.is_normalized("NFC", messy)


def test_urls_become_valid_iris_or_nothing(built) -> None:
    _, out = built
    data = ox.Store()
    data.load(path=str(out), format=ox.RdfFormat.TRIG)
    urls = {r["r"].value.rsplit("/", 1)[-1]: r["u"].value
            for r in data.query("SELECT ?r ?u WHERE { GRAPH ?r { ?r <https://schema.org/url> ?u } }")}
    assert urls["jl-url"] == "http://exa%20mple.org/news?id=%7B7%7D&q=%3Cb%3E"
    assert "jl-javascript" not in urls


def test_impossible_dates_and_far_years_give_no_date(built) -> None:
    _, out = built
    data = ox.Store()
    data.load(path=str(out), format=ox.RdfFormat.TRIG)
    for rid in ("dates", "era"):
        rows = list(data.query(f"SELECT ?d WHERE {{ GRAPH <{RELEASE}{rid}> {{ ?s ?p ?d FILTER(isLiteral(?d) "
                               f"&& DATATYPE(?d) = <{XSD_DATE}>) }} }}"))
        assert rows == [], f"{rid}: {[r['d'] for r in rows]}"
        assert data.query(f"ASK {{ GRAPH <{RELEASE}{rid}> {{ <{RELEASE}{rid}> a ?t }} }}"), "the release is read"
    assert not data.query(f"ASK {{ GRAPH <{RELEASE}dates> {{ <{RELEASE}dates> "
                          "<http://purl.org/dc/terms/issued> ?d } }")  # "วันที่ 31 ก.พ. 2563" is no date line


@pytest.mark.parametrize("command", ["build", "ingest"])
def test_a_release_whose_dates_are_all_impossible_says_so(command: str, built, ingested) -> None:
    """Its dates are rightly read as nothing; a note on that release (and only that one) says why."""
    result = (built if command == "build" else ingested)[0]
    notes = [ln for ln in result.stderr.splitlines() if "no real day" in ln]
    assert len(notes) == 1, notes
    name = "dates.txt" if command == "build" else "dates"
    assert notes[0].startswith(f"note: {name}: dates that name no real day were left out: "), notes[0]
    assert "31 ก.พ. 2563 (no such day)" in notes[0] and "and 3 more" in notes[0]
    assert notes[0].endswith("; the release has no date of its own")


def test_a_release_naming_forty_countries(built) -> None:
    _, out = built
    data = ox.Store()
    data.load(path=str(out), format=ox.RdfFormat.TRIG)
    rows = list(data.query(f"SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH <{RELEASE}forty> {{ "
                           "?e <https://w3id.org/diplograph/ontology#involvesCountry> ?c } } GROUP BY ?e"))
    assert rows and max(int(r["n"].value) for r in rows) >= 30


def test_all_forty_countries_are_read() -> None:
    from diplograph.extraction import extract
    from diplograph.sources import parse_release

    facts = extract(parse_release(FORTY_TEXT, release_id="forty", source_file="forty.txt"))
    assert max(len(e.countries) for e in facts.events) == 41


# ----------------------------------------------------------------------- exit codes and whole-batch outcomes

def test_exit_0_when_all_is_good(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name in ("d001.txt", "d018.txt"):
        (tmp_path / "in" / name).write_bytes((DEV / name).read_bytes())
    result = invoke("build", str(tmp_path / "in"), "-o", str(tmp_path / "out.ttl"))
    assert result.exit_code == 0 and "2 releases read, 0 failed" in result.stdout and result.stderr == ""
    result = invoke("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0 and "2 stored" in result.stdout


def test_exit_2_when_nothing_could_be_done(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "lao.txt").write_text(LAO, encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = invoke("build", str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert "error: no release could be read (2 failed); nothing written" in result.stderr
    result = invoke("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 2 and "0 stored" in result.stdout and "2 failed" in result.stdout
    assert "error: no release could be stored" in result.stderr


def test_a_missing_input_is_an_error_line(tmp_path: Path) -> None:
    result = invoke("build", str(tmp_path / "nope.txt"), str(DEV / "d001.txt"), "-o", str(tmp_path / "o.ttl"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope.txt'}: cannot read (No such file or directory)" in result.stderr


@pytest.mark.slow
def test_a_one_megabyte_line_is_read_in_linear_time(tmp_path: Path) -> None:
    """One unbroken line of 1 MB (newmm would be superlinear on it): split, read, extracted in seconds."""
    texts = [" ".join(decode_bytes(p.read_bytes(), p.name).split()) for p in sorted(DEV.glob("*.txt"))]
    line = " ".join(texts * (1024 * 1024 // sum(map(len, texts)) + 1))[:1024 * 1024]
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    start = time.monotonic()
    result = invoke("build", str(tmp_path / "line.txt"), "-o", str(tmp_path / "line.nq"))
    assert result.exit_code in (0, 1) and "1 release read, 0 failed" in result.stdout
    assert time.monotonic() - start < 60


# ------------------------------------------------------------------------------------ bugs and interruptions

@pytest.fixture
def buggy_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in extraction that only release "boom" hits."""
    real = pipeline.extract

    def extract(release):
        if release.release_id == "boom":
            raise ZeroDivisionError("division by zero")
        return real(release)

    monkeypatch.setattr(pipeline, "extract", extract)


@pytest.fixture
def two(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "boom.txt").write_bytes((DEV / "d003.txt").read_bytes())
    (tmp_path / "in" / "d001.txt").write_bytes((DEV / "d001.txt").read_bytes())
    return tmp_path / "in"


BUG = ("boom.txt: release boom: internal error (ZeroDivisionError: division by zero); this is a bug in "
       "diplograph — run with --debug for the traceback and report it")


def test_a_bug_on_one_release_fails_that_release_only(two: Path, buggy_extraction) -> None:
    out = two.parent / "out.trig"
    result = invoke("build", str(two), "-o", str(out))
    assert result.exit_code == 1 and f"error: {BUG}" in result.stderr.splitlines()
    assert "1 release read, 1 failed" in result.stdout
    graphs = {q.graph_name for q in ox.parse(path=str(out), format=ox.RdfFormat.TRIG)}
    assert ox.NamedNode(RELEASE + "d001") in graphs and ox.NamedNode(RELEASE + "boom") not in graphs
    result = invoke("ingest", str(two), "--store", str(two.parent / "store"))
    assert result.exit_code == 1 and f"error: {BUG}" in result.stderr.splitlines()
    assert "1 stored" in result.stdout and "1 failed" in result.stdout


def test_debug_shows_the_bug_in_build(two: Path, buggy_extraction) -> None:
    result = invoke("--debug", "build", str(two), "-o", str(two.parent / "out.trig"), catch=True)
    assert isinstance(result.exception, ZeroDivisionError)


def test_debug_shows_the_bug_in_ingest(two: Path, buggy_extraction) -> None:
    result = invoke("--debug", "ingest", str(two), "--store", str(two.parent / "store"), catch=True)
    assert isinstance(result.exception, ZeroDivisionError)


def test_commands_leave_the_library_as_it_was(two: Path, buggy_extraction) -> None:
    """Bugs on one release are caught where releases are processed, not by patching the library."""
    before = (pipeline.process, pipeline.process_or_error)
    invoke("build", str(two), "-o", str(two.parent / "out.trig"))
    invoke("ingest", str(two), "--store", str(two.parent / "store"))
    assert (pipeline.process, pipeline.process_or_error) == before


def test_every_command_has_the_safety_net() -> None:
    wrapper = handle_errors(lambda: None).__code__
    for name, command in main.commands.items():
        assert command.callback.__code__ is wrapper, f"diplograph {name} is not wrapped by handle_errors"


BUGS = [  # command line, library function to break (module, name)
    (["build", str(DEV / "d001.txt"), "-o", "{tmp}/o.ttl"], ("diplograph.pipeline", "write_graph")),
    (["ingest", str(DEV / "d001.txt"), "--store", "{tmp}/s"], ("diplograph.ingest", "ingest")),
    (["validate", str(Path(__file__).parent / "golden" / "seed" / "expected.trig")],
     ("diplograph.validate", "validate_file")),
    (["query", "partners", "-p", "country=TH", "--store", "{tmp}/s"], ("diplograph.queries", "run")),
    (["export", "--store", "{tmp}/s", "-o", "{tmp}/e.trig"], ("diplograph.export", "export")),
    (["stats", "--store", "{tmp}/s"], ("diplograph.stats", "stats")),
    (["doctor", "--store", "{tmp}/s"], ("diplograph.doctor", "check_store")),
    (["remove", "d001", "--store", "{tmp}/s"], ("diplograph.ingest", "remove")),
    (["viz", str(Path(__file__).parent / "golden" / "seed" / "expected.trig"), "-o", "{tmp}/v.html"],
     ("diplograph.viz", "render")),
    (["queries"], ("diplograph.queries", "shipped")),
]


@pytest.mark.parametrize("args,target", BUGS, ids=[b[0][0] for b in BUGS])
def test_an_unexpected_exception_is_one_line_in_every_command(args, target, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    if "{tmp}/s" in " ".join(args) and args[0] != "ingest":
        assert invoke("ingest", str(DEV / "d001.txt"), "--store", str(tmp_path / "s")).exit_code == 0

    def broken(*_a, **_k):
        raise KeyError("gremlin")

    module = importlib.import_module(target[0])
    if hasattr(getattr(module, target[1]), "cache_clear"):
        getattr(module, target[1]).cache_clear()
    monkeypatch.setattr(module, target[1], broken)
    result = invoke(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines()[-1] == (
        "error: internal error (KeyError: 'gremlin'); this is a bug in diplograph — run again with --debug for "
        "the traceback and report it")
    assert "Traceback" not in result.output


def test_ctrl_c_is_a_short_message_and_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build", interrupted)
    out = tmp_path / "o.ttl"
    result = invoke("build", str(DEV / "d001.txt"), "-o", str(out))
    assert result.exit_code == 130 and "interrupted" in result.stderr and not out.exists()


def test_a_closed_pipe_ends_quietly() -> None:
    """`diplograph queries | head -1`: the reader goes away; no BrokenPipeError traceback."""
    process = subprocess.Popen([DIPLOGRAPH, "queries"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 141) and "Traceback" not in err and "BrokenPipe" not in err


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    """The installed command, not CliRunner: bad input and a bad store give one line each."""
    (tmp_path / "x.txt").write_bytes(b"%PDF-1.4\n")
    result = subprocess.run([DIPLOGRAPH, "build", str(tmp_path / "x.txt"), "-o", str(tmp_path / "o.ttl")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == f"error: {tmp_path / 'x.txt'}: is binary (PDF), not a text release"
    (tmp_path / "notastore").mkdir()
    (tmp_path / "notastore" / "file").write_text("x")
    result = subprocess.run([DIPLOGRAPH, "doctor", "--store", str(tmp_path / "notastore")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "no diplograph store" in result.stderr


def test_file_names_with_line_breaks_stay_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "a\nb.txt").write_bytes(b"")
    result = invoke("build", str(tmp_path), "-o", str(tmp_path / "o.ttl"))
    assert result.exit_code == 2
    assert f"error: {tmp_path}/a\\nb.txt: empty or whitespace only" in result.stderr.splitlines()


def test_utf16_and_bom_variants_of_bad_input(tmp_path: Path) -> None:
    (tmp_path / "bom-only.txt").write_bytes(codecs.BOM_UTF8)
    (tmp_path / "utf16-blank.txt").write_bytes(codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"))
    (tmp_path / "utf16-bad.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00")  # lone surrogate
    result = invoke("build", str(tmp_path), "-o", str(tmp_path / "o.ttl"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"error: {tmp_path / 'bom-only.txt'}: empty or whitespace only" in lines
    assert f"error: {tmp_path / 'utf16-blank.txt'}: empty or whitespace only" in lines
    assert any(line.startswith(f"error: {tmp_path / 'utf16-bad.txt'}: invalid UTF-16-LE") for line in lines)
