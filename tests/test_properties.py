"""Properties that must hold for any input (hypothesis): minted IRIs, names, dates, readers, and the RDF
round trip of generated releases.

Settings: 300–500 examples for the cheap properties (IRIs, names, dates, readers); 25 generated batches of
one to four releases for the round trip, each written and read back in four formats. No deadline (the
machine is shared); the round trip suppresses the too_slow health check, as one batch takes ~0.2 s.
"""

from __future__ import annotations

import datetime as dt
import json
import string
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from diplograph.errors import DiplographError
from diplograph.extraction.dates import find_dates, parse_date
from diplograph.model import Agreement, Event, Release
from diplograph.pipeline import build, to_dataset, write_graph
from diplograph.rdf import iris
from diplograph.sources import display_name, read_path, script_problem, web_address

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)  # surrogates included
MINTERS = [iris.release_iri, iris.person_iri, iris.org_iri, iris.topic_iri, iris.country_iri]
IRI_CHARS = set(string.ascii_letters + string.digits + "-._~%/:")


# ---------------------------------------------------------------------------------------------- IRIs

@settings(max_examples=500, deadline=None)
@given(ANY_TEXT, st.sampled_from(MINTERS))
def test_any_text_mints_a_valid_percent_encoded_iri(text: str, mint) -> None:
    node = mint(text)
    assert set(str(node)) <= IRI_CHARS  # ASCII, everything else percent-encoded
    assert ox.NamedNode(str(node)).value == str(node)  # a strict parser's idea of an IRI
    assert mint(text) == node  # stable
    if not any("\ud800" <= c <= "\udfff" for c in text) and mint is iris.release_iri:
        assert unquote(str(node).rsplit("/", 1)[-1]) == text  # the release id can be read back


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, min_size=2, max_size=6, unique=True), st.sampled_from(MINTERS[:4]))
def test_different_texts_mint_different_iris(texts: list[str], mint) -> None:
    assert len({mint(t) for t in texts}) == len(texts)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)))
def test_minted_iris_round_trip_through_rdflib_and_oxigraph(text: str) -> None:
    node = iris.release_iri(text)
    graph = Graph()
    graph.add((node, URIRef("https://schema.org/name"), Literal(text)))
    for fmt, ox_fmt in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        data = graph.serialize(format=fmt)
        assert isomorphic(Graph().parse(data=data, format=fmt), graph)
        (triple,) = ox.parse(data.encode(), format=ox_fmt)
        assert triple.subject == ox.NamedNode(str(node)) and triple.object.value == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-"), min_size=1, max_size=20),
       st.dates(dt.date(1945, 1, 1), dt.date(2100, 12, 31)) | st.none(),
       st.lists(st.text(st.characters(exclude_categories=()), min_size=2, max_size=2), max_size=4),
       ANY_TEXT | st.none())
def test_event_and_agreement_iris_are_valid_for_any_key(kind: str, day, countries, name) -> None:
    event = Event("MultilateralMeeting" if kind < "m" else "BilateralMeeting", date=day, name=name,
                  countries=tuple(countries))
    key = iris.event_key(event, parent_key=name)
    assert ox.NamedNode(str(iris.event_iri(key)))
    for subject in (None, name):  # an unnamed agreement is keyed by its dated step, else by its release
        agreement = Agreement("MemorandumOfUnderstanding", "Proposed", parties=tuple(countries), title=name,
                              subject=subject, history=(("Proposed", day),))
        key = iris.agreement_key(agreement, name or "r")
        assert ox.NamedNode(str(iris.agreement_iri(key)))
        assert ox.NamedNode(str(iris.status_change_iri(key, name or "r", "Proposed")))


# --------------------------------------------------------------------------------------- names and URLs

@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_display_names_go_anywhere(name: str) -> None:
    shown = display_name(name)
    shown.encode("utf-8")  # no lone surrogate left
    assert "\n" not in shown and "\r" not in shown and not any(ord(c) < 32 for c in shown)
    assert display_name(shown) == shown
    if name.isprintable():
        assert shown == name


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=40))
def test_web_addresses_are_valid_iris_or_nothing(rest: str) -> None:
    for url in ("https://example.org/" + rest, rest):
        clean = web_address(url)
        assert clean is None or (clean.startswith(("http://", "https://")) and ox.NamedNode(clean).value == clean)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_script_check_never_raises(text: str) -> None:
    problem = script_problem(text)
    assert problem is None or problem.startswith("no Thai or English text (")


# ---------------------------------------------------------------------------------------------- dates

NUMBER = st.one_of(st.integers(-5, 40), st.integers(0, 10 ** 30)).map(str)
MONTH = st.sampled_from(["มกราคม", "ก.พ.", "กุมภาพันธ์", "มี.ค.", "ธ.ค.", "February", "Feb", "December", "13", "0"])


@settings(max_examples=500, deadline=None)
@given(NUMBER, MONTH, NUMBER, st.sampled_from(["{d} {m} {y}", "วันที่ {d} {m} {y}", "{m} {d}, {y}", "{y}-{m}-{d}",
                                                  "{d}/{m}/{y}", "ระหว่างวันที่ {d}-{d} {m} {y}"]))
def test_dates_with_any_numbers_never_raise_and_stay_in_range(day: str, month: str, year: str, form: str) -> None:
    text = form.format(d=day, m=month, y=year)
    for found in (parse_date(text), *(m.date for m in find_dates(text)), *(m.end_date for m in find_dates(text))):
        assert found is None or dt.date(1945, 1, 1) <= found <= dt.date(2100, 12, 31)


TH_FULL = [None, "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
           "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
TH_ABBR = [None, "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
TH_WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
MORE_FORMS = {  # the forms test_dates.py does not generate: weekdays, era markers, ordinals, web spaces
    "th weekday": lambda d: f"วัน{TH_WEEKDAYS[d.weekday()]}ที่ {d.day} {TH_FULL[d.month]} {d.year + 543}",
    "th weekday พ.ศ.": lambda d: f"วัน{TH_WEEKDAYS[d.weekday()]}ที่ {d.day} {TH_FULL[d.month]} พ.ศ. {d.year + 543}",
    "th ค.ศ.": lambda d: f"{d.day} {TH_FULL[d.month]} ค.ศ. {d.year}",
    "th abbr, 4-digit year": lambda d: f"{d.day} {TH_ABBR[d.month]} {d.year + 543}",
    "en weekday": lambda d: f"{d:%A}, {d.day} {d:%B} {d.year}",
    "en weekday m d, y": lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year}",
    "en ordinal": lambda d: f"the {d.day}{ORDINAL.get(d.day, 'th')} of {d:%B} {d.year}",
    "en B.E.": lambda d: f"{d.day} {d:%B} B.E. {d.year + 543}",
    "zero-width and no-break spaces": lambda d: f"{d.day}\u200b{TH_FULL[d.month]}\u00a0{d.year + 543}",
}


@settings(max_examples=400, deadline=None)
@given(st.dates(dt.date(1945, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(sorted(MORE_FORMS)))
def test_more_date_forms_round_trip(day: dt.date, form: str) -> None:
    text = MORE_FORMS[form](day)
    assert [(m.date, m.end_date) for m in find_dates(text)] == [(day, None)], text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_date_never_raises(text: str) -> None:
    found = parse_date(text)
    assert found is None or dt.date(1945, 1, 1) <= found <= dt.date(2100, 12, 31)


# -------------------------------------------------------------------------------------------- readers

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_file_gives_releases_or_our_errors(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        for item in read_path(path):
            assert isinstance(item, (Release, DiplographError))
            if isinstance(item, DiplographError):
                assert str(item).startswith(str(path)) and "\n" not in str(item)


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                     max_size=3), max_leaves=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "html", "url", "published", "title"]), JSON_VALUE,
                                max_size=6), min_size=1, max_size=5))
def test_any_jsonl_gives_releases_or_our_errors(rows: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        items = list(read_path(path))
        assert len(items) == len(rows)
        for item in items:
            assert isinstance(item, (Release, DiplographError))


# ------------------------------------------------------------------------------------ the RDF round trip

COUNTRIES = [("Singapore", "สิงคโปร์"), ("Japan", "ญี่ปุ่น"), ("Malaysia", "มาเลเซีย"), ("Canada", "แคนาดา"),
             ("New Zealand", "นิวซีแลนด์"), ("Cambodia", "กัมพูชา"), ("China", "จีน"), ("India", "อินเดีย")]
TH_MONTHS = [None, "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
             "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
latin_name = st.builds(lambda a, b: f"{a} {b}",
                       st.sampled_from(["Anna", "José", "Zoë", "Jean-Luc", "Somchai", "Li", "Ngozi"]),
                       st.sampled_from(["O'Neil", "Berg", "Rakdee", "Nguyễn", "Smith-Jones", "Tan", "Müller"]))
thai_name = st.builds(lambda a, b: f"{a} {b}", st.sampled_from(["สมชาย", "สุดา", "วิชัย", "ปรีชา"]),
                      st.sampled_from(["รักดี", "ใจดี", "สุขสันต์", "ทองคำ"]))
day = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))


def english_meeting(d: dt.date, a: str, b: str, country: tuple[str, str]) -> str:
    return (f"On {d.day} {d:%B} {d.year}, H.E. Mr. {a}, Minister of Foreign Affairs of Thailand, held a bilateral "
            f"meeting with H.E. Ms. {b}, Minister for Foreign Affairs of {country[0]}, in Bangkok. "
            "The two ministers discussed trade and tourism.")


def english_mou(d: dt.date, a: str, b: str, country: tuple[str, str]) -> str:
    return (f"On {d.day} {d:%B} {d.year}, Thailand and {country[0]} signed a Memorandum of Understanding on "
            f"tourism cooperation, witnessed by Mr. {a}.")


def english_call(d: dt.date, a: str, b: str, country: tuple[str, str]) -> str:
    return (f"On {d.day} {d:%B} {d.year}, Mr. {b}, Ambassador of {country[0]} to Thailand, paid a courtesy call on "
            f"Mr. {a}, Minister of Foreign Affairs of Thailand, at the Ministry of Foreign Affairs.")


def thai_meeting(d: dt.date, a: str, b: str, country: tuple[str, str]) -> str:
    return (f"เมื่อวันที่ {d.day} {TH_MONTHS[d.month]} {d.year + 543} นาย{a} รัฐมนตรีว่าการกระทรวงการต่างประเทศ "
            f"ได้หารือทวิภาคีกับนาย{b} รัฐมนตรีว่าการกระทรวงการต่างประเทศ{country[1]} ณ กรุงเทพมหานคร "
            "โดยทั้งสองฝ่ายหารือความร่วมมือด้านการค้าและการลงทุน")


TEMPLATES = {english_meeting: latin_name, english_mou: latin_name, english_call: latin_name, thai_meeting: thai_name}


@st.composite
def release_text(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        template = draw(st.sampled_from(list(TEMPLATES)))
        names = TEMPLATES[template]
        sentences.append(template(draw(day), draw(names), draw(names), draw(st.sampled_from(COUNTRIES))))
    title = draw(st.sampled_from(["Talks", "ข่าวสารนิเทศ : การหารือ", "Press Release \"quoted\" & <b>bold</b>"]))
    return title + "\n\n" + "\n".join(sentences) + "\n"


release_id = st.text(st.sampled_from("abcXYZ019 -_%#&'+ไทย中é"), min_size=1, max_size=10).filter(
    lambda s: s.strip() and not s.startswith("."))


def datasets_equal(expected: Dataset, actual: Dataset) -> None:
    def graphs(ds: Dataset) -> dict[str, Graph]:
        out = {}
        for g in ds.graphs():
            if len(g):
                out[str(g.identifier) if not str(g.identifier).startswith("urn:x-rdflib:default") else "default"] = g
        return out

    want, got = graphs(expected), graphs(actual)
    assert sorted(want) == sorted(got)
    for name, g in want.items():
        assert to_isomorphic(g) == to_isomorphic(got[name]), f"graph {name} differs"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(release_id, release_text(), min_size=1, max_size=4))
def test_generated_releases_round_trip_through_every_format(releases: dict[str, str]) -> None:
    """build → Turtle → parse is isomorphic to the merged graph; TriG, N-Quads and JSON-LD keep each
    release's named graph, isomorphic graph by graph; strict parsers (Oxigraph) accept every file."""
    assume(len({r.lower() for r in releases}) == len(releases))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        for rid, text in releases.items():
            (root / "in" / f"{rid}.txt").write_text(text, encoding="utf-8")
        result = build([root / "in"])
        assert not result.errors and result.outcomes
        quads = list(result.quads())
        expected = to_dataset(quads)
        merged = Graph()
        for s, p, o, _g in quads:
            merged.add((s, p, o))
        write_graph(quads, root / "out.ttl")
        assert isomorphic(Graph().parse(root / "out.ttl", format="turtle"), merged)
        list(ox.parse(path=str(root / "out.ttl"), format=ox.RdfFormat.TURTLE))
        for suffix, fmt, ox_fmt in ((".trig", "trig", ox.RdfFormat.TRIG), (".nq", "nquads", ox.RdfFormat.N_QUADS),
                                    (".jsonld", "json-ld", None)):
            out = root / f"out{suffix}"
            write_graph(quads, out)
            parsed = Dataset()
            parsed.parse(out, format=fmt)
            datasets_equal(expected, parsed)
            if ox_fmt is not None:
                names = {q.graph_name.value for q in ox.parse(path=str(out), format=ox_fmt)
                         if isinstance(q.graph_name, ox.NamedNode)}
                assert {str(iris.release_iri(o.facts.release.release_id)) for o in result.outcomes} <= names


@pytest.mark.parametrize("template", list(TEMPLATES), ids=lambda t: t.__name__)
def test_each_template_gives_an_event(template) -> None:
    """The templates are what the round trip needs: releases with events, people and agreements."""
    names = ("Anna Berg", "José Tan") if TEMPLATES[template] is latin_name else ("สมชาย รักดี", "สุดา ใจดี")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "r.txt").write_text("Talks\n\n" + template(dt.date(2021, 3, 5), *names, COUNTRIES[0]),
                                         encoding="utf-8")
        result = build([Path(tmp)])
        assert result.outcomes and result.counts()["events"] >= 1
        if template is english_mou:
            assert result.counts()["agreements"] == 1
