"""Language phenomena of diplomatic releases, one sentence each, with the facts they must give.

The sentences are written for these tests (not copied from the dev corpus), so
they check that rules fit the language of releases rather than particular texts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extraction import extract
from diplograph.model import Release
from diplograph.sources import normalize_text

D = dt.date


def facts(body: str, issued: dt.date | None, lang: str = "th"):
    body = normalize_text(body)
    return extract(Release(release_id="t", source_file="t.txt", body=body, issued=issued, lang=lang))


def events(body, issued, lang="th"):
    return {(e.kind, e.date, e.end_date, e.countries) for e in facts(body, issued, lang).events}


def people(body, issued, lang="th"):
    return {(p.name, p.country) for p in facts(body, issued, lang).people}


def agreements(body, issued, lang="th"):
    return {(a.kind, a.parties, a.status) for a in facts(body, issued, lang).agreements}


# --- events: kind, date, countries ---------------------------------------------------------

EVENT_CASES = [
    pytest.param(
        "เมื่อวันที่ 3 มีนาคม 2566 ที่ผ่านมา นางสาวสมศรี ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ "
        "ได้หารือทางโทรศัพท์กับนายโยฮัน มึลเลอร์ (Mr. Johann Mueller) รัฐมนตรีว่าการกระทรวงการต่างประเทศสหพันธ์สาธารณรัฐเยอรมนี",
        D(2023, 3, 5), {("BilateralMeeting", D(2023, 3, 3), None, ("DE", "TH"))}, id="th-phone-call-past-date"),
    pytest.param(
        "วันนี้ (๑๕ ส.ค. ๖๖) นายสมชาย รักชาติ รองนายกรัฐมนตรี ให้การต้อนรับนายฌอง ดูปองต์ (H.E. Mr. Jean Dupont) "
        "เอกอัครราชทูตฝรั่งเศสประจำประเทศไทย ในโอกาสเข้าเยี่ยมคารวะ ณ ทำเนียบรัฐบาล",
        D(2023, 8, 15), {("CourtesyCall", D(2023, 8, 15), None, ("FR", "TH"))}, id="th-courtesy-call-thai-digits"),
    pytest.param(
        "นายกรัฐมนตรีมีกำหนดเดินทางเยือนสาธารณรัฐสังคมนิยมเวียดนามอย่างเป็นทางการ ระหว่างวันที่ 30 ก.ย. - 2 ต.ค. 67 "
        "ตามคำเชิญของนายกรัฐมนตรีเวียดนาม",
        D(2024, 9, 20), {("OfficialVisit", D(2024, 9, 30), D(2024, 10, 2), ("TH", "VN"))}, id="th-visit-range-across-months"),
    pytest.param(
        "ในโอกาสนี้ นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ หวังว่าจะได้พบหารือกับรัฐมนตรีต่างประเทศญี่ปุ่น"
        "ในโอกาสแรก",
        D(2023, 1, 10), set(), id="th-hope-is-not-an-event"),
    pytest.param(
        "ที่ประชุมคณะรัฐมนตรีวันนี้ (10 ม.ค. 66) มีมติอนุมัติงบประมาณช่วยเหลือเกษตรกร และนายกรัฐมนตรีได้ประชุม"
        "ผ่านระบบการประชุมทางไกลกับผู้ว่าราชการจังหวัด 12 จังหวัด",
        D(2023, 1, 10), set(), id="th-domestic-meetings-are-not-diplomacy"),
    pytest.param(
        "On 14 March 2024, H.E. Mr. Somchai Rakchat, Minister of Foreign Affairs, held a video conference with "
        "H.E. Ms. Anna Svensson, Minister for Foreign Affairs of Sweden.",
        D(2024, 3, 15), {("BilateralMeeting", D(2024, 3, 14), None, ("SE", "TH"))}, id="en-video-conference"),
    pytest.param(
        "H.E. Mr. Carlos Silva, Minister of Foreign Affairs of the Federative Republic of Brazil, paid an official visit "
        "to Thailand from 7 to 9 May 2024. On 8 May 2024, he paid a courtesy call on the Prime Minister of Thailand.",
        D(2024, 5, 9), {("OfficialVisit", D(2024, 5, 7), D(2024, 5, 9), ("BR", "TH")),
                        ("CourtesyCall", D(2024, 5, 8), None, ("BR", "TH"))}, id="en-visit-and-courtesy-call"),
    pytest.param(
        "Thailand welcomed the talks between H.E. Mr. Li Wei, Minister of Commerce of China, and H.E. Ms. Jane Doe, "
        "Secretary of Commerce of the United States, held in Bangkok on 2 April 2024.",
        D(2024, 4, 3), {("BilateralMeeting", D(2024, 4, 2), None, ("CN", "US"))}, id="en-hosting-is-not-taking-part"),
    pytest.param(
        "The Minister invited his counterpart to visit Thailand at a mutually convenient time and looked forward to "
        "meeting him at the upcoming summit.",
        D(2024, 4, 3), set(), id="en-invitation-is-not-an-event"),
]


@pytest.mark.parametrize("body,issued,expected", EVENT_CASES)
def test_events(body, issued, expected):
    lang = "en" if body[:1].isascii() else "th"
    assert events(body, issued, lang) == expected


def test_release_date_is_not_the_meeting_date():
    """A meeting the release does not date gets no date, never the release's own date."""
    body = ("นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับนายคิม ซู (Mr. Kim Soo) "
            "รัฐมนตรีว่าการกระทรวงการต่างประเทศสาธารณรัฐเกาหลี เกี่ยวกับความร่วมมือด้านแรงงาน")
    found = facts(body, D(2023, 6, 1)).events
    assert all(e.date != D(2023, 6, 1) for e in found)


def test_sideline_meeting_is_during_the_conference():
    body = ("ระหว่างวันที่ 4 - 6 กันยายน 2566 นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ "
            "เข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 43 (43rd ASEAN Summit) ณ กรุงจาการ์ตา สาธารณรัฐอินโดนีเซีย\n"
            "เมื่อวันที่ 5 กันยายน 2566 รมว.กต. ได้หารือทวิภาคีนอกรอบการประชุมกับนายปีเตอร์ ลิม (Mr. Peter Lim) "
            "รัฐมนตรีว่าการกระทรวงการต่างประเทศนิวซีแลนด์")
    found = facts(body, D(2023, 9, 7)).events
    multilateral = [e for e in found if e.kind == "MultilateralMeeting"]
    bilateral = [e for e in found if e.kind == "BilateralMeeting"]
    assert len(multilateral) == 1 and multilateral[0].name == "43rd ASEAN Summit"
    assert "ID" in multilateral[0].countries  # the host
    assert len(bilateral) == 1 and bilateral[0].countries == ("NZ", "TH") and bilateral[0].date == D(2023, 9, 5)
    assert found[bilateral[0].during] is multilateral[0]
    assert bilateral[0].mode == "InPerson"


# --- people ------------------------------------------------------------------------------

PEOPLE_CASES = [
    pytest.param(
        "วันนี้ (2 ก.พ. 67) พล.ต.อ. สมศักดิ์ มั่นคง รัฐมนตรีช่วยว่าการกระทรวงมหาดไทย ได้หารือกับนายอาหมัด ยูซอฟ "
        "(Mr. Ahmad Yusof) รัฐมนตรีว่าการกระทรวงมหาดไทยมาเลเซีย",
        {("สมศักดิ์ มั่นคง", "TH"), ("อาหมัด ยูซอฟ", "MY")}, id="th-police-rank-and-foreign-position"),
    pytest.param(
        "วันนี้ (2 ก.พ. 67) นางสาวมาลี สุขใจ รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นายกรัฐมนตรีได้หารือ"
        "ทางโทรศัพท์กับนายราหุล ชาร์มา (Mr. Rahul Sharma) นายกรัฐมนตรีอินเดีย",
        {("ราหุล ชาร์มา", "IN")}, id="th-spokesperson-is-not-a-participant"),
    pytest.param(
        "On 5 June 2024, Dr. Somchai Rakchat, Deputy Prime Minister and Minister of Commerce, met with "
        "H.E. Mr. Hiroshi Tanaka, Minister of Economy, Trade and Industry of Japan. Government Spokesperson "
        "Mr. Chai Dee said the two ministers discussed supply chains.",
        {("Somchai Rakchat", "TH"), ("Hiroshi Tanaka", "JP")}, id="en-titles-and-spokesperson"),
]


@pytest.mark.parametrize("body,expected", PEOPLE_CASES)
def test_people(body, expected):
    lang = "en" if body[:1].isascii() else "th"
    assert people(body, D(2024, 6, 6), lang) == expected


def test_latin_name_in_parentheses_is_an_english_label():
    found = facts("วันนี้ (2 ก.พ. 67) นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับนายจอห์น สมิธ "
                  "(H.E. Mr. John Smith) รัฐมนตรีว่าการกระทรวงการต่างประเทศออสเตรเลีย", D(2024, 2, 2))
    smith = next(p for p in found.people if p.country == "AU")
    assert ("John Smith", "en") in smith.alt_names and smith.key == "john-smith"


def test_short_reference_resolves_to_the_full_person():
    body = ("เมื่อวันที่ 9 ต.ค. 66 นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับนายเหงียน วัน อัน "
            "(Mr. Nguyen Van An) รัฐมนตรีว่าการกระทรวงการต่างประเทศเวียดนาม\n"
            "นายสมชายฯ ขอบคุณฝ่ายเวียดนาม")
    found = facts(body, D(2023, 10, 10))
    assert len(found.people) == 2


# --- agreements: kind, parties, status -------------------------------------------------------

AGREEMENT_CASES = [
    pytest.param(
        "วันนี้ (5 มี.ค. 67) ที่ประชุมคณะรัฐมนตรีมีมติเห็นชอบร่างบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว "
        "ระหว่างกระทรวงการท่องเที่ยวและกีฬาแห่งราชอาณาจักรไทย กับกระทรวงการท่องเที่ยวแห่งสาธารณรัฐฟิลิปปินส์",
        {("MemorandumOfUnderstanding", ("PH", "TH"), "Approved")}, id="th-cabinet-approves-draft-mou"),
    pytest.param(
        "เมื่อวันที่ 1 เม.ย. 67 นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงพาณิชย์ และนายอาลี ข่าน (Mr. Ali Khan) "
        "รัฐมนตรีว่าการกระทรวงพาณิชย์ปากีสถาน ได้ร่วมกันลงนามในบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการค้า",
        {("MemorandumOfUnderstanding", ("PK", "TH"), "Signed")}, id="th-mou-signed"),
    pytest.param(
        "ทั้งสองฝ่ายเห็นพ้องที่จะผลักดันการจัดทำความตกลงการค้าเสรีไทย-บังกลาเทศ ให้เริ่มการเจรจาได้ภายในปีนี้",
        {("Agreement", ("BD", "TH"), "Proposed")}, id="th-fta-proposed"),
    pytest.param(
        "The two sides reviewed the ongoing negotiations on the Thailand–European Free Trade Association Free Trade "
        "Agreement with Switzerland, and Thailand–Switzerland relations.",
        set(), id="en-framework-without-two-states-is-not-bilateral"),
    pytest.param(
        "On 12 June 2024, the Minister of Foreign Affairs of Thailand and the Minister of Foreign Affairs of Chile "
        "signed a Memorandum of Understanding on Cooperation in Education.",
        {("MemorandumOfUnderstanding", ("CL", "TH"), "Signed")}, id="en-mou-signed"),
    pytest.param(
        "Both ministers welcomed the Agreement on the Avoidance of Double Taxation between Thailand and Kenya, which "
        "entered into force in 2023.",
        {("Agreement", ("KE", "TH"), "Signed")}, id="en-in-force-means-signed"),
    pytest.param(
        "ทั้งนี้ ไทยและลาวได้ร่วมกันออกแถลงการณ์ร่วมว่าด้วยความร่วมมือด้านพลังงาน ภายหลังการหารือเมื่อวันที่ 20 มิ.ย. 67",
        {("JointStatement", ("LA", "TH"), "Signed")}, id="th-joint-statement-issued"),
    pytest.param(
        "ความตกลงหุ้นส่วนทางเศรษฐกิจระดับภูมิภาคที่ครอบคลุม (RCEP) ช่วยกระตุ้นการค้าระหว่างไทยกับจีน",
        set(), id="th-regional-framework-is-background"),
]


@pytest.mark.parametrize("body,expected", AGREEMENT_CASES)
def test_agreements(body, expected):
    lang = "en" if body[:1].isascii() else "th"
    assert agreements(body, D(2024, 6, 21), lang) == expected


def test_no_diplomacy_no_facts():
    body = ("วันนี้ (3 ต.ค. 67) นายกรัฐมนตรีลงพื้นที่ตรวจเยี่ยมผู้ประสบอุทกภัย และกรมป้องกันและบรรเทาสาธารณภัย "
            "ได้ลงนามบันทึกข้อตกลงความร่วมมือกับบริษัทเอกชนภายในประเทศ")
    result = facts(body, D(2024, 10, 3))
    assert result.events == () and result.agreements == ()


def test_undated_meeting_on_the_sidelines_is_kept_without_a_date():
    body = ("On the sidelines of the 78th Session of the United Nations General Assembly in New York, H.E. Mr. "
            "Somchai Rakchat, Minister of Foreign Affairs, met with H.E. Mr. Ahmed Hassan, Minister of Foreign "
            "Affairs of the Arab Republic of Egypt. The two Ministers discussed trade and tourism.")
    found = facts(body, D(2023, 9, 22), "en").events
    meeting = next(e for e in found if e.kind == "BilateralMeeting")
    assert meeting.date is None and meeting.countries == ("EG", "TH")  # never the release date
    assert found[meeting.during].name == "78th Session of the United Nations General Assembly"


def test_exchange_of_documents_is_a_signing():
    body = ("วันนี้ (8 ก.ค. 67) นายกรัฐมนตรีและนายกรัฐมนตรีเวียดนามร่วมเป็นสักขีพยานการแลกเปลี่ยนบันทึกความเข้าใจ"
            "ว่าด้วยความร่วมมือด้านการเกษตรระหว่างไทยกับเวียดนาม ณ ทำเนียบรัฐบาล")
    result = facts(body, D(2024, 7, 8))
    assert ("AgreementSigning", D(2024, 7, 8), None, ("TH", "VN")) in {
        (e.kind, e.date, e.end_date, e.countries) for e in result.events}
    assert {(a.kind, a.parties, a.status) for a in result.agreements} == {
        ("MemorandumOfUnderstanding", ("TH", "VN"), "Signed")}


def test_signing_bodies_are_the_ministries_the_name_gives():
    body = ("ที่ประชุมคณะรัฐมนตรีวันนี้ (5 มี.ค. 67) เห็นชอบร่างบันทึกความเข้าใจระหว่างกระทรวงพาณิชย์แห่งราชอาณาจักรไทย "
            "กับกระทรวงการค้าแห่งสาธารณรัฐฟิลิปปินส์ ว่าด้วยความร่วมมือด้านการค้าดิจิทัล")
    agreement = facts(body, D(2024, 3, 5)).agreements[0]
    assert agreement.signing_bodies == ("th-moc",) and agreement.subject == "digital-trade"


def test_a_list_of_mous_signed_together():
    body = ("วันนี้ (16 พ.ค. 67) นายกรัฐมนตรีทั้งสองได้ร่วมเป็นสักขีพยานการลงนามบันทึกความเข้าใจ 3 ฉบับ ได้แก่ "
            "บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการเกษตร "
            "และบันทึกความเข้าใจว่าด้วยการศึกษา ระหว่างไทยกับเวียดนาม")
    found = facts(body, D(2024, 5, 16)).agreements
    assert sorted((a.subject, a.status) for a in found) == [
        ("agriculture", "Signed"), ("education", "Signed"), ("tourism", "Signed")]


def test_a_named_dialogue_of_two_states_is_bilateral():
    body = ("On 19 August 2024, Mr. Somchai Rakchat, Permanent Secretary for Foreign Affairs of Thailand, and "
            "Mr. Sato Kenji, Vice-Minister for Foreign Affairs of Japan, co-chaired the 8th Japan-Thailand "
            "Strategic Dialogue in Tokyo.")
    found = facts(body, D(2024, 8, 20), "en").events
    assert [(e.kind, e.name, e.countries) for e in found] == [
        ("BilateralMeeting", "8th Japan-Thailand Strategic Dialogue", ("JP", "TH"))]


def test_a_partner_government_release_speaks_for_its_own_state():
    body = ("Minister for Foreign Affairs Mr. Tan Wei Ming met Thai Foreign Minister Somchai Rakchat in "
            "Singapore on 3 June 2024. They discussed renewable energy.")
    release = Release(release_id="sg", source_file="sg.txt", body=body, issued=D(2024, 6, 4), lang="en",
                      url="https://www.mfa.gov.sg/Newsroom/Press-Statements/2024/06/x")
    found = extract(release)
    assert {(p.name, p.country) for p in found.people} == {("Tan Wei Ming", "SG"), ("Somchai Rakchat", "TH")}
    assert [(e.date, e.countries) for e in found.events] == [(D(2024, 6, 3), ("SG", "TH"))]


def test_a_visit_without_dates_has_no_date_and_the_meeting_is_during_it():
    body = ("เมื่อวันที่ 12 ที่ผ่านมา นายสมชาย รักชาติ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้ให้การต้อนรับนายโมฮัมหมัด "
            "ฮาซัน (Mr. Mohammad Hasan) รัฐมนตรีว่าการกระทรวงการต่างประเทศสาธารณรัฐประชาชนบังกลาเทศ ซึ่งเดินทางเยือนไทย"
            "อย่างเป็นทางการ ณ กระทรวงการต่างประเทศ")
    found = facts(body, D(2024, 8, 13)).events
    visit = next(e for e in found if e.kind == "OfficialVisit")
    meeting = next(e for e in found if e.kind == "BilateralMeeting")
    assert visit.date is None and meeting.date == D(2024, 8, 12)  # the 12th of the release's month
    assert found[meeting.during] is visit and meeting.mode == "InPerson"


def test_conference_states_listed_as_taking_part_and_talks_on_this_occasion():
    body = ("วันนี้ (4 เม.ย. 68) นางสาวสมศรี ใจดี นายกรัฐมนตรี เป็นประธานการประชุมสุดยอดบิมสเทค ครั้งที่ 6 "
            "(6th BIMSTEC Summit) ซึ่งไทยเป็นเจ้าภาพระหว่างวันที่ 2 - 4 เมษายน 2568 โดยมีผู้นำจากบังกลาเทศ ภูฏาน "
            "อินเดีย เมียนมา เนปาล และศรีลังกาเข้าร่วม\n"
            "ในโอกาสนี้ นายกรัฐมนตรีได้หารือทวิภาคีกับนายราม ชาร์มา (Mr. Ram Sharma) นายกรัฐมนตรีเนปาล")
    found = facts(body, D(2025, 4, 4)).events
    summit = next(e for e in found if e.kind == "MultilateralMeeting")
    assert set(summit.countries) == {"BD", "BT", "IN", "LK", "MM", "NP", "TH"}
    talk = next(e for e in found if e.kind == "BilateralMeeting")
    assert talk.date == D(2025, 4, 4) and talk.countries == ("NP", "TH") and found[talk.during] is summit


def test_postponed_visit():
    body = ("ทั้งนี้ นายราม ชาร์มา (Mr. Ram Sharma) นายกรัฐมนตรีเนปาล ได้เลื่อนการเยือนไทยอย่างเป็นทางการ "
            "ซึ่งเดิมกำหนดไว้ในวันที่ 5 เมษายน 2568 ออกไปก่อน")
    found = facts(body, D(2025, 4, 4)).events
    assert [(e.kind, e.date, e.status, e.countries) for e in found] == [
        ("OfficialVisit", D(2025, 4, 5), "Postponed", ("NP", "TH"))]


def test_pronoun_subjects_and_also():
    body = ("On 3 March 2025, H.E. Mr. Somchai Rakchat, Minister of Foreign Affairs, met with H.E. Mr. Sato Kenji, "
            "Minister for Foreign Affairs of Japan, in Tokyo. The two Ministers signed the Memorandum of Cooperation "
            "on Critical Minerals.\n"
            "On 4 March 2025, the Minister called on H.E. Mr. Ito Hiroshi, Prime Minister of Japan. He also met with "
            "Mr. Mori Taro, Chairman of the Japan-Thailand Parliamentary Friendship League.")
    result = facts(body, D(2025, 3, 5), "en")
    found = {(e.kind, e.date, e.participants) for e in result.events}
    assert ("CourtesyCall", D(2025, 3, 4), ("somchai-rakchat", "ito-hiroshi")) in found
    assert ("BilateralMeeting", D(2025, 3, 4), ("somchai-rakchat", "mori-taro")) in found
    assert {(a.kind, a.status, a.subject) for a in result.agreements} == {
        ("MemorandumOfUnderstanding", "Signed", "critical-minerals")}


def test_stacked_honorifics_are_all_stripped():
    body = ("วันนี้ (23 เม.ย. 68) ฯพณฯ นายสมชาย รักชาติ รองนายกรัฐมนตรี ให้การต้อนรับ ศ.ดร. อิวาน เปตรอฟ "
            "(Prof. Dr. Ivan Petrov) รัฐมนตรีว่าการกระทรวงศึกษาธิการสาธารณรัฐบัลแกเรีย")
    found = facts(body, D(2025, 4, 23)).people
    assert {(p.name, p.honorifics) for p in found} == {
        ("สมชาย รักชาติ", ("ฯพณฯ", "นาย")), ("อิวาน เปตรอฟ", ("ศ.ดร.",))}


def test_talks_during_a_visit_do_not_take_the_visits_dates():
    body = ("ระหว่างวันพุธ 23 - พฤหัสฯ 24 เมษายน 2568 นายสมชาย รักชาติ ปลัดกระทรวงการต่างประเทศ ได้เดินทางเยือน"
            "สาธารณรัฐเช็กอย่างเป็นทางการ และได้หารือกับนายยาน โนวัค (Mr. Jan Novak) รัฐมนตรีช่วยว่าการกระทรวง"
            "การต่างประเทศเช็ก")
    found = facts(body, D(2025, 4, 25)).events
    visit = next(e for e in found if e.kind == "OfficialVisit")
    talk = next(e for e in found if e.kind == "BilateralMeeting")
    assert (visit.date, visit.end_date) == (D(2025, 4, 23), D(2025, 4, 24))
    assert talk.date is None and found[talk.during] is visit


def test_a_long_conference_name_and_a_long_list_of_attending_states():
    states = ("ญี่ปุ่น จีน อินเดีย เวียดนาม ลาว กัมพูชา มาเลเซีย สิงคโปร์ อินโดนีเซีย ฟิลิปปินส์ บรูไน เมียนมา "
              "เกาหลีใต้ ออสเตรเลีย นิวซีแลนด์ แคนาดา เม็กซิโก ชิลี เปรู รัสเซีย ฝรั่งเศส เยอรมนี อิตาลี สเปน "
              "โปรตุเกส สวีเดน นอร์เวย์ เดนมาร์ก ฟินแลนด์ โปแลนด์ ตุรกี อียิปต์ เคนยา ไนจีเรีย บราซิล "
              "อาร์เจนตินา ปากีสถาน บังกลาเทศ เนปาล และศรีลังกา")
    body = ("วันนี้ (5 ม.ค. 67) นายกรัฐมนตรีเข้าร่วมการประชุมสุดยอดนานาชาติ ครั้งที่ 3 (3rd International Summit) "
            f"ณ กรุงเทพมหานคร โดยมีผู้นำจาก{states}เข้าร่วม")
    summit = facts(body, D(2024, 1, 5)).events[0]
    assert len(summit.countries) == 41  # the forty listed and Thailand, the host
    english = facts("On 15 October 2024, Mr. Somchai Rakchat, Minister of Foreign Affairs, attended the 19th Asia "
                    "Cooperation Dialogue Ministerial Meeting in Doha, State of Qatar.", D(2024, 10, 16), "en").events
    assert [e.name for e in english] == ["19th Asia Cooperation Dialogue Ministerial Meeting"]
