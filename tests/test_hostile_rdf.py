"""Hostile RDF files, each written here and handed to every command that reads a user's graph file:
an XML entity bomb, an external entity, a Turtle list of a million items, a JSON-LD context on the
web. Each must end in seconds, in little memory, without touching the network, and with one error
line naming the file (exit 2) where it cannot be read."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.errors import InputError

RDF_XML_HEAD = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
                '<rdf:Description rdf:about="http://example.org/a"><ex:p>{}</ex:p></rdf:Description></rdf:RDF>\n')


def billion_laughs(path: Path) -> Path:
    """Ten entities, each ten times the one before: 572 bytes that expand to 3 GB of 'lol'."""
    entities = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">'
                                          for i in range(1, 10)]
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "]>\n"
                    + RDF_XML_HEAD.format("&lol9;"), encoding="utf-8")
    return path


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def commands(file: Path, tmp_path: Path) -> list[list[str]]:
    """Every command that reads a graph file."""
    return [["validate", str(file)],
            ["query", "partners", "-p", "country=TH", "--data", str(file)],
            ["viz", str(file), "-o", str(tmp_path / "out.html")],
            ["network", str(file)]]


def test_an_xml_entity_bomb_is_refused_at_once_by_the_command(tmp_path: Path) -> None:
    """The acceptance check, in a process of its own: without the fix it ran for ever."""
    bomb = billion_laughs(tmp_path / "laughs.rdf")
    assert bomb.stat().st_size < 1000
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", "from diplograph.cli import main; main()", "validate", str(bomb)],
                          capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 30
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "laughs.rdf" in done.stderr and "entities" in done.stderr


def test_an_xml_entity_bomb_is_refused_by_every_command(tmp_path: Path) -> None:
    bomb = billion_laughs(tmp_path / "laughs.rdf")
    for args in commands(bomb, tmp_path):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "laughs.rdf" in result.stderr and "XML entities" in result.stderr, (args, result.stderr)
    assert not (tmp_path / "out.html").exists()


def test_an_external_entity_is_not_read(tmp_path: Path) -> None:
    """An entity naming another file (here a graph of ours, readable) is refused, not read in."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret", encoding="utf-8")
    xxe = tmp_path / "xxe.rdf"
    xxe.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
                   + RDF_XML_HEAD.format("&s;"), encoding="utf-8")
    result = cli("validate", str(xxe))
    assert result.exit_code == 2 and "XML entities" in result.stderr
    assert "secret" not in result.output


def test_plain_rdf_xml_is_still_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain.rdf"
    plain.write_text('<?xml version="1.0"?>\n' + RDF_XML_HEAD.format("a &amp; b"), encoding="utf-8")
    result = cli("validate", str(plain))
    assert result.exit_code == 0 and "conforms" in result.stdout


# Run in a process of its own with its address space capped at 1 GiB, so that a regression fails in
# seconds instead of taking the machine's memory (rdflib's parser held this file in 6.3 GB).
MEASURE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from diplograph.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
# the peak of this process's own memory (ru_maxrss would include the forking pytest's, kept across exec)
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(f"maxrss_kb={peak}", file=sys.stderr)
sys.exit(code)
"""


def test_a_long_turtle_list_is_validated_in_little_memory(tmp_path: Path) -> None:
    """A collection of a million items: 6.9 MB of Turtle, two million rdf:first/rdf:rest triples."""
    items = " ".join(str(i) for i in range(1_000_000))
    big = tmp_path / "list.ttl"
    big.write_text(f"@prefix ex: <http://example.org/> .\nex:a ex:p ( {items} ) .\n", encoding="utf-8")
    assert big.stat().st_size > 6_500_000
    done = subprocess.run([sys.executable, "-c", MEASURE, "validate", str(big)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "conforms" in done.stdout
    maxrss_mb = int(done.stderr.rsplit("maxrss_kb=", 1)[1]) / 1024
    assert maxrss_mb < 256, f"{maxrss_mb:.0f} MB"


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    """A JSON-LD context served on 127.0.0.1, and the paths it was asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 — http.server's name
            asked.append(self.path)
            body = b'{"@context": {"name": "http://schema.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld", asked
    finally:
        server.shutdown()
        server.server_close()


def test_a_remote_json_ld_context_is_not_fetched(tmp_path: Path, context_server) -> None:
    url, asked = context_server
    doc = tmp_path / "remote.jsonld"
    doc.write_text(f'{{"@context": "{url}", "@id": "http://example.org/a", "name": "x"}}', encoding="utf-8")
    for args in commands(doc, tmp_path):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "remote.jsonld" in result.stderr and "@context" in result.stderr, (args, result.stderr)
    assert asked == []


def test_the_library_refuses_the_same_files(tmp_path: Path) -> None:
    """``diplograph.network.load_facts`` and ``EmbeddedStore.in_memory`` read files as the commands do."""
    import diplograph.network as dn
    from diplograph.store import EmbeddedStore
    from diplograph.validate import validate_file

    bomb = billion_laughs(tmp_path / "laughs.rdf")
    for read in (dn.load_facts, EmbeddedStore.in_memory, validate_file):
        with pytest.raises(InputError, match="laughs.rdf.*XML entities"):
            read(bomb)
