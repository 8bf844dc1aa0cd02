"""Meetings of one day kept apart: the leaders' talks and, "in a separate meeting", the ministers'.

The sentences are written for these tests (English and Thai, in the style of ministry releases).
Each case gives the people of every talk the release reports: a talk is a set of names, and a
person of one talk must never be a participant of another. The second table holds releases that
come back to one meeting in other words, which must stay one event.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset

from diplograph.extraction import extract
from diplograph.model import Release
from diplograph.pipeline import build, write_graph
from diplograph.rdf.namespaces import DG
from diplograph.sources import normalize_text

ISSUED = dt.date(2024, 6, 13)
DAY = dt.date(2024, 6, 12)

EN_LEAD = ("On 12 June 2024, H.E. Mr. Somchai Rakchat, Prime Minister of Thailand, held talks with H.E. Mr. Taro "
           "Yamada, Prime Minister of Japan, at the Prime Minister's Office in Tokyo. ")
TH_LEAD = ("เมื่อวันที่ 12 มิถุนายน 2567 นายสมชาย รักชาติ นายกรัฐมนตรี ได้หารือกับนายทาโร ยามาดะ นายกรัฐมนตรีญี่ปุ่น "
           "ณ ทำเนียบนายกรัฐมนตรี กรุงโตเกียว ")
EN_PMS = {"Somchai Rakchat", "Taro Yamada"}
TH_PMS = {"สมชาย รักชาติ", "ทาโร ยามาดะ"}
EN_SEPARATE = ("In a separate meeting, H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of Thailand, met with H.E. "
               "Mr. Kenji Sato, Minister for Foreign Affairs of Japan.")


def read(body: str, lang: str):
    """What diplograph extracts from a release of this text, issued on 13 June 2024."""
    return extract(Release(release_id="t", source_file="t.txt", body=normalize_text(body), issued=ISSUED, lang=lang))


def write_release(folder: Path, name: str, headline: str, body: str) -> None:
    """A release file as the pipeline reads it: headline, the day of issue, the text."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"{headline}\n\n13 June 2024\n\n{body}", encoding="utf-8")


def talks(body: str, lang: str) -> list[set[str]]:
    """The people of each talk (a bilateral meeting) the release reports on 12 June 2024."""
    facts = read(body, lang)
    names = {p.key: p.name for p in facts.people}
    found = [e for e in facts.events if e.kind == "BilateralMeeting"]
    assert all(e.date == DAY and e.countries == ("JP", "TH") for e in found), found
    return [{names[k] for k in e.participants} for e in found]


SEPARATE = [
    pytest.param(EN_LEAD + "In a separate meeting, H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of Thailand, met "
                 "with H.E. Mr. Kenji Sato, Minister for Foreign Affairs of Japan, at the Ministry of Foreign Affairs.",
                 "en", [EN_PMS, {"Suda Meesuk", "Kenji Sato"}], id="en-in-a-separate-meeting"),
    pytest.param(EN_LEAD + "Later, H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of Thailand, met with H.E. Mr. Kenji "
                 "Sato, Minister for Foreign Affairs of Japan.",
                 "en", [EN_PMS, {"Suda Meesuk", "Kenji Sato"}], id="en-later-another-pair"),
    pytest.param(EN_LEAD + "Separately, H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of Thailand, held talks with "
                 "her Japanese counterpart, H.E. Mr. Kenji Sato.",
                 "en", [EN_PMS, {"Suda Meesuk", "Kenji Sato"}], id="en-separately"),
    pytest.param(EN_LEAD + "The Prime Minister also met H.E. Mr. Kenji Sato, Minister for Foreign Affairs of Japan.",
                 "en", [EN_PMS, {"Somchai Rakchat", "Kenji Sato"}], id="en-also-met-another-counterpart"),
    pytest.param("On 12 June 2024, H.E. Mr. Somchai Rakchat, Prime Minister of Thailand, held talks with H.E. Mr. Taro "
                 "Yamada, Prime Minister of Japan, and later H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of "
                 "Thailand, met with H.E. Mr. Kenji Sato, Minister for Foreign Affairs of Japan.",
                 "en", [EN_PMS, {"Suda Meesuk", "Kenji Sato"}], id="en-two-talks-in-one-sentence"),
    pytest.param("On 12 June 2024, the Minister of Foreign Affairs of Thailand held talks with the Minister for Foreign "
                 "Affairs of Japan at the Ministry of Foreign Affairs in Tokyo. Afterwards, the Minister of Commerce "
                 "of Thailand held talks with the Minister of Economy of Japan at the Ministry of Economy, Trade and "
                 "Industry.",
                 "en", [set(), set()], id="en-afterwards-at-another-venue"),
    pytest.param(TH_LEAD + "ในการหารืออีกวงหนึ่ง นางสาวสุดา มีสุข รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับ"
                 "นายเคนจิ ซาโตะ รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น",
                 "th", [TH_PMS, {"สุดา มีสุข", "เคนจิ ซาโตะ"}], id="th-another-round-of-talks"),
    pytest.param(TH_LEAD + "นางสาวสุดา มีสุข รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือแยกกันกับนายเคนจิ ซาโตะ "
                 "รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น ณ กระทรวงการต่างประเทศญี่ปุ่น",
                 "th", [TH_PMS, {"สุดา มีสุข", "เคนจิ ซาโตะ"}], id="th-separately"),
    pytest.param(TH_LEAD + "ในโอกาสเดียวกัน นางสาวสุดา มีสุข รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับนายเคนจิ ซาโตะ "
                 "รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น",
                 "th", [TH_PMS, {"สุดา มีสุข", "เคนจิ ซาโตะ"}], id="th-on-the-same-occasion-another-pair"),
    pytest.param(TH_LEAD + "จากนั้น นายสมชายได้หารือกับนายเคนจิ ซาโตะ รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น",
                 "th", [TH_PMS, {"สมชาย รักชาติ", "เคนจิ ซาโตะ"}], id="th-then-another-counterpart"),
    pytest.param("เมื่อวันที่ 12 มิถุนายน 2567 รัฐมนตรีว่าการกระทรวงการต่างประเทศได้หารือกับรัฐมนตรีว่าการกระทรวงการต่างประเทศ"
                 "ญี่ปุ่น ณ กระทรวงการต่างประเทศญี่ปุ่น จากนั้น รัฐมนตรีว่าการกระทรวงพาณิชย์ได้หารือกับรัฐมนตรีเศรษฐกิจญี่ปุ่น "
                 "ณ กระทรวงเศรษฐกิจ การค้าและอุตสาหกรรมญี่ปุ่น",
                 "th", [set(), set()], id="th-then-at-another-venue"),
]


@pytest.mark.parametrize("body,lang,expected", SEPARATE)
def test_separate_meetings_of_one_day_stay_apart(body: str, lang: str, expected: list[set[str]]) -> None:
    assert talks(body, lang) == expected


SAME = [
    pytest.param(EN_LEAD + "The two leaders also discussed regional issues.", "en", [EN_PMS],
                 id="en-the-two-leaders-also"),
    pytest.param(EN_LEAD + "During the talks, Prime Minister Somchai Rakchat and Prime Minister Taro Yamada discussed "
                 "trade and investment.", "en", [EN_PMS], id="en-during-the-talks-same-people"),
    pytest.param(EN_LEAD + "The talks were also attended by H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of "
                 "Thailand.", "en", [EN_PMS | {"Suda Meesuk"}], id="en-also-attended-by-one-side"),
    pytest.param(TH_LEAD + "ทั้งสองฝ่ายได้หารือเกี่ยวกับความร่วมมือด้านการค้าและการลงทุน", "th", [TH_PMS],
                 id="th-both-sides"),
    pytest.param(TH_LEAD + "ในการหารือ นายสมชายและนายทาโรได้หารือเกี่ยวกับการค้า", "th", [TH_PMS],
                 id="th-in-the-talks-same-people"),
    pytest.param(TH_LEAD + "ทั้งนี้ นางสาวสุดา มีสุข รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้ร่วมหารือด้วย", "th",
                 [TH_PMS | {"สุดา มีสุข"}], id="th-joined-the-talks"),
    pytest.param(TH_LEAD + "ความสัมพันธ์ระหว่างสองประเทศแยกกันไม่ได้ ทั้งสองฝ่ายได้หารือเกี่ยวกับการค้า", "th", [TH_PMS],
                 id="th-inseparable-is-no-separate-meeting"),
]


@pytest.mark.parametrize("body,lang,expected", SAME)
def test_one_meeting_told_again_stays_one(body: str, lang: str, expected: list[set[str]]) -> None:
    assert talks(body, lang) == expected


def test_two_pairs_with_no_one_in_common_are_two_meetings_even_without_a_cue() -> None:
    """No "separately", no "later": another pair of people is another meeting — which the release
    does not date, so it has no date (the day of the talks before it is not said to be its day)."""
    body = EN_LEAD + ("H.E. Ms. Suda Meesuk, Minister of Foreign Affairs of Thailand, met with H.E. Mr. Kenji Sato, "
                      "Minister for Foreign Affairs of Japan.")
    facts = read(body, "en")
    names = {p.key: p.name for p in facts.people}
    assert sorted((e.date is not None, sorted(names[k] for k in e.participants)) for e in facts.events) == [
        (False, ["Kenji Sato", "Suda Meesuk"]), (True, ["Somchai Rakchat", "Taro Yamada"])]


def test_the_headline_joins_the_talk_of_its_own_people() -> None:
    """A headline about the foreign ministers names the second talk of the day, not the first."""
    body = "Foreign Minister Suda Meesuk meets Japanese Foreign Minister Kenji Sato\n\n" + EN_LEAD + EN_SEPARATE
    assert sorted(map(sorted, talks(body, "en"))) == [["Kenji Sato", "Suda Meesuk"], sorted(EN_PMS)]


def test_two_meetings_of_one_release_are_two_nodes_with_no_cross_links(tmp_path: Path) -> None:
    """In the graph: two event nodes, each with its own pair, and no dg:meets between a prime minister
    and a foreign minister, nor between the two Thai ministers."""
    write_release(tmp_path / "in", "r1.txt", "Prime Minister visits Japan", EN_LEAD + EN_SEPARATE)
    result = build([tmp_path / "in"])
    out = tmp_path / "out.trig"
    write_graph(result.quads(), out)
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    meetings = set(ds.subjects(predicate=None, object=DG.BilateralMeeting))
    assert len(meetings) == 2

    def local(node) -> str:
        return str(node).rsplit("/", 1)[-1]

    by_event = [{local(p) for p in ds.objects(e, DG.participant)} for e in meetings]
    assert sorted(len(p) for p in by_event) == [2, 2] and not set.intersection(*by_event)
    meets = {(local(a), local(b)) for a, b in ds.subject_objects(DG.meets)}
    assert meets == {(a, b) for group in by_event for a in group for b in group if a != b}


def test_in_the_store_no_one_met_the_other_meetings_people(tmp_path: Path) -> None:
    """The combined store: a release of two meetings and a second release about the leaders' talks
    alone; a query finds the prime minister's counterpart and no foreign minister among them."""
    from diplograph.ingest import ingest_releases
    from diplograph.store import EmbeddedStore

    write_release(tmp_path / "in", "r1.txt", "Prime Minister visits Japan", EN_LEAD + EN_SEPARATE)
    write_release(tmp_path / "in", "r2.txt", "Thai and Japanese leaders hold talks", EN_LEAD)
    with EmbeddedStore.open(tmp_path / "store", write=True) as store:
        assert {e.kind for e in ingest_releases(store, [tmp_path / "in"], jobs=1)} == {"stored"}
        rows = store.select("""PREFIX dg: <https://w3id.org/diplograph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?name WHERE { ?pm rdfs:label "Somchai Rakchat"@en ; dg:meets ?other .
                                          ?other rdfs:label ?name }""").rows
    assert {row[0].value for row in rows} == {"Taro Yamada"}
