"""An agreement's identity across releases: its own subject, read from its name in Thai or English.

Sentences are written for the tests in the manner of releases (Thai government and MFA style), never
copied from one: each pins a phrasing the identity rule must read the same way wherever it meets it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from diplograph.extraction import extract
from diplograph.extraction.subjects import Subject, subject_of
from diplograph.model import Release
from diplograph.rdf.iris import agreement_key

D = dt.date
_NOUN = re.compile(r"บันทึกความเข้าใจ|ความตกลง|แผนปฏิบัติการร่วม|แถลงการณ์ร่วม|Memorandum of Understanding|MoU"
                   r"|Agreement|Plan of Action|Joint Statement")


def key_of(name: str, tail: str = "") -> str | None:
    noun = _NOUN.search(name)
    assert noun, name
    subject = subject_of(name, noun.end(), tail).subject
    return subject.key if subject else None


def keys(body: str, issued: dt.date, lang: str = "th", release_id: str = "r1") -> list[tuple[str, str]]:
    """(agreement key, latest status) of each agreement a release reports."""
    release = Release(release_id=release_id, source_file=f"{release_id}.txt", body=body, issued=issued, lang=lang)
    return sorted((agreement_key(a, release_id), a.status) for a in extract(release).agreements)


# --------------------------------------------------------------------------- one subject in both languages

@pytest.mark.parametrize(("thai", "english"), [
    ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว", "Memorandum of Understanding on Tourism Cooperation"),
    ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านพลังงาน", "MoU on Energy Cooperation"),
    ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านเศรษฐกิจดิจิทัล", "Memorandum of Understanding on Digital Economy Cooperation"),
    ("ความตกลงว่าด้วยการยกเว้นการตรวจลงตราสำหรับผู้ถือหนังสือเดินทางธรรมดา",
     "Agreement on Mutual Visa Exemption for Holders of Ordinary Passports"),
    ("ความตกลงว่าด้วยการยกเว้นการตรวจลงตราสำหรับผู้ถือหนังสือเดินทางทูตและหนังสือเดินทางราชการ",
     "Agreement on the Exemption of Visa Requirements for Holders of Diplomatic and Official Passports"),
    ("ความตกลงหุ้นส่วนทางเศรษฐกิจ", "Economic Partnership Agreement"),
    ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยวและวัฒนธรรม", "MoU on Tourism and Culture"),
    ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านโทรคมนาคม ไอซีที และเทคโนโลยีดิจิทัล",
     "Memorandum of Understanding on Cooperation in Telecommunications, ICT and Digital Technology"),
    # a bridge's two ends: the royal romanisation of the Thai spelling and the usual Latin one agree
    ("บันทึกความเข้าใจว่าด้วยการก่อสร้างสะพานมิตรภาพไทย-ลาว แห่งที่ 5 (บึงกาฬ – บอลิคำไซ)",
     ("Memorandum of Understanding on the Construction of the Fifth Thai–Lao Friendship Bridge (Bueng Kan – "
      "Bolikhamxai)")),
    ("แผนปฏิบัติการร่วม ปี 2565-2568", "Joint Plan of Action 2022–2025"),
])
def test_a_thai_name_and_its_english_name_are_one_subject(thai: str, english: str) -> None:
    assert key_of(thai) is not None and key_of(thai) == key_of(english)


def test_the_place_after_the_name_as_the_release_cut_it() -> None:
    """A crossing's two sides, in the locative after the name ("ณ …", "at the …")."""
    assert key_of("บันทึกความเข้าใจว่าด้วยการอำนวยความสะดวกการผ่านแดน",
                  " ณ จุดผ่านแดนถาวรบ้านคลองลึก – ปอยเปต ลงนามโดยรัฐมนตรีว่าการกระทรวงการต่างประเทศ") == (
        key_of("MoU on Facilitation of Cross-Border Movement",
               " at the Ban Khlong Luek – Poipet Permanent Border Checkpoint, to be signed by the ministers")) == (
        "cross-border-movement/klnglk-pt")


# --------------------------------------------------------------------------- different instruments stay two

@pytest.mark.parametrize(("one", "other"), [
    # the same topic category (border management), two instruments
    ("บันทึกความเข้าใจว่าด้วยการพัฒนาจุดผ่านแดนถาวรบ้านหนองเอี่ยน – สตึงบท",
     "บันทึกความเข้าใจว่าด้วยการอำนวยความสะดวกการผ่านแดน"),
    # one kind of instrument for two crossings
    ("บันทึกความเข้าใจว่าด้วยการพัฒนาจุดผ่านแดนถาวรบ้านหนองเอี่ยน – สตึงบท",
     "บันทึกความเข้าใจว่าด้วยการพัฒนาจุดผ่านแดนถาวรบ้านคลองลึก – ปอยเปต"),
    ("Agreement on Visa Exemption for Holders of Diplomatic Passports",
     "Agreement on Visa Exemption for Holders of Ordinary Passports"),
    ("Joint Plan of Action 2022–2025", "Joint Plan of Action 2026–2030"),
    ("MoU on Energy Cooperation", "MoU on Clean Energy Cooperation"),
    ("MoU on Tourism Cooperation", "MoU on Tourism and Culture"),
    ("แถลงการณ์ร่วมว่าด้วยพันธมิตรด้านการป้องกันประเทศ", "Joint Statement on Strategic Alliance and Partnership"),
    ("บันทึกความเข้าใจว่าด้วยการก่อสร้างสะพานมิตรภาพไทย-ลาว แห่งที่ 4", "บันทึกความเข้าใจว่าด้วยการก่อสร้างสะพานมิตรภาพไทย-ลาว แห่งที่ 5"),
])
def test_two_instruments_have_two_subjects(one: str, other: str) -> None:
    assert key_of(one) != key_of(other)


@pytest.mark.parametrize("name", [
    "บันทึกความเข้าใจระหว่างกระทรวงพลังงานแห่งราชอาณาจักรไทยกับกระทรวงเหมืองแร่และพลังงานแห่งราชอาณาจักรกัมพูชา",
    "Memorandum of Understanding between the Ministry of Energy of Thailand and the Ministry of Mines and Energy",
    "บันทึกความเข้าใจ 5 ด้าน ตั้งแต่ความมั่นคงปลอดภัยไซเบอร์ถึงการคุ้มครองข้อมูลส่วนบุคคล",
    "MoU signing ceremonies", "the MoU", "Joint Statement sets out the shared intention to raise relations",
])
def test_a_name_that_states_no_subject_has_none(name: str) -> None:
    """The parties' ministries are no subject, nor are the words the release goes on with."""
    assert key_of(name) is None


def test_a_purpose_clause_is_a_weaker_subject() -> None:
    name = "บันทึกความเข้าใจระหว่างกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมกับกระทรวงสื่อสารและสารสนเทศของสิงคโปร์"
    found = subject_of(name, len("บันทึกความเข้าใจ"), " เพื่อส่งเสริมและต่อยอดความร่วมมือด้านเศรษฐกิจดิจิทัลร่วมกัน")
    assert found.subject == Subject(("digital-economy",)) and not found.strong


def test_the_subjects_a_name_lists_are_all_its_subject() -> None:
    assert key_of("MoU on Tourism and Culture") == "culture-and-tourism"
    assert key_of("MoU on Energy Cooperation and Mining") == "energy-and-mining"
    assert key_of("Memorandum of Understanding on Cruise Tourism Industry") == "tourism"  # one thing, not a list


def test_a_fuller_name_refines_a_shorter_one() -> None:
    short, full = Subject(("visa-exemption",)), Subject(("visa-exemption",), ("ordinary-passports",))
    assert full.refines(short) and not short.refines(full)
    assert not Subject(("energy",)).refines(Subject(("tourism",)))


# --------------------------------------------------------------------------- whole releases

def test_one_mou_proposed_in_thai_and_signed_in_english_is_one_key() -> None:
    proposed = keys("เมื่อวันที่ 3 มีนาคม 2568 นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับนายคำ พรหมมา "
                    "(Mr. Kham Phomma) รัฐมนตรีว่าการกระทรวงการต่างประเทศ สปป.ลาว ทั้งสองฝ่ายเห็นพ้องที่จะเร่งจัดทำ"
                    "บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยวระหว่างไทยกับลาว", D(2025, 3, 4), release_id="a")
    signed = keys("On 5 June 2025, Thailand and the Lao PDR signed the Memorandum of Understanding on Tourism "
                  "Cooperation in Vientiane.", D(2025, 6, 6), "en", release_id="b")
    assert proposed == [("mou/la-th/tourism", "Proposed")]
    assert signed == [("mou/la-th/tourism", "Signed")]


def test_a_visa_exemption_headline_and_its_full_name_are_one_agreement() -> None:
    found = keys("ไทยและจีนลงนามความตกลงยกเว้นการตรวจลงตรา\n"
                 "วันนี้ (28 ม.ค. 67) ไทยและจีนได้ลงนามความตกลงว่าด้วยการยกเว้นการตรวจลงตราสำหรับผู้ถือหนังสือเดินทาง"
                 "ธรรมดา ณ ทำเนียบรัฐบาล", D(2024, 1, 28))
    assert found == [("agreement/cn-th/visa-exemption/ordinary-passports", "Signed")]


def test_an_agreement_with_no_subject_is_never_merged_on_its_name() -> None:
    """"The MoU" of two releases may be two MoUs: undated, each is its release's own; dated, it is the
    MoU of that step and day (a link the release states)."""
    body = "ทั้งนี้ ไทยและเวียดนามเห็นพ้องที่จะผลักดันการจัดทำบันทึกความเข้าใจร่วมกันต่อไป"
    assert keys(body, D(2024, 5, 1), release_id="a") == [("mou/th-vn/unnamed/a", "Proposed")]
    assert keys(body, D(2024, 9, 1), release_id="b") == [("mou/th-vn/unnamed/b", "Proposed")]
    dated = keys("On 16 May 2024, the Prime Minister of Thailand and the Prime Minister of Viet Nam witnessed the "
                 "signing of a memorandum of understanding at Government House.", D(2024, 5, 16), "en")
    assert dated == [("mou/th-vn/unnamed/signed-2024-05-16", "Signed")]
