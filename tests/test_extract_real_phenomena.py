"""Phenomena of real releases (issue 13): titles, names, event wording and agreement wording.

Each case is a sentence written for this test in the manner of real releases (Thai government, MFA,
partner governments, wire news), never copied from one; together they say what the rules must read.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extraction import extract
from diplograph.model import Release
from diplograph.sources import normalize_text

D = dt.date


def facts(body: str, issued: dt.date | None, lang: str = "th", url: str | None = None, title: str | None = None):
    body = normalize_text(body)
    return extract(Release(release_id="t", source_file="t.txt", body=body, issued=issued, lang=lang, url=url,
                           title=title))


def events(body, issued, lang="th", **kw):
    return {(e.kind, e.date, e.countries) for e in facts(body, issued, lang, **kw).events}


def people(body, issued, lang="th", **kw):
    return {(p.name, p.country) for p in facts(body, issued, lang, **kw).people}


def agreements(body, issued, lang="th", **kw):
    return {(a.kind, a.parties, a.status) for a in facts(body, issued, lang, **kw).agreements}


# --- Thai titles and positions ---------------------------------------------------------------

THAI_PEOPLE = [
    pytest.param(
        "นายเหวียน วัน นาม (Nguyen Van Nam) นายกรัฐมนตรีเวียดนาม เยือนไทยอย่างเป็นทางการ ระหว่างวันที่ 17 – 19 สิงหาคม 2560 "
        "คณะประกอบด้วย (1) นาย เจิ่น ต๊วง แองห์ (Tran Tuan Anh) รัฐมนตรีว่าการกระทรวงอุตสาหกรรมและการค้าเวียดนาม "
        "(2) นายเหวียน ซวน เกื่อง (Nguyen Xuan Cuong) รัฐมนตรีว่าการกระทรวงเกษตรเวียดนาม", D(2017, 8, 18),
        {("เหวียน วัน นาม", "VN"), ("เจิ่น ต๊วง แองห์", "VN"), ("เหวียน ซวน เกื่อง", "VN")},
        id="another-person-of-a-known-family-name-introduced-with-the-latin-form"),
    pytest.param(
        "วันที่ 25 ธันวาคม 2567 พันตำรวจเอก สมชาย ใจดี รัฐมนตรีว่าการกระทรวงยุติธรรม ได้หารือกับ พลโทคำมี แก้วมณี "
        "รัฐมนตรีว่าการกระทรวงป้องกันความสงบลาว", D(2024, 12, 25), {("สมชาย ใจดี", "TH"), ("คำมี แก้วมณี", "LA")},
        id="police-colonel"),
    pytest.param(
        "วันนี้ (12 ม.ค. 66) นายสมพงษ์ มีสุข รองปลัดกระทรวงการต่างประเทศ ให้การต้อนรับนายฮันส์ เบาเออร์ "
        "(Mr. Hans Bauer) เอกอัครราชทูตสาธารณรัฐออสเตรียประจำประเทศไทย ในโอกาสเข้าเยี่ยมคารวะ",
        D(2023, 1, 12), {("สมพงษ์ มีสุข", "TH"), ("ฮันส์ เบาเออร์", "AT")}, id="deputy-permanent-secretary"),
    pytest.param(
        "เมื่อวันที่ 3 พ.ค. 2566 นางวิไล ทองดี ผู้ช่วยรัฐมนตรีประจำกระทรวงการต่างประเทศ ได้พบหารือกับนายคาร์ลอส เมนโดซา "
        "รองรัฐมนตรีว่าการกระทรวงการต่างประเทศเม็กซิโก",
        D(2023, 5, 5), {("วิไล ทองดี", "TH"), ("คาร์ลอส เมนโดซา", "MX")}, id="assistant-minister-and-vice-minister"),
    pytest.param(
        "วันนี้ (8 ก.พ. 67) ออท. โปแลนด์/ไทย นายยาน โนวัค เข้าเยี่ยมคารวะ รมช.กต. นายชัยชนะ ศรีสุข",
        D(2024, 2, 8), {("ยาน โนวัค", "PL"), ("ชัยชนะ ศรีสุข", "TH")}, id="abbreviated-ambassador-and-deputy-minister"),
    pytest.param(
        "เมื่อวันที่ 20 มิ.ย. 2566 นายสมชาย ใจกล้า รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับนายอูเล ฮันเซน "
        "รองนายกรัฐมนตรี รัฐมนตรีว่าการกระทรวงการต่างประเทศ และรัฐมนตรีด้านการประมงนอร์เวย์ ณ กรุงออสโล",
        D(2023, 6, 21), {("สมชาย ใจกล้า", "TH"), ("อูเล ฮันเซน", "NO")}, id="compound-office-country-at-the-end"),
    pytest.param(
        "วันนี้ (5 ก.ค. 65) พลเอก ประเสริฐ มั่นคง รมช.กห. ให้การต้อนรับ พลเอก ลี มิน-โฮ ผู้บัญชาการทหารสูงสุดเกาหลีใต้"
        "ซึ่งเดินทางมาเยือนไทย",
        D(2022, 7, 5), {("ประเสริฐ มั่นคง", "TH"), ("ลี มิน-โฮ", "KR")}, id="military-ranks-position-glued-to-verb"),
    pytest.param(
        "วันนี้ (9 ก.ย. 66) ศาสตราจารย์พิเศษ สมศักดิ์ ปัญญาดี รองนายกรัฐมนตรี ได้หารือกับเชค ซาอัด อัล ฮามัด "
        "(Sheikh Saad Al Hamad) รัฐมนตรีว่าการกระทรวงพาณิชย์และอุตสาหกรรมกาตาร์",
        D(2023, 9, 9), {("สมศักดิ์ ปัญญาดี", "TH"), ("ซาอัด อัล ฮามัด", "QA")}, id="special-professor-and-sheikh"),
    pytest.param(
        "เมื่อวันที่ 14 ม.ค. 2567 นายกรัฐมนตรีได้หารือกับนายมุฮัมหมัด บิน อับดุลเราะห์มาน อัล ษานี นายกรัฐมนตรี"
        "และรัฐมนตรีว่าการกระทรวงการต่างประเทศรัฐกาตาร์",
        D(2024, 1, 15), {("มุฮัมหมัด บิน อับดุลเราะห์มาน อัล ษานี", "QA")}, id="five-word-foreign-name"),
    pytest.param(
        "วันนี้ (2 มี.ค. 66) นายกรัฐมนตรีให้การต้อนรับนายคาริม ฮัสซัน เอกอัครราชทูตบังคลาเทศประจำประเทศไทย "
        "ในโอกาสเข้าเยี่ยมคารวะ",
        D(2023, 3, 2), {("คาริม ฮัสซัน", "BD")}, id="spelling-variant-of-a-country"),
    pytest.param(
        "วันนี้ (3 ก.ค. 67) นายกรัฐมนตรี “สมหญิง ใจดี” ได้หารือทางโทรศัพท์กับนายจอห์น สมิธ นายกรัฐมนตรีนิวซีแลนด์",
        D(2024, 7, 3), {("สมหญิง ใจดี", "TH")}, id="quoted-name-without-honorific"),
    pytest.param(
        "เมื่อวันที่ 25 มิถุนายน 2561 ประธานาธิบดีฌอง มาร์แตง ของฝรั่งเศส ให้การต้อนรับพลเอก สมชาย ใจดี นายกรัฐมนตรี "
        "ที่ทำเนียบประธานาธิบดี",
        D(2018, 6, 26), {("ฌอง มาร์แตง", "FR")}, id="title-glued-to-name-state-after-it"),
    pytest.param("นายจอห์น สมิธ รัฐมนตรีต่างประเทศอังกฤษเยือนไทยอย่างเป็นทางการ เข้าหารือกับนายกรัฐมนตรีสมชาย ใจดี ที่ทำเนียบรัฐบาล",
                 None, {("จอห์น สมิธ", "GB")}, id="an-office-glued-to-the-visit-it-makes"),
    pytest.param("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี รองปลัดกระทรวงการต่างประเทศ ได้หารือกับนายอาหมัด ซาเลห์ นักการทูตมาเลเซีย "
                 "เกี่ยวกับการค้าชายแดน", D(2023, 3, 5), {("อาหมัด ซาเลห์", "MY")}, id="an-office-we-do-not-know-naming-its-state"),
    pytest.param("นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงแรงงาน หารือกับนายทิน หม่อง รัฐมนตรีว่าการกระทรวงแรงงาน ตรวจคนเข้าเมือง "
                 "และประชากรเมียนมา ที่กรุงเทพฯ", None, {("สมชาย ใจดี", "TH"), ("ทิน หม่อง", "MM")},
                 id="a-spaced-list-of-portfolios-closed-by-its-state"),
    pytest.param("เมื่อวันที่ 3 มีนาคม 2558 นายสมชาย ใจดี เอกอัครราชทูตไทย ณ กรุงอักกรา สาธารณรัฐกานา และนายจอห์น การัง "
                 "เอกอัครราชทูตสาธารณรัฐเซาท์ซูดานประจำสาธารณรัฐกานา ได้ลงนามในแถลงการณ์ร่วม", D(2015, 3, 10),
                 {("สมชาย ใจดี", "TH"), ("จอห์น การัง", "SS")}, id="envoys-of-two-states-at-a-third-states-capital"),
    pytest.param("เมื่อวันที่ 4 มีนาคม 2564 นายสมชาย ใจดี เอกอัครราชทูต ณ กรุงปารามาริโบ ได้ยื่นพระราชสาสน์ตราตั้งต่อนาย José Pedro "
                 "Castillo Terrones ประธานาธิบดีแห่งสาธารณรัฐซูรินาเม", D(2021, 3, 8),
                 {("สมชาย ใจดี", "TH"), ("José Pedro Castillo Terrones", "SR")},
                 id="credentials-misspelt-a-capital-we-do-not-list-and-an-accented-latin-name"),
    pytest.param("วันที่ 2 มี.ค. 2560 พ.ต.ต.สมชาย ใจดีผู้บังคับการตำรวจภูธรจังหวัดน่าน หารือกับนายคำไพ สีหาลาด เจ้าแขวงไชยะบุลี "
                 "สปป.ลาว", D(2017, 3, 2), {("สมชาย ใจดี", "TH"), ("คำไพ สีหาลาด", "LA")},
                 id="a-surname-glued-to-its-office"),
    pytest.param("ร้อยเอกสมชาย ใจดี รัฐมนตรีช่วยว่าการกระทรวงเกษตรและสหกรณ์ หารือกับพลอากาศจัตวา ลี ซุน "
                 "ผู้บัญชาการทหารอากาศสิงคโปร์", None, {("สมชาย ใจดี", "TH"), ("ลี ซุน", "SG")},
                 id="captains-and-commodores-glued-or-spaced"),
    pytest.param("วันที่ 22 พฤศจิกายน 2562 นายสมชาย ใจดี ผู้ว่าราชการจังหวัดอุบลราชธานี พร้อมด้วยท่านเหงียน วัน นาม "
                 "ประธานคณะกรรมการประชาชนจังหวัดกวางตรี สาธารณรัฐสังคมนิยมเวียดนาม ร่วมหารือความร่วมมือ", None,
                 {("สมชาย ใจดี", "TH"), ("เหงียน วัน นาม", "VN")}, id="a-foreign-official-named-after-a-respectful-than"),
    pytest.param("ตุน ดร. อาหมัด บิน อิสมาอิล นายกรัฐมนตรีมาเลเซีย พร้อมด้วย ตุน ดร. ซีตี ฮาลิมะฮ์ บินตี โมฮัมหมัด อาลี ภริยา "
                 "จะเดินทางเยือนไทยอย่างเป็นทางการ ระหว่างวันที่ 24 - 25 ตุลาคม 2561", D(2018, 10, 20),
                 {("อาหมัด บิน อิสมาอิล", "MY"), ("ซีตี ฮาลิมะฮ์ บินตี โมฮัมหมัด อาลี", "MY")},
                 id="a-long-name-closed-by-the-spouses-word-and-malay-styles"),
]


@pytest.mark.parametrize("body,issued,expected", THAI_PEOPLE)
def test_thai_people(body, issued, expected) -> None:
    assert expected <= people(body, issued)


# --- English titles and names ---------------------------------------------------------------

ENGLISH_PEOPLE = [
    pytest.param(
        "KUALA LUMPUR, 3 May 2023 - Malaysia's Home Affairs Minister Ahmad Zulkifli met Thai Interior Minister "
        "Somchai Dee in Putrajaya on Tuesday.",
        D(2023, 5, 3), {("Ahmad Zulkifli", "MY"), ("Somchai Dee", "TH")}, id="state-possessive-portfolio-title"),
    pytest.param(
        "On 7 August 2022, Peruvian Ambassador to Thailand Luis Soto called on the Minister of Foreign Affairs.",
        D(2022, 8, 8), {("Luis Soto", "PE")}, id="demonym-ambassador-to-state"),
    pytest.param(
        "On 2 May 2024, Prime Minister Somsak Chaiyo held talks with his counterpart from Nepal, PM Ram Thapa.",
        D(2024, 5, 3), {("Somsak Chaiyo", "TH"), ("Ram Thapa", "NP")}, id="counterpart-from-state-pm"),
    pytest.param(
        "On 11 March 2021, the Minister received the Minister of Foreign Affairs of the Maldives, "
        "His Excellency Ahmed Nasir, at the Ministry.",
        D(2021, 3, 12), {("Ahmed Nasir", "MV")}, id="title-first-then-name"),
    pytest.param(
        "On 9 June 2019, DPM/FM Somkiat Rakdee met with Foreign Minister José Ramírez of Costa Rica in San José.",
        D(2019, 6, 10), {("Somkiat Rakdee", "TH"), ("José Ramírez", "CR")}, id="abbreviated-office-accented-name"),
    pytest.param(
        "On 3 May 2022 H.E. Mr. Somkiat Rakdee, Minister of Foreign Affairs had a meeting with Mr. John Ward, "
        "Secretary of State of the United States during his visit to Washington, D.C.",
        D(2022, 5, 4), {("Somkiat Rakdee", "TH"), ("John Ward", "US")}, id="office-ends-at-the-verb"),
    pytest.param(
        "On 4 June 2015, Korean Ambassador Lee Min-su and US Ambassador Jane Roe paid separate courtesy calls on "
        "Thai Foreign Minister Somkiat Rakdee.",
        D(2015, 6, 5), {("Lee Min-su", "KR"), ("Jane Roe", "US"), ("Somkiat Rakdee", "TH")},
        id="a-state-before-ambassador-as-a-style"),
    pytest.param(
        "BANGKOK, June 5 -- The foreign minister said on Thursday that Japanese ambassador Taro Sato and Korean "
        "ambassador Kim Min-ho each paid courtesy calls on Foreign Minister Somkiat Rakdee.",
        D(2015, 6, 5), {("Taro Sato", "JP"), ("Kim Min-ho", "KR")}, id="news-writes-ambassador-in-lower-case"),
    pytest.param(
        "On 30 April 2013, Deputy Speaker Janos Kovacs of the Hungarian National Assembly called on Deputy Prime "
        "Minister Somkiat Rakdee.", D(2013, 4, 30), {("Janos Kovacs", "HU")}, id="of-the-demonym-national-assembly"),
    pytest.param(
        "On 18 July 2014, Thai Foreign Minister Somchai Dee met with Philippine Foreign Affairs Secretary Jose F. del "
        "Pilar in Manila.", D(2014, 7, 19), {("Jose F. del Pilar", "PH"), ("Somchai Dee", "TH")},
        id="an-initial-before-a-particle"),
    pytest.param(
        "On 23 January 2017, Senior General Aung Min, Commander-in-Chief of Defence Services of Myanmar, met a goodwill "
        "delegation led by Commander-in-Chief of the Royal Thai Army (RTA) General Somchai Dee.\n"
        "General Somchai Dee was accompanied by General Somsak Rakdee, Director of the Neighbouring Countries "
        "Coordination Centre, and Senior Colonel Suda Dee.", D(2017, 1, 24),
        {("Aung Min", "MM"), ("Somchai Dee", "TH"), ("Somsak Rakdee", "TH"), ("Suda Dee", "TH")},
        id="an-armys-commander-and-those-accompanying-him"),
    pytest.param(
        "On 26 May 2016, Commander-in-Chief of the Myanmar Armed Forces General Aung Min and Thai Prime Minister "
        "Somchai Dee held talks at Government House.", D(2016, 5, 27), {("Aung Min", "MM"), ("Somchai Dee", "TH")},
        id="a-states-forces-between-office-and-rank"),
    pytest.param(
        "On 11 October 2024, Indian Prime Minister Raj Kumar met with US secretary of state John Ward and Thai prime "
        "minister Somchai Dee in Vientiane.", D(2024, 10, 12),
        {("Raj Kumar", "IN"), ("John Ward", "US"), ("Somchai Dee", "TH")}, id="news-offices-in-lower-case-after-a-state"),
    pytest.param(
        "On 5 March 2023, Thai Deputy Permanent Secretary Somchai Dee held talks with Mr. Ahmad Saleh from Malaysia on "
        "border trade.", D(2023, 3, 6), {("Ahmad Saleh", "MY")}, id="a-name-from-a-state"),
    pytest.param(
        "On 21 April 2023, Foreign Minister Somchai Dee held talks with Myanmar Foreign Minister Aung Min in Nay Pyi Taw.\n"
        "Mr Somchai was accompanied at the talks by Suda Rakdee, the Thai ambassador to Myanmar.", D(2023, 4, 22),
        {("Suda Rakdee", "TH")}, id="a-companion-named-with-a-lower-case-office-after-her-state"),
    pytest.param(
        "H.E. Prime Minister of the Socialist Republic of Viet Nam Nguyen Van An and H.E. Prime Minister of the Kingdom "
        "of Thailand Somchai Dee co-chaired the Third Thailand – Viet Nam Joint Cabinet Retreat on October 27th, 2015 "
        "in Ha Noi.\n"
        "The Thai delegation at the Joint Cabinet Retreat included Deputy Prime Minister and Minister of Finance "
        "Somkiat Rakdee, Deputy Prime Minister and Minister of Tourism and Sports Suda Dee, Ministers of Defence.",
        D(2015, 10, 28), {("Nguyen Van An", "VN"), ("Somchai Dee", "TH"), ("Somkiat Rakdee", "TH"), ("Suda Dee", "TH")},
        id="office-of-state-before-the-name-and-a-delegation-list"),
    pytest.param(
        "“Laos is a neighbouring country of primary importance,” Somchai Dee, Thailand’s Prime Minister, posted on "
        "Sunday. He met Sonexay Khammy, President of the Lao PDR and General Secretary of the Lao People’s "
        "Revolutionary Party, on October 29.", D(2023, 10, 31),
        {("Somchai Dee", "TH"), ("Sonexay Khammy", "LA")}, id="a-possessive-state-office-and-a-general-secretary"),
    pytest.param(
        "On May 2, H.E. Mr. SATO Taro, Ambassador of Japan to the Kingdom of Thailand, H.E. Mr. Somkiat Rakdee, "
        "Minister of Finance of Thailand and Mrs. Suda Dee, Director-General, Thailand International Cooperation "
        "Agency (TICA), Ministry of Foreign Affairs of Thailand exchanged notes concerning a yen loan project in "
        "Bangkok.", D(2022, 5, 3), {("SATO Taro", "JP"), ("Somkiat Rakdee", "TH"), ("Suda Dee", "TH")},
        id="an-office-continued-past-an-acronym-and-ended-before-the-next-name"),
    pytest.param(
        "Indian President Anil Rao held talks with Prime Minister Somchai Dee. National security advisor Vikram Sethi, "
        "foreign secretary Meera Nair and other senior officials are accompanying Rao.", D(2015, 6, 10),
        {("Anil Rao", "IN"), ("Somchai Dee", "TH"), ("Vikram Sethi", "IN"), ("Meera Nair", "IN")},
        id="lower-case-offices-heading-a-list-of-those-accompanying-a-leader"),
    pytest.param(
        "The meeting was co-chaired by Joint Secretary, Ministry of Defence, Bangladesh Rafiq Ahmed Khan and Deputy "
        "Permanent Secretary for Defence of Ministry of Defence, Thailand General Somchai Dee.", D(2024, 5, 10),
        {("Rafiq Ahmed Khan", "BD"), ("Somchai Dee", "TH")}, id="an-office-its-ministry-and-its-state-before-the-name"),
    pytest.param(
        "Bangladesh Foreign Secretary Rafiq Ahmed also paid a courtesy call on Somchai Dee, deputy prime minister and foreign "
        "minister of Thailand at the Thai Foreign Ministry in Bangkok.", D(2022, 3, 1), {("Somchai Dee", "TH")},
        id="a-lower-case-compound-office-after-the-name"),
    pytest.param(
        "The fourth session of the United Kingdom-Thailand Strategic Dialogue was held in London on 30 June 2022. It was "
        "co-chaired by The Rt. Hon. Anna Hill MP, Minister for Asia at the Foreign, Commonwealth and Development Office "
        "of the UK, and His Excellency Mr. Somchai Dee, Vice Minister for Foreign Affairs of Thailand.", D(2022, 7, 1),
        {("Anna Hill", "GB"), ("Somchai Dee", "TH")}, id="post-nominal-letters-and-an-office-held-at-a-body"),
    pytest.param(
        "Prime Minister General Somchai Dee and his Saudi Arabian counterpart, HRH Crown Prince Faisal bin Khalid Al "
        "Saud, met for a bilateral discussion at Government House on Friday night. Also present at the discussion were "
        "Interior Minister General Suchart Jaidee and Public Health Minister Suda Rakdee.", D(2022, 11, 19),
        {("Somchai Dee", "TH"), ("Faisal bin Khalid Al Saud", "SA"), ("Suchart Jaidee", "TH"), ("Suda Rakdee", "TH")},
        id="a-counterpart-by-demonym-and-a-portfolio-before-the-minister"),
]


@pytest.mark.parametrize("body,issued,expected", ENGLISH_PEOPLE)
def test_english_people(body, issued, expected) -> None:
    assert expected <= people(body, issued, "en")


def test_a_visit_begins_on_the_day_of_arrival_for_it() -> None:
    found = facts("Indian President Anil Rao, arriving in Bangkok from Hanoi today for a three-day visit to Thailand, "
                  "held talks with Prime Minister Somchai Dee.", D(2015, 6, 10), "en").events
    visit = next(e for e in found if e.kind == "OfficialVisit")
    assert (visit.date, visit.end_date, visit.countries) == (D(2015, 6, 10), D(2015, 6, 12), ("IN", "TH"))


def test_the_office_word_for_word_names_its_holder_among_officials() -> None:
    found = events("On May 9, 2024, the 5th Bangladesh-Thailand Defence Dialogue was held in Dhaka. The meeting was "
                   "co-chaired by Joint Secretary, Ministry of Defence, Bangladesh Rafiq Ahmed Khan and Deputy Permanent "
                   "Secretary for Defence of Ministry of Defence, Thailand General Somchai Dee. During the visit, the "
                   "Deputy Permanent Secretary also called on Senior Secretary, Ministry of Home Affairs, Bangladesh "
                   "Kamal Hossain.", D(2024, 5, 10), "en")
    assert found == {("BilateralMeeting", D(2024, 5, 9), ("BD", "TH")), ("CourtesyCall", D(2024, 5, 9), ("BD", "TH"))}


def test_a_title_case_headlines_verb_is_no_name() -> None:
    assert people("Ambassador of the Kingdom of Thailand Bids Farewell\nOn 3 May 2023, the Ambassador paid a farewell "
                  "call on the Minister of Foreign Affairs of Hungary, Peter Nagy.", D(2023, 5, 4), "en") == {
        ("Peter Nagy", "HU")}


def test_talks_expected_on_a_weekday_are_on_the_next_one() -> None:
    found = events("Thai Foreign Minister Somchai Dee met South Korean Prime Minister Kim Min-su in Seoul on Thursday. "
                   "Somchai is expected to hold talks with his South Korean counterpart, Park Ji-hoon, on Friday.",
                   D(2024, 8, 1), "en")
    assert found == {("BilateralMeeting", D(2024, 8, 1), ("KR", "TH")), ("BilateralMeeting", D(2024, 8, 2), ("KR", "TH"))}


def test_possessive_ends_a_name() -> None:
    found = people("Foreign Minister Garcia Lopez's visit to Thailand on 4 April 2023 strengthened ties with Spain.",
                   D(2023, 4, 5), "en")
    assert all("'s" not in name for name, _ in found)


@pytest.mark.parametrize("text,expected", [("ณ ศาลาว่าการกลาโหม", []), ("ณ ศาลาว่าการกลาโหม ประเทศลาว", ["LA"]),
                                           ("ไทยและจีนได้หารือ", ["TH", "CN"])])
def test_a_thai_name_is_whole_syllables(text, expected) -> None:
    from diplograph.gazetteer import countries
    assert [code for _s, _e, code in countries().find(text, "th")] == expected


def test_demonym_in_a_department_name_is_no_country() -> None:
    body = ("On 3 June 2022, the Director-General of the Department of European Affairs met with the Ambassador "
            "of Chile, Mr. Pablo Reyes, at the Ministry.")
    assert events(body, D(2022, 6, 4), "en") == {("CourtesyCall", D(2022, 6, 3), ("CL", "TH"))} or events(
        body, D(2022, 6, 4), "en") == {("BilateralMeeting", D(2022, 6, 3), ("CL", "TH"))}


def test_foreign_government_release_unqualified_prime_minister() -> None:
    body = ("On 12 September 2023, Prime Minister Tanaka Hiroshi held a summit meeting with H.E. Mr. Somchai "
            "Dee, Prime Minister of the Kingdom of Thailand. The Prime Minister welcomed the visit.")
    found = people(body, D(2023, 9, 12), "en", title="Japan-Thailand Summit Meeting")
    assert ("Tanaka Hiroshi", "JP") in found and ("Somchai Dee", "TH") in found
    assert events(body, D(2023, 9, 12), "en", title="Japan-Thailand Summit Meeting") == {
        ("BilateralMeeting", D(2023, 9, 12), ("JP", "TH"))}
    # without a state to give it, the unqualified office holder is of no known state — never Thailand's —
    # and a meeting with one known side is no fact
    assert events(body, D(2023, 9, 12), "en") == set()


def test_thai_release_naming_its_own_minister_with_thailand_keeps_its_unqualified_officials() -> None:
    body = ("On 3 March 2023, H.E. Mr. Somchai Dee, Minister of Foreign Affairs of Thailand, met with H.E. Mr. Juan "
            "Perez, Minister of Foreign Affairs of Chile. Deputy Minister Anan Suk also attended.")
    assert ("Juan Perez", "CL") in people(body, D(2023, 3, 4), "en", url="https://www.mfa.go.th/en/content/x")


# --- events -----------------------------------------------------------------------------

EVENTS = [
    pytest.param("เมื่อวันที่ 11 พ.ค. 60 นางสมศรี ใจดี ผู้อำนวยการท่าอากาศยานกระบี่ เข้าร่วมพิธีลงนามบันทึกข้อตกลงเพื่อการสถาปนา"
                 "ความสัมพันธ์เมืองพี่เมืองน้อง ระหว่าง จังหวัดกระบี่ ราชอาณาจักรไทย กับ เมืองหนิงโป มณฑลเจ้อเจียง "
                 "สาธารณรัฐประชาชนจีน", D(2017, 5, 12), "th", {("AgreementSigning", D(2017, 5, 11), ("CN", "TH"))},
                 id="a-signing-between-two-cities-each-with-its-state"),
    pytest.param("วันที่ 28 สิงหาคม 2563 นายสมชาย ใจดี ประธานวุฒิสภา ให้การรับรอง นายเหวียน วัน นาม เอกอัครราชทูต"
                 "สาธารณรัฐสังคมนิยมเวียดนามประจำประเทศไทย เพื่ออำลาในโอกาสพ้นจากหน้าที่", D(2020, 9, 19), "th",
                 {("CourtesyCall", D(2020, 8, 28), ("TH", "VN"))}, id="an-envoys-farewell-received"),
    pytest.param("BANGKOK, Thailand – Prime Minister Somchai Dee will pay an Official Visit to Cambodia on 8 October 2024, "
                 "and attend the 44th ASEAN Summit during 9-11 October 2024 in Phnom Penh.", D(2024, 10, 4), "en",
                 {("OfficialVisit", D(2024, 10, 8), ("KH", "TH")), ("MultilateralMeeting", D(2024, 10, 9), ("KH", "TH"))},
                 id="a-one-day-visit-before-the-summit-the-sentence-dates"),
    pytest.param("Indian External Affairs Minister Ravi Kumar on Monday held a telephonic conversation with his Thai counterpart "
                 "Somchai Dee.", D(2022, 3, 21), "en", {("BilateralMeeting", D(2022, 3, 21), ("IN", "TH"))},
                 id="a-telephonic-conversation"),
    pytest.param(
        "On 23 September 2022, the Minister of Foreign Affairs met with the Foreign Ministers of Chile, Peru and "
        "Mexico in New York.", D(2022, 9, 24), "en",
        {("BilateralMeeting", D(2022, 9, 23), ("CL", "TH")), ("BilateralMeeting", D(2022, 9, 23), ("PE", "TH")),
         ("BilateralMeeting", D(2022, 9, 23), ("MX", "TH"))}, id="one-sentence-three-counterparts"),
    pytest.param(
        "วันนี้ (6 ต.ค. 66) เอกอัครราชทูตลาว กัมพูชา และเวียดนามประจำประเทศไทย ได้เข้าเยี่ยมคารวะนายกรัฐมนตรี "
        "ณ ทำเนียบรัฐบาล", D(2023, 10, 6), "th",
        {("CourtesyCall", D(2023, 10, 6), ("KH", "LA", "TH", "VN"))}, id="joint-courtesy-call"),
    pytest.param(
        "ระหว่างวันที่ 14 - 16 มีนาคม 2566 นายกรัฐมนตรีได้เดินทางเยือนสาธารณรัฐสังคมนิยมเวียดนาม ตามคำเชิญของ"
        "นายกรัฐมนตรีเวียดนาม", D(2023, 3, 17), "th",
        {("OfficialVisit", D(2023, 3, 14), ("TH", "VN"))}, id="thai-visit-not-called-official"),
    pytest.param(
        "From 4 to 6 October 2019, the Minister of Foreign Affairs visited the Republic of Chile at the invitation "
        "of his Chilean counterpart.", D(2019, 10, 7), "en",
        {("OfficialVisit", D(2019, 10, 4), ("CL", "TH"))}, id="english-visited-state"),
    pytest.param(
        "On 15 April 2021, H.E. Mr. Somchai Dee, Minister of Foreign Affairs, exchanged views with H.E. Mr. Kim "
        "Jung-ho, Minister of Foreign Affairs of the Republic of Korea.", D(2021, 4, 16), "en",
        {("BilateralMeeting", D(2021, 4, 15), ("KR", "TH"))}, id="exchanged-views-with"),
    pytest.param(
        "On 20 January 2020, the Thai Ambassador to Brunei, Mr. Anan Suk, had an audience with His Majesty Sultan "
        "Hassan of Brunei Darussalam.", D(2020, 1, 21), "en",
        {("CourtesyCall", D(2020, 1, 20), ("BN", "TH"))}, id="had-an-audience-with"),
    pytest.param(
        "วันนี้ (8 ส.ค. 67) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ หารือกับนายคิม มินโฮ รัฐมนตรีว่าการกระทรวง"
        "ศึกษาธิการเกาหลีใต้ ทั้งสองฝ่ายเห็นพ้องเรื่องการส่งเสริมการเยือนระหว่างกันและการแลกเปลี่ยนการเยือนของผู้บริหาร",
        D(2024, 8, 8), "th", {("BilateralMeeting", D(2024, 8, 8), ("KR", "TH"))}, id="visits-as-a-practice-are-no-visit"),
    pytest.param(
        "ภารกิจของ นายสมชาย ใจดี นายกรัฐมนตรี ไปร่วมประชุมผู้นำเอเชีย-ยุโรป หรือ อาเซม ครั้งที่ 9 ที่ สาธารณรัฐประชาธิปไตย"
        "ประชาชนลาว", None, "th", {("MultilateralMeeting", None, ("LA", "TH"))},
        id="a-meeting-named-twice-a-trip-to-attend-it-and-its-host-after-thi"),
    pytest.param(
        "แชร์โพสนี้\n"
        "นายสมชาย ใจดี นายกรัฐมนตรี พร้อมด้วยคณะรัฐมนตรี เดินทางเข้าร่วมการประชุมร่วมนายกรัฐมนตรีและรัฐมนตรีอย่างไม่เป็นทางการ "
        "ไทย – กัมพูชา ครั้งที่ 3 ที่ สำนักนายกรัฐมนตรีกัมพูชา กรุงพนมเปญ ซึ่งได้มีการลงนามแถลงการณ์ร่วม ซึ่งจะครอบคลุมทั้งเรื่อง"
        "การเมืองและเศรษฐกิจ\nนอกจากนี้ ยังมีมติเรื่องการค้าการลงทุนตามแนวชายแดน\nประชาชนทั้งสองประเทศจะได้รับประโยชน์",
        None, "th", {("BilateralMeeting", None, ("KH", "TH")), ("AgreementSigning", None, ("KH", "TH"))},
        id="a-joint-meeting-named-with-a-spaced-pair-and-a-later-will-plans-nothing"),
    pytest.param(
        "ที่ประชุมคณะรัฐมนตรีมีมติอนุมัติจัดทำบันทึกความเข้าใจระหว่างกระทรวงการต่างประเทศไทยและจีน โดยหาก 2 ฝ่ายสามารถ"
        "ลงนามในระหว่างนายกรัฐมนตรีจีนเยือนไทยได้จะเป็นสัญลักษณ์ของความร่วมมือ", None, "th", set(),
        id="a-signing-if-it-can-be-done-is-no-event"),
    pytest.param(
        "วันนี้ (8 ส.ค. 67) นายกรัฐมนตรีมีกำหนดหารือเต็มคณะกับนายกรัฐมนตรีมาเลเซีย ณ ทำเนียบรัฐบาล",
        D(2024, 8, 8), "th", {("BilateralMeeting", D(2024, 8, 8), ("MY", "TH"))}, id="scheduled-plenary-talks"),
    pytest.param(
        "เมื่อวันที่ 10 พ.ค. 2566 นายกรัฐมนตรีได้เดินทางไปยังกรุงจาการ์ตาเพื่อหารือกับประธานาธิบดีอินโดนีเซีย",
        D(2023, 5, 11), "th", set(), id="purpose-clause-is-no-meeting"),
    pytest.param(
        "On 4 May 2023, the Prime Minister arrived in Tokyo and received a message from the President of Kenya.",
        D(2023, 5, 5), "en", set(), id="arrival-and-message-are-no-events"),
    pytest.param(
        "The Prime Minister will attend the 43rd ASEAN Summit and Related Summits in Jakarta from 5 to 7 "
        "September 2023.", D(2023, 9, 1), "en",
        {("MultilateralMeeting", D(2023, 9, 5), ("ID", "TH"))}, id="related-summits-are-not-a-second-conference"),
    pytest.param(
        "เมื่อวันที่ 4 ธ.ค. 2566 รัฐมนตรีว่าการกระทรวงพาณิชย์เข้าร่วมการประชุม 5th Lancang - Mekong Water Forum "
        "ณ กรุงเวียงจันทน์ สปป. ลาว", D(2023, 12, 5), "th",
        {("MultilateralMeeting", D(2023, 12, 4), ("LA", "TH"))}, id="english-conference-name-with-spaced-dash"),
    pytest.param(
        "On 6 July 2022, the Foreign Ministers of Thailand and Indonesia met in Bali, Indonesia.", D(2022, 7, 7), "en",
        {("BilateralMeeting", D(2022, 7, 6), ("ID", "TH"))}, id="venue-is-in-person"),
    pytest.param(
        "The document was witnessed by visiting Thai Prime Minister Somchai Dee and his Japanese counterpart Sato "
        "Kenji.\nWhile in Japan, Somchai and Sato also talked about the economic corridor.", D(2015, 2, 10), "en",
        {("BilateralMeeting", None, ("JP", "TH"))}, id="two-named-leaders-talked-about"),
    pytest.param(
        "Prime Minister Somchai Dee will meet Vietnamese Prime Minister Nguyen Van An in Hanoi, a government "
        "spokesman said on Tuesday.", D(2023, 3, 8), "en",
        {("BilateralMeeting", None, ("TH", "VN"))}, id="the-day-something-was-said-is-not-the-events"),
    pytest.param(
        "นายกรัฐมนตรีมีกำหนดพบหารือกับนายกรัฐมนตรีกัมพูชา รวมทั้งจะเข้าเยี่ยมคารวะสมเด็จพระมหากษัตริย์กัมพูชา "
        "ในวันที่ 12 ธันวาคม 2566", D(2023, 12, 8), "th",
        {("BilateralMeeting", D(2023, 12, 12), ("KH", "TH")), ("CourtesyCall", D(2023, 12, 12), ("KH", "TH"))},
        id="talks-as-well-as-a-courtesy-call"),
    pytest.param(
        "วันนี้ (12 ธ.ค. 66) เอกอัครราชทูตกัมพูชาประจำประเทศไทยเข้าเยี่ยมคารวะและหารือกับนายกรัฐมนตรี ณ ทำเนียบรัฐบาล",
        D(2023, 12, 12), "th", {("CourtesyCall", D(2023, 12, 12), ("KH", "TH"))}, id="a-call-and-its-talk-are-one"),
    pytest.param(
        "เมื่อวันที่ 10 ธันวาคม 2558 นายสมชาย ใจดี เอกอัครราชทูต ณ กรุงกัวลาลัมเปอร์ ได้รับพระราชทานพระวโรกาสให้เข้าเฝ้า"
        "ทูลละอองพระบาทสุลต่านแห่งรัฐยะโฮร์ ที่พระราชวัง", D(2015, 12, 11), "th",
        {("CourtesyCall", D(2015, 12, 10), ("MY", "TH"))}, id="an-ambassadors-audience-is-in-the-state-of-the-post"),
    pytest.param("Prime Minister Somchai Dee welcomed Chinese Foreign Minister Wang Li at Government House on 4 March "
                 "2024.", D(2024, 3, 5), "en", {("BilateralMeeting", D(2024, 3, 4), ("CN", "TH"))},
                 id="welcomed-a-minister-named-with-a-demonym"),
    pytest.param("On 4 March 2024, Wang welcomed Thai Prime Minister Somchai Dee to attend the Forum in Beijing in April.",
                 D(2024, 3, 5), "en", set(), id="welcomed-to-attend-is-an-invitation"),
    pytest.param("รมว.กต. หารือทวิภาคีกับ รมว.กต. เวียดนาม ที่กรุงเวียงจันทน์ เมื่อวันที่ 25 ก.ค. 67", D(2024, 7, 26), "th",
                 {("BilateralMeeting", D(2024, 7, 25), ("TH", "VN"))}, id="abbreviated-title-a-space-before-its-state"),
    pytest.param("Prime Minister Somchai Dee hosted a luncheon for visiting Malaysian Prime Minister Ahmad Ali on 5 "
                 "March 2024, during which the two leaders discussed border security.", D(2024, 3, 6), "en",
                 {("BilateralMeeting", D(2024, 3, 5), ("MY", "TH"))},
                 id="a-meal-with-talks-is-a-meeting-not-a-dated-visit"),
    pytest.param("Mr. Anan Suk held a bilateral meeting with Ms. Jane Doe, Minister for Foreign Affairs of Australia, "
                 "on the margins of the G20 Foreign Ministers' Meeting on 5 March 2024.", D(2024, 3, 6), "en",
                 {("BilateralMeeting", D(2024, 3, 5), ("AU", "TH")), ("MultilateralMeeting", None, ("AU", "TH"))},
                 id="on-the-margins-of"),
    pytest.param("นายกรัฐมนตรีเดินทางถึงกรุงโตเกียว ประเทศญี่ปุ่น เพื่อเข้าร่วมการประชุมสุดยอดอาเซียน-ญี่ปุ่น สมัยพิเศษ "
                 "เมื่อวันที่ 16 ธันวาคม 2566", D(2023, 12, 17), "th", {("MultilateralMeeting", None, ("JP", "TH"))},
                 id="the-day-of-a-trip-to-attend-is-not-the-conferences"),
    pytest.param("เมื่อวันที่ 5 มี.ค. 67 ที่ประชุมคณะรัฐมนตรีมีมติเห็นชอบร่างความตกลงว่าด้วยการยกเว้นการตรวจลงตราระหว่างไทยกับจีน "
                 "และอนุมัติให้ลงนาม", D(2024, 3, 6), "th", set(), id="approved-to-sign-is-no-signing-event"),
    pytest.param("On December 15, 2013, Prime Minister Sato Kenji received a courtesy call from H.E. Mr. Somchai Dee, "
                 "Deputy Prime Minister of the Kingdom of Thailand, who was visiting Japan to attend the ASEAN-Japan "
                 "Commemorative Summit.", D(2013, 12, 16), "en",
                 {("CourtesyCall", D(2013, 12, 15), ("JP", "TH")), ("MultilateralMeeting", None, ("JP", "TH"))},
                 id="visiting-to-attend-a-conference"),
    pytest.param("๑. รัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือทางโทรศัพท์กับรัฐมนตรีว่าการกระทรวงการต่างประเทศเกาหลีใต้\n"
                 "๑.๑ การหารือกับนายคิม มิน-ซู รัฐมนตรีว่าการกระทรวงการต่างประเทศสาธารณรัฐเกาหลี\n"
                 "(เกาหลีใต้) เมื่อวันที่ ๓๐ เมษายน ๒๕๖๔\n- ทั้งสองฝ่ายได้หารือเกี่ยวกับความร่วมมือด้านสาธารณสุข",
                 D(2021, 5, 7), "th", {("BilateralMeeting", D(2021, 4, 30), ("KR", "TH"))},
                 id="a-line-broken-before-a-parenthesis-goes-on"),
    pytest.param("นายกรัฐมนตรีเดินทางถึงท่าอากาศยานนานาชาตินาริตะ กรุงโตเกียว โดยมีนายทาโร ซูซูกิ ผู้ช่วยรัฐมนตรีว่าการกระทรวง"
                 "การต่างประเทศญี่ปุ่น ให้การต้อนรับ เมื่อวันที่ 8 ตุลาคม 2561", D(2018, 10, 9), "th", set(),
                 id="a-welcome-at-the-airport-is-no-meeting"),
    pytest.param("เมื่อวันที่ 9 ตุลาคม 2561 นายกรัฐมนตรีเข้าร่วมการประชุมผู้นำกรอบความร่วมมือลุ่มน้ำโขงกับญี่ปุ่น ครั้งที่ 10",
                 D(2018, 10, 10), "th", {("MultilateralMeeting", D(2018, 10, 9), ("JP", "TH"))},
                 id="mekong-with-japan-names-the-partner"),
    pytest.param("The Philippines and Thailand on Tuesday signed agreements on tourism as Philippine President Juan Cruz began his "
                 "three-day official visit to Bangkok.", D(2017, 3, 21), "en",
                 {("AgreementSigning", D(2017, 3, 21), ("PH", "TH")), ("OfficialVisit", D(2017, 3, 21), ("PH", "TH"))},
                 id="a-visit-that-began-that-day"),
    # an announced visit: its undated "มีกำหนดพบหารือ" is the visit's programme, not a second event; the talks
    # are reported as their own event once they are held and dated
    pytest.param(
        "นายกรัฐมนตรีญี่ปุ่นมีกำหนดเยือนไทยอย่างเป็นทางการ ระหว่างวันที่ 17 - 18 มกราคม 2567\n"
        "ในระหว่างการเยือน นายทาโร ซูซูกิ นายกรัฐมนตรีญี่ปุ่น มีกำหนดพบหารือกับนายสมชาย ใจดี นายกรัฐมนตรี "
        "เพื่อกระชับความสัมพันธ์",
        D(2024, 1, 10), "th", {("OfficialVisit", D(2024, 1, 17), ("JP", "TH"))}, id="programme-of-a-visit-to-come"),
    pytest.param(
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศเข้าร่วมการประชุมรัฐมนตรีต่างประเทศอาเซียนอย่างไม่เป็นทางการ ณ กรุงมะนิลา\n"
        "เมื่อวันที่ 6 กุมภาพันธ์ 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้เข้าร่วมการแลกเปลี่ยน"
        "ความคิดเห็นเกี่ยวกับสถานการณ์ในภูมิภาคกับนายมานูเอล ซานโตส รัฐมนตรีว่าการกระทรวงการต่างประเทศฟิลิปปินส์",
        D(2023, 2, 7), "th", {("MultilateralMeeting", D(2023, 2, 6), ("PH", "TH"))},
        id="a-session-joined-under-a-conference-headline"),
    pytest.param(
        "เมื่อวันที่ 17 มีนาคม 2561 นายกรัฐมนตรีเข้าร่วมการประชุมสุดยอดอาเซียน - ออสเตรเลีย สมัยพิเศษ",
        D(2018, 3, 18), "th", {("MultilateralMeeting", D(2018, 3, 17), ("AU", "TH"))},
        id="an-asean-plus-one-summit-names-its-partner"),
    # no date until the fourth line: the summary line (several Thai sentences) is read with the headline,
    # so its "ต้อนรับ" is the body's dated courtesy call, not a second, undated talk
    pytest.param(
        "นายกฯ เข้าทำเนียบรัฐบาล หลังประกาศมาตรการใหม่\n"
        "นายกรัฐมนตรี เข้าทำเนียบรัฐบาลแต่เช้า ทั้งนี้ ได้ตรวจความพร้อมของสถานที่ โดยต้อนรับ นายทาโร ซูซูกิ "
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น ณ ทำเนียบรัฐบาล\n"
        "เมื่อเวลา 10.00 น. นายกรัฐมนตรี เดินทางถึงทำเนียบรัฐบาล เพื่อปฏิบัติภารกิจ ตามปกติ\n"
        "ต่อมา นายทาโร ซูซูกิ ได้เข้าเยี่ยมคารวะนายกรัฐมนตรี ในวันนี้ (15 ต.ค. 63)",
        D(2020, 10, 15), "th", {("CourtesyCall", D(2020, 10, 15), ("JP", "TH"))},
        id="a-summary-line-of-several-sentences-is-still-the-headlines"),
    pytest.param(
        "On 4 August 2023, Mr. Somchai Dee, Minister of Foreign Affairs of Thailand, held a joint press briefing "
        "with H.E. Mr. Kenji Sato, Minister for Foreign Affairs of Japan. The gist of the remarks as follows.\n"
        "Ladies and Gentlemen,\n"
        "Today, I had the honour to co-chair the ASEAN-Japan Post Ministerial Conference with His Excellency "
        "Kenji Sato.\n"
        "We had extensive discussions on ASEAN-Japan cooperation.",
        D(2023, 8, 5), "en", {("MultilateralMeeting", D(2023, 8, 4), ("JP", "TH"))},
        id="a-transcripts-speakers-chair-a-conference-and-their-we-is-its"),
    pytest.param(
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือทางโทรศัพท์กับรัฐมนตรีว่าการกระทรวงการต่างประเทศโปรตุเกส\n"
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศเน้นย้ำความร่วมมือด้านการท่องเที่ยวและการประมง",
        D(2023, 6, 2), "th", {("BilateralMeeting", None, ("PT", "TH"))},
        id="headline-event-the-body-does-not-date-is-kept-undated"),
    pytest.param(
        "วันนี้ (3 ก.ค. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงแรงงาน ให้การต้อนรับนายฮวน โลเปซ เอกอัครราชทูตเม็กซิโก"
        "ประจำประเทศไทย และหารือความร่วมมือด้านแรงงาน",
        D(2023, 7, 3), "th", {("CourtesyCall", D(2023, 7, 3), ("MX", "TH"))},
        id="ambassador-received-by-a-minister-is-a-courtesy-call"),
    pytest.param(
        "เมื่อวันที่ 5 ต.ค. 2566 พลเอก สมชาย ใจดี นายกรัฐมนตรี ได้เข้าพบกับนายฌอง มาร์แตง ประธานาธิบดีฝรั่งเศส "
        "ณ ทำเนียบประธานาธิบดี",
        D(2023, 10, 6), "th", {("BilateralMeeting", D(2023, 10, 5), ("FR", "TH"))},
        id="leaders-who-call-on-each-other-meet"),
    pytest.param(
        "วันนี้ (16 พฤศจิกายน 2565) นายกรัฐมนตรีให้การต้อนรับนายโจเซ ซิลวา ประธานาธิบดีโปรตุเกส ในพิธีต้อนรับ"
        "อย่างเป็นทางการ ในโอกาสเดินทางเยือนประเทศไทยอย่างเป็นทางการ ระหว่างวันที่ 16 - 18 พฤศจิกายน 2565",
        D(2022, 11, 16), "th", {("OfficialVisit", D(2022, 11, 16), ("PT", "TH"))},
        id="welcome-ceremony-is-no-meeting-but-the-visit-is-kept"),
    pytest.param(
        "เมื่อเวลา 10.10 น. นายกรัฐมนตรี ได้ให้การต้อนรับนายโจเซ ซิลวา รัฐมนตรีว่าการกระทรวงการต่างประเทศโปรตุเกส",
        D(2023, 6, 2), "th", {("BilateralMeeting", D(2023, 6, 2), ("PT", "TH"))},
        id="clock-time-lead-is-the-release-day"),
    pytest.param(
        "นายสมชาย ใจดี นายกรัฐมนตรี กล่าวถึงการร่วมประชุมสุดยอดอาเซียน ครั้งที่ 47 ว่า ตนจะเดินทางไปที่กรุงกัวลาลัมเปอร์ "
        "ประเทศมาเลเซีย ในคืนวันนี้ (25 ต.ค.) และคาดว่าจะได้มีการลงนามในถ้อยแถลงไทย-กัมพูชา ในช่วงเช้าวันพรุ่งนี้ (26 ต.ค.)",
        D(2025, 10, 25), "th", {("AgreementSigning", D(2025, 10, 26), ("KH", "TH"))},
        id="a-journey-day-and-a-later-clause-day-date-nothing-else"),
    pytest.param(
        "On December 16, 2023, Ms. SATO Hana, Minister for Foreign Affairs of Japan held a Japan-Philippines "
        "Foreign Ministers’ Meeting with Hon. Jose Cruz, Secretary for Foreign Affairs of the Republic of the "
        "Philippines.",
        D(2023, 12, 16), "en", {("BilateralMeeting", D(2023, 12, 16), ("JP", "PH"))},
        id="a-meeting-named-after-two-states-is-their-bilateral-meeting"),
    pytest.param(
        "On 5 August 2015, the ministers welcomed China’s constructive initiatives on connectivity.",
        D(2015, 8, 5), "en", set(), id="welcoming-an-initiative-is-no-meeting"),
    pytest.param(
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับรัฐมนตรีว่าการกระทรวงการต่างประเทศโปรตุเกส\n"
        "วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับนายโจเซ ซิลวา "
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศโปรตุเกส ซึ่งกล่าวถึงการพบกับฮุน เซน เมื่อปีก่อน",
        D(2023, 3, 5), "th", {("BilateralMeeting", D(2023, 3, 5), ("PT", "TH"))},
        id="a-registered-name-in-passing-is-no-participant"),
    pytest.param(
        "On 5 May 2023, the Prime Minister attended the 42nd ASEAN Summit in Labuan Bajo, Indonesia.",
        D(2023, 5, 6), "en", {("MultilateralMeeting", D(2023, 5, 5), ("ID", "TH"))},
        id="a-summit-in-a-city-of-two-words-is-hosted-by-the-state-after-it"),
    pytest.param(
        "Source: Xinhua| 2019-02-16 23:39:28|Editor: Li\n\n"
        "CHIANG MAI, Thailand, Feb. 16 (Xinhua) -- Visiting Chinese State Councilor and Foreign Minister Li Wei "
        "and Thai Foreign Minister Somchai Dee held here Saturday strategic consultations.",
        None, "en", {("BilateralMeeting", D(2019, 2, 16), ("CN", "TH"))},
        id="wire-copy-source-line-dates-and-visiting-epithet-is-no-visit"),
    pytest.param(
        "VGP - Viet Nam and Thailand on Tuesday issued a Joint Statement of the 2nd Joint Cabinet Retreat.\n"
        "H.E. Prime Minister of the Socialist Republic of Viet Nam Nguyen Van An and H.E. Prime Minister of the Kingdom "
        "of Thailand Somchai Dee co-chaired the Second Thailand – Viet Nam Joint Cabinet Retreat on October 27th, 2015 "
        "in Ha Noi.\n"
        "The Thai delegation at the Joint Cabinet Retreat included Deputy Prime Minister Somkiat Rakdee.",
        D(2015, 10, 27), "en", {("BilateralMeeting", D(2015, 10, 27), ("TH", "VN"))},
        id="one-retreat-named-three-ways"),
    pytest.param(
        "มีรายงานว่า แอนโทนี บลูเมล ผู้ช่วยรัฐมนตรีต่างประเทศสหรัฐ ได้เดินทางเข้าพบนายสมชาย ใจดี รัฐมนตรีว่าการกระทรวง"
        "การต่างประเทศ ในวันศุกร์ที่ผ่านมา (12 มิ.ย.) ในโอกาสการเดินทางเยือนไทย ระหว่างวันที่ 10 - 12 มิถุนายน 2563\n"
        "ทั้งสองฝ่ายยินดีที่ความสัมพันธ์อันใกล้ชิดระหว่างไทย-สหรัฐ มีพลวัตมากขึ้น และได้หารือเกี่ยวกับความร่วมมือด้านสาธารณสุข",
        None, "th", {("CourtesyCall", D(2020, 6, 12), ("TH", "US")), ("OfficialVisit", D(2020, 6, 10), ("TH", "US"))},
        id="a-foreign-name-without-honorific-a-day-inside-a-dated-visit-and-the-two-sides-going-on"),
    pytest.param(
        "The second round of Foreign Office Consultations (FOC) between Nepal and Thailand was held in Bangkok on "
        "Tuesday (1 March).\n"
        "Foreign Secretary of Nepal Ram Thapa and his Thai counterpart Permanent Secretary Somchai Dee led their "
        "respective delegations.\n"
        "The foreign secretary extended an invitation to the Thai Foreign Minister for a visit to Kathmandu at a "
        "mutually convenient time.", D(2022, 3, 1), "en", {("BilateralMeeting", D(2022, 3, 1), ("NP", "TH"))},
        id="foreign-office-consultations-and-an-invitation-to-visit"),
    pytest.param(
        "15 ต.ค.57 ที่ห้องรับรองกระทรวงมหาดไทย นายทาโร ยามาดะ เอกอัครราชทูตญี่ปุ่นประจำประเทศไทย\n"
        "ได้เข้าเยี่ยมคารวะ พล.อ.สมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย เพื่อแสดงความยินดีเนื่องในโอกาสเข้ารับตำแหน่ง",
        None, "th", {("CourtesyCall", D(2014, 10, 15), ("JP", "TH"))}, id="a-line-broken-before-its-verb"),
    pytest.param(
        "NEW DELHI: Indian Prime Minister Raj Kumar attended the East Asia Summit in Vientiane, Laos on 11 October "
        "2024.\n"
        "Kumar met Thailand’s Prime Minister Somchai Dee for the first time on the margins of the East Asia Summit.\n"
        "Kumar also held separate meetings with President Son Khammy of Laos and discussed ways to expand ties.",
        D(2024, 10, 12), "en", {("MultilateralMeeting", D(2024, 10, 11), ("IN", "LA", "TH")),
                                ("BilateralMeeting", D(2024, 10, 11), ("IN", "TH")),
                                ("BilateralMeeting", None, ("IN", "LA"))},
        id="a-sideline-meeting-of-a-one-day-summit-and-separate-meetings"),
    pytest.param(
        "เมื่อวันที่ ๒๙ ธันวาคม ๒๕๖๕ นายสมศักดิ์ รักดี กงสุลใหญ่ ณ แขวงสะหวันนะเขตเข้าร่วมการหารือในโอกาสที่นายสมชาย ใจดี "
        "ผู้ว่าราชการจังหวัดมุกดาหาร เข้าเยี่ยมคารวะนายสอน คำมี เจ้าแขวงสะหวันนะเขต ภายหลังเข้ารับหน้าที่", None, "th",
        {("CourtesyCall", D(2022, 12, 29), ("LA", "TH"))}, id="a-lao-provincial-governor-and-a-consul-posted-there"),
    pytest.param(
        "( 16 พ.ย.66) นายสมชาย ใจดี ผู้ว่าราชการจังหวัดอุบลราชธานี เดินทางเข้าร่วมหารือข้อราชการ ระหว่างจังหวัดอุบลราชธานี "
        "และแขวงสาละวัน นำโดย ดร.สอน คำมี เจ้าแขวงสาละวัน ที่ห้องประชุมเมืองละคอนเพ็ง", None, "th",
        {("BilateralMeeting", D(2023, 11, 16), ("LA", "TH"))}, id="a-spaced-date-in-parentheses-and-a-lao-province"),
    pytest.param(
        "วันนี้ (30 พ.ค. 67) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ พร้อมคณะ เดินทางเยือนสาธารณรัฐประชาธิปไตย"
        "ประชาชนลาวอย่างเป็นทางการ โดยมี นางสาวสุดา ดี เอกอัครราชทูต ณ เวียงจันทน์ ให้การต้อนรับ", D(2024, 5, 30), "th",
        {("OfficialVisit", D(2024, 5, 30), ("LA", "TH"))}, id="a-visit-the-dated-leads-verb-and-an-ambassador-posted-there"),
    pytest.param(
        "วันที่ 5 ก.พ. 68 นายสมศักดิ์ รักดี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นายสมชาย ใจดี นายกรัฐมนตรี และคณะ "
        "มีกำหนดเดินทางเยือนสาธารณรัฐประชาชนจีนอย่างเป็นทางการ ระหว่างวันที่ 5 – 8 ก.พ.นี้", D(2025, 2, 5), "th",
        {("OfficialVisit", D(2025, 2, 5), ("CN", "TH"))}, id="a-visit-with-its-span-keeps-it"),
    pytest.param(
        "PHNOM PENH, May 1, 2013 (Xinhua) -- The 9th Cambodia-Thailand General Border Committee (9th GBC) meeting will "
        "be held in Thailand on May 16-17 to discuss border security.\n"
        "The meeting will be co-chaired by the two defence ministers (Gen. Sok Chea of Cambodia and Gen. Somchai Dee of "
        "Thailand), he said.", D(2013, 5, 1), "en", {("BilateralMeeting", D(2013, 5, 16), ("KH", "TH"))},
        id="a-committees-numbered-meeting-its-days-not-the-datelines"),
    pytest.param(
        "วันนี้ (19 ธ.ค. 2558) นายสมชาย ใจดี นายกรัฐมนตรี และนายสอน คำมี นายกรัฐมนตรีกัมพูชา แถลงข่าวภายหลังการประชุม"
        "คณะรัฐมนตรีร่วมอย่างไม่เป็นทางการครั้งที่ 2 ในวันนี้ (19 ธ.ค. 2558)", D(2015, 12, 19), "th",
        {("BilateralMeeting", D(2015, 12, 19), ("KH", "TH"))}, id="the-meeting-after-which-a-press-conference-keeps-its-day"),
    pytest.param(
        "September 3, 2019, Senior General Aung Min, Commander-in-Chief of the Myanmar Armed Forces, paid a courtesy call "
        "on Prime Minister Somchai Dee on the occasion of his visit to Thailand to attend the 7th Thailand-Myanmar High "
        "Level Committee (HLC).", None, "en", {("CourtesyCall", D(2019, 9, 3), ("MM", "TH")),
                                              ("BilateralMeeting", None, ("MM", "TH"))},
        id="a-committee-a-visit-was-made-to-attend-takes-no-day-of-the-call"),
    pytest.param(
        "วันนี้ (16 พฤศจิกายน) ที่ทำเนียบรัฐบาล นายสมชาย ใจดี นายกรัฐมนตรี ให้การต้อนรับ นายเหงียน วัน นาม ประธานาธิบดีเวียดนาม "
        "ในโอกาสเดินทางเยือนประเทศไทยอย่างเป็นทางการ ที่จะเข้าร่วมการประชุมความร่วมมือทางเศรษฐกิจในภูมิภาคเอเชีย-แปซิฟิก (APEC) "
        "ซึ่งประเทศไทยเป็นเจ้าภาพระหว่างวันที่ 16-19 พฤศจิกายนนี้", D(2022, 11, 16), "th",
        {("BilateralMeeting", D(2022, 11, 16), ("TH", "VN")), ("OfficialVisit", None, ("TH", "VN")),
         ("MultilateralMeeting", D(2022, 11, 16), ("TH", "VN"))},
        id="the-days-of-a-conference-a-visit-is-made-to-attend-are-the-conferences"),
    pytest.param(
        "Cambodia's Interior Minister Sok An and his Thai counterpart Somchai Dee on Friday signed a minute, after the "
        "two ministers co- chaired the fifth meeting of governors of Cambodian and Thai border provinces.",
        D(2024, 4, 27), "en", {("AgreementSigning", D(2024, 4, 26), ("KH", "TH")),
                               ("BilateralMeeting", D(2024, 4, 26), ("KH", "TH"))},
        id="co-chaired-broken-by-a-space"),
    pytest.param(
        "On 6 October 2014, Thailand and Mexico held their first Political Consultations in Mexico City. The consultations "
        "are held under the Memorandum of Understanding on Political Consultations, signed in 2011 by Thai Foreign "
        "Minister Somchai Dee and Mexican Foreign Minister Ana Ruiz in Honolulu.", D(2014, 10, 13), "en",
        {("BilateralMeeting", D(2014, 10, 6), ("MX", "TH"))}, id="a-signing-of-an-earlier-year-is-background"),
    pytest.param(
        "เมื่อวันที่ 6 ตุลาคม 2557 นายสมชาย ใจดี อธิบดีกรมอเมริกา ได้หารือกับนายอเลฮันโดร รุยซ์ อธิบดีกรมเอเชียแปซิฟิกเม็กซิโก "
        "ภายใต้บันทึกความเข้าใจว่าด้วยการหารือทางการเมืองระหว่างไทยกับเม็กซิโก ซึ่งลงนามเมื่อปี 2554", D(2014, 10, 13), "th",
        {("BilateralMeeting", D(2014, 10, 6), ("MX", "TH"))}, id="a-signing-of-an-earlier-buddhist-era-year-is-background"),
    pytest.param(
        "ประชุมร่วม ครม.ไทย-ลาว ชื่นมื่น เซ็นบันทึกความเข้าใจ 3 ฉบับ\n"
        "วันนี้ (5 มี.ค. 2567) นายสมชาย ใจดี นายกรัฐมนตรี และนายสอน คำมี นายกรัฐมนตรีลาว แถลงข่าวภายหลังการประชุม"
        "คณะรัฐมนตรีร่วมไทย-ลาว ครั้งที่ 3 ที่ทำเนียบรัฐบาล", D(2024, 3, 5), "th",
        {("AgreementSigning", D(2024, 3, 5), ("LA", "TH")), ("BilateralMeeting", D(2024, 3, 5), ("LA", "TH"))},
        id="a-signing-the-headline-gives-as-the-outcome-of-the-meeting-the-lead-dates"),
    pytest.param(
        "ไทย-ลาว ได้ 3 MOU\nรัฐบาลไทยและลาวลงนามความตกลง 3 ฉบับ ส่งเสริมความร่วมมือด้านการค้า\n"
        "5 มี.ค. 2567 วันนี้ เมื่อเวลา 10.30 น. นายสมชาย ใจดี นายกรัฐมนตรี หารือเต็มคณะกับนายสอน คำมี นายกรัฐมนตรีลาว "
        "ที่ทำเนียบรัฐบาล", D(2024, 3, 5), "th",
        {("AgreementSigning", None, ("LA", "TH")), ("BilateralMeeting", D(2024, 3, 5), ("LA", "TH"))},
        id="a-signing-a-summary-states-apart-from-the-dated-talks-keeps-no-day"),
]


def test_a_mission_to_a_state_says_nothing_of_the_envoys_state_and_sideline_talks_are_in_person() -> None:
    found = facts("Mission to Thailand of Undersecretary for Foreign Affairs Anna Rossi (16-18 May)\nItalian "
                  "Undersecretary for Foreign Affairs Anna Rossi visited Thailand from 16 to 18 May. On the sidelines of "
                  "UN-ESCAP, Undersecretary Rossi had bilateral meetings with the Prime Minister of Samoa, Tala Mose, and "
                  "with the Minister of Finance of Tuvalu, Seve Tala.", D(2023, 5, 19), "en")
    assert {(p.name, p.country) for p in found.people} == {("Anna Rossi", "IT"), ("Tala Mose", "WS"), ("Seve Tala", "TV")}
    assert {(e.kind, e.countries, e.mode) for e in found.events} == {
        ("OfficialVisit", ("IT", "TH"), "InPerson"), ("BilateralMeeting", ("IT", "WS"), "InPerson"),
        ("BilateralMeeting", ("IT", "TV"), "InPerson")}


@pytest.mark.parametrize("url,state", [("https://2015-2019.kormany.hu/en/ministry/news/x", "HU"),
                                       ("https://ambbangkok.esteri.it/en/news/x", "IT"),
                                       ("https://www.state.gov/secretary-x", "US")])
def test_a_government_site_without_gov_in_its_name_is_that_government_speaking(url, state) -> None:
    found = facts("The Minister of Foreign Affairs Péter Kovács held talks with Thai Foreign Minister Somchai Dee in "
                  "Bangkok on Sunday.", D(2018, 11, 18), "en", url=url)
    assert {(p.name, p.country) for p in found.people} == {("Péter Kovács", state), ("Somchai Dee", "TH")}


@pytest.mark.parametrize("body", [
    "VIENTIANE — The governments of Laos and Thailand signed four agreements in Vientiane yesterday during an official "
    "visit to Laos by Thai Prime Minister Somchai Dee. Prime Minister Somchai came at the invitation of Prime Minister "
    "Sone Khammy.\nThe two prime ministers and their delegations evaluated the state of cooperation between Laos and "
    "Thailand.",
    "On 8 October, Laos and Thailand signed four agreements on water resources.\nLao Prime Minister Sone Khammy and Thai "
    "Prime Minister Somchai Dee have agreed to deepen cooperation.\nBeyond the signed agreements, the two leaders "
    "assessed the broader state of cooperation between their countries.",
], ids=["the-two-prime-ministers-evaluated", "the-two-leaders-assessed"])
def test_the_two_leaders_review_of_relations_is_talks_between_them(body) -> None:
    talks = [e for e in facts(body, D(2024, 10, 10), "en").events if e.kind == "BilateralMeeting"]
    assert [(e.countries, set(e.participants)) for e in talks] == [(("LA", "TH"), {"somchai-dee", "sone-khammy"})]


def test_a_name_cut_from_its_title_by_a_line_break_is_no_one() -> None:
    found = people("นายทองใบ สีสุข นายกรัฐมนตรีลาว มีกำหนดเยือนไทย ระหว่างวันที่ 5 – 6 กรกฎาคม 2559 นายก\n"
                   "รัฐมนตรีลาว พร้อมภริยาและคณะ จะเดินทางมาถึงในวันที่ 5 กรกฎาคม 2559", D(2016, 7, 1))
    assert found == {("ทองใบ สีสุข", "LA")}


def test_who_else_attended_a_meeting_held_somewhere() -> None:
    found = facts("On 6 October 2014, Thailand and Mexico held their first Political Consultations, co-chaired by Mr. "
                  "Somchai Dee, Director General of the Ministry of Foreign Affairs of Thailand, and Mr. Pedro Ruiz, "
                  "Director General of the Ministry of Foreign Affairs of Mexico. The meeting, held at the Ministry of "
                  "Foreign Affairs of Mexico, was also attended by Mr. Suchart Jaidee, the Ambassador of Thailand to "
                  "Mexico.", D(2014, 10, 13), "en")
    assert {p for e in found.events for p in e.participants} == {"somchai-dee", "pedro-ruiz", "suchart-jaidee"}


def test_the_heads_of_delegations_and_a_name_again_without_its_middle() -> None:
    found = facts("The second round of Foreign Office Consultations between Bangladesh and Thailand was held in Bangkok on "
                  "Tuesday (1 March).\nForeign Secretary of Bangladesh Rafiq Bin Ahmed and his Thai counterpart Permanent "
                  "Secretary Somchai Dee led their respective delegations.\nForeign Secretary Rafiq Ahmed also paid a "
                  "courtesy call on the Thai Foreign Minister.", D(2022, 3, 1), "en")
    assert [sorted(e.participants) for e in found.events if e.kind == "BilateralMeeting"] == [
        ["rafiq-bin-ahmed", "somchai-dee"]]
    assert {p.key for p in found.people} == {"rafiq-bin-ahmed", "somchai-dee"}


@pytest.mark.parametrize("body", [
    "CHIANG MAI, Thailand, Feb. 16 (Xinhua) -- Visiting Chinese Foreign Minister Wang Li and Thai Foreign Minister "
    "Somchai Dee held here Saturday strategic consultations.",
    "Japanese Prime Minister Taro Sato and his Thai counterpart Somchai Dee on Monday held talks on the sidelines the "
    "Mekong-Japan Summit Meeting.",
    "On 6 October 2014, Thailand and Mexico held their first Political Consultations. The meeting, held at the Ministry "
    "of Foreign Affairs of Mexico, was also attended by Mr. Suchart Jaidee, the Ambassador of Thailand to Mexico.",
], ids=["held-here", "sidelines-without-of", "a-later-sentence-gives-the-place"])
def test_talks_with_a_place_are_in_person(body) -> None:
    talks = [e for e in facts(body, D(2019, 2, 16), "en").events if e.kind == "BilateralMeeting"]
    assert [e.mode for e in talks] == ["InPerson"]


def test_a_meeting_the_release_calls_the_call_is_a_courtesy_call() -> None:
    found = facts("Senior General Aung Min receives goodwill delegation led by Commander-in-Chief of Royal Thai Army\n"
                  "Senior General Aung Min, Commander-in-Chief of the Myanmar Armed Forces, met Commander-in-Chief of the "
                  "Royal Thai Army General Somchai Dee at the Zeyathiri Villa yesterday.\nAt the call, the Senior General "
                  "expressed his condolences.", D(2017, 1, 24), "en").events
    assert [(e.kind, e.date, e.mode) for e in found] == [("CourtesyCall", D(2017, 1, 23), "InPerson")]


def test_a_visit_concluded_today_began_some_other_day_and_a_name_written_with_one_letter_less() -> None:
    found = facts("BANGKOK: Malaysian Senior Minister of Defence Datuk Seri Hishammuddin Hussein paid a courtesy call on "
                  "Thailand's Acting Prime Minister Somchai Dee at Government House, concluding his working visit to "
                  "Thailand today.\nHishamuddin also met Thai Prime Minister Suchart Jaidee on Monday.",
                  D(2022, 8, 30), "en").events
    visit = next(e for e in found if e.kind == "OfficialVisit")
    assert (visit.date, visit.countries) == (None, ("MY", "TH"))
    talks = next(e for e in found if e.kind == "BilateralMeeting")
    assert "hishammuddin-hussein" in talks.participants


def test_a_dialogue_named_with_us_abbreviated_and_an_office_of_several_portfolios() -> None:
    found = facts("The Sixth Thailand – United States Strategic Dialogue\nOn 14 July 2017, H.E. Mrs. Suda Dee, Permanent "
                  "Secretary of the Ministry of Foreign Affairs of the Kingdom of Thailand, led the Thai delegation to attend "
                  "the Sixth U.S. – Thailand Strategic Dialogue at the Department of State in Washington D.C., United "
                  "States. The Dialogue was co-chaired by Permanent Secretary Suda Dee and Acting Assistant Secretary of "
                  "State for East Asian and Pacific Affairs Mary Stone.", D(2017, 7, 15), "en")
    assert [(e.kind, e.date, e.countries, set(e.participants)) for e in found.events] == [
        ("BilateralMeeting", D(2017, 7, 14), ("TH", "US"), {"suda-dee", "mary-stone"})]


def test_talks_while_attending_a_summit_in_a_city_abroad() -> None:
    found = facts("พล.อ.สมชาย ใจดี นายกรัฐมนตรี หารือทวิภาคีกับ นายเหงียน วัน นาม นายกรัฐมนตรีเวียดนาม ในระหว่างการเข้าร่วม"
                  "ประชุมผู้นำเอเชีย-ยุโรป (อาเซม) ครั้งที่ 10 ที่เมืองมิลาน ประเทศอิตาลี", D(2014, 10, 17)).events
    assert {(e.kind, e.mode) for e in found} == {("BilateralMeeting", "InPerson"), ("MultilateralMeeting", "InPerson")}


def test_a_friendship_society_is_no_state() -> None:
    assert events("มท.1 ให้การต้อนรับและร่วมหารือนายกสมาคมมิตรภาพไทย-กัมพูชา และคณะ\nวันนี้ (29 ก.ย. 66) เวลา 10.30 น. "
                  "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ให้การต้อนรับ พลเอก สมศักดิ์ รักดี นายกสมาคมมิตรภาพไทย – "
                  "กัมพูชา และคณะ ในการประชุมหารือแนวทางการยกระดับความสัมพันธ์ระหว่างประเทศไทย – กัมพูชา",
                  D(2023, 9, 29)) == set()


def test_a_call_whose_talks_plan_a_joint_commission_is_one_call() -> None:
    found = facts("Courtesy Call of the Principal Secretary of the Republic of Kenya on the Deputy Permanent Secretary for "
                  "Foreign Affairs\nBANGKOK, Thailand, March 27, 2024/APO Group/ --\nOn 20 March 2024, at the Ministry of "
                  "Foreign Affairs, H.E. Ms. Suda Dee, Deputy Permanent Secretary for Foreign Affairs, received H.E. Ms. "
                  "Mary Wanjiru, Principal Secretary, Ministry of Foreign Affairs, Republic of Kenya.\nBoth sides discussed "
                  "plans for organising the 2nd Meeting of the Joint Commission for Bilateral Cooperation between the "
                  "Kingdom of Thailand and the Republic of Kenya, to be held in Bangkok in 2024.", D(2024, 3, 27), "en")
    assert [(e.kind, e.date, e.countries) for e in found.events] == [("CourtesyCall", D(2024, 3, 20), ("KE", "TH"))]


def test_a_round_of_negotiations_in_capitals_is_a_meeting() -> None:
    assert events("The Fourth Round of Negotiations for a Free Trade Agreement (FTA) between Chile and Thailand was held "
                  "in Santiago on 20 March 2012.", D(2012, 3, 21), "en") == {("BilateralMeeting", D(2012, 3, 20), ("CL", "TH"))}


def test_a_signing_ceremony_in_a_title_case_headline() -> None:
    body = ("Signing Ceremony of the Memorandum of Understanding between Thailand and Japan on Energy Cooperation\n"
            "On 5 May 2023, the two ministers attended the ceremony in Tokyo.")
    assert events(body, D(2023, 5, 6), "en") == {("AgreementSigning", D(2023, 5, 5), ("JP", "TH"))}
    assert agreements(body, D(2023, 5, 6), "en") == {("MemorandumOfUnderstanding", ("JP", "TH"), "Signed")}


@pytest.mark.parametrize("headline", ["Thai Foreign Minister Somchai Dee Meets Lao Foreign Minister Sone Khammy",
                                      "Thai Foreign Minister Somchai Dee Holds Talks with Lao Foreign Minister Sone Khammy"])
def test_a_title_case_headlines_meeting_verb(headline) -> None:
    assert events(headline + "\nThe two ministers discussed border trade and the new bridge.", D(2023, 5, 6), "en") == {
        ("BilateralMeeting", None, ("LA", "TH"))}


def test_political_consultations_are_bilateral_and_an_instruments_subject_is_no_meeting() -> None:
    assert events("On 27 April 2023, Thailand hosted the Fifth Political Consultations (PC) between the Kingdom of Thailand "
                  "and the Argentine Republic at the Ministry of Foreign Affairs in Bangkok.", D(2023, 5, 11), "en") == {
        ("BilateralMeeting", D(2023, 4, 27), ("AR", "TH"))}
    assert events("The consultations are a mechanism under the Memorandum of Understanding between the Ministry of Foreign "
                  "Affairs of the Kingdom of Thailand and the Ministry of Foreign Affairs of the United Mexican States on "
                  "Political Consultations and Other Matters of Common Interest.", D(2014, 10, 13), "en") == set()


def test_a_named_meeting_said_to_be_held_is_news_without_a_day() -> None:
    found = facts("Hungary deal to deepen ties\nPeter Nagy, Hungary's deputy state secretary, and Somchai Dee, deputy "
                  "permanent secretary for foreign affairs, at the Foreign Affairs Ministry.\nThailand and Hungary yesterday agreed to deepen economic ties in the third "
                  "session of the Thai-Hungarian Joint Commission for Economic Cooperation (JCEC), which was held at the "
                  "Foreign Affairs Ministry.\nAccording to the ministry's deputy permanent secretary, Somchai Dee, "
                  "cooperation has proceeded smoothly.", None, "en")
    assert [(e.kind, e.date, e.countries) for e in found.events] == [("BilateralMeeting", None, ("HU", "TH"))]


def test_a_signing_after_the_talks_is_between_their_sides_and_the_talks_after_which_one_speaks_are_not_new() -> None:
    assert events("ในโอกาสที่นายกรัฐมนตรีเกาหลีใต้จะประชุมหารือทวิภาคีกับนายกรัฐมนตรี ในวันที่ 11 ตุลาคม 2559 ที่ทำเนียบรัฐบาล "
                  "รัฐมนตรีว่าการกระทรวงศึกษาธิการได้เข้าร่วมการประชุมหารือดังกล่าวด้วย และภายหลังการหารือจะมีการลงนามใน"
                  "บันทึกความเข้าใจว่าด้วยความร่วมมือทางการศึกษา", D(2016, 10, 10)) == {
        ("BilateralMeeting", D(2016, 10, 11), ("KR", "TH")), ("AgreementSigning", D(2016, 10, 11), ("KR", "TH"))}
    assert events("วันนี้ (19 พ.ค. 2559) เวลา 15.00 น. นายติน จ่อ ประธานาธิบดีเมียนมา เข้าเยี่ยมคารวะ พลเอก สมชาย ใจดี "
                  "นายกรัฐมนตรี\nภายหลังเสร็จสิ้นการหารือ พลตรี สมศักดิ์ รักดี รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า "
                  "ทั้งสองฝ่ายยินดีต่อความสัมพันธ์", D(2016, 5, 19)) == {("CourtesyCall", D(2016, 5, 19), ("MM", "TH"))}


def test_the_programme_of_a_one_day_visit_listed_a_line_each() -> None:
    body = ("1. Outcomes of the Lao Prime Minister’s Official Visit to Thailand (7 Feb 2024)\n"
            "• On 7 February 2024, Sone Khammy, Prime Minister of the Lao PDR, paid an official visit to Thailand as Guest "
            "of the Government.\n• Major programmes\n• The Royal Audience with His Majesty King Rama Dee of Thailand\n"
            "• With the Prime Minister: a bilateral meeting, being witnesses of 3 MoU signing ceremonies, and a Joint Press "
            "Conference")
    assert events(body, D(2024, 2, 8), "en") == {(kind, D(2024, 2, 7), ("LA", "TH")) for kind in (
        "OfficialVisit", "CourtesyCall", "BilateralMeeting", "AgreementSigning")}


def test_a_visit_that_only_marks_the_time_of_other_talks() -> None:
    found = events("ก่อนที่จะเยือนไทย นายจอห์น สมิธ รัฐมนตรีต่างประเทศอังกฤษ ได้เข้าหารือกับนางมี มี รัฐมนตรีต่างประเทศเมียนมา",
                   D(2017, 10, 1))
    assert found == {("BilateralMeeting", None, ("GB", "MM"))}


def test_the_visit_of_an_office_holder_and_a_briefings_own_day_in_its_headline() -> None:
    body = ("Transcript of Media Briefing on the upcoming visit of the President of Chile to Thailand (March 3, 2019)\n"
            "Spokesperson: Good afternoon and welcome to this briefing on the forthcoming visit of the President of "
            "Chile to Thailand from the 5th to the 7thof March.")
    assert events(body, D(2019, 3, 3), "en") == {("OfficialVisit", D(2019, 3, 5), ("CL", "TH"))}


def test_a_wires_dateline_with_its_dash_glued_to_the_lead_dates_no_event() -> None:
    body = ("BANGKOK, 22 September 2014 (NNT) –Lao Foreign Minister Sone Khammy met Thai Foreign Minister Somchai Dee "
            "on Sunday.")
    assert events(body, D(2014, 9, 22), "en") == {("BilateralMeeting", D(2014, 9, 21), ("LA", "TH"))}


def test_a_wires_dateline_dates_no_event() -> None:
    body = ("Thai premier meets Lao minister\nBANGKOK, Nov 25 (TNA) - Lao Foreign Minister Sone Khammy meets Thai premier "
            "to boost trade ties. Sone Khammy met Prime Minister Somchai Dee at Government House on Friday.")
    assert events(body, D(2017, 11, 25), "en") == {("BilateralMeeting", D(2017, 11, 24), ("LA", "TH"))}


def test_indian_honorifics_end_no_sentence_and_are_no_name() -> None:
    body = "During the visit, PM Somchai Dee called on Smt. Meera Kumar, the President of India."
    found = facts(body, D(2012, 1, 26), "en")
    assert {("Meera Kumar", "IN"), ("Somchai Dee", "TH")} == {(p.name, p.country) for p in found.people}
    assert [e.evidence for e in found.events] == [(body,)]


def test_a_leader_welcomed_to_a_state_meets_its_host() -> None:
    body = "Joint Communique\nPrime Minister Anna Brown warmly welcomed Prime Minister Somchai Dee to New Zealand on 4 May 2015."
    assert events(body, D(2015, 5, 5), "en") == {("BilateralMeeting", D(2015, 5, 4), ("NZ", "TH"))}


def test_officials_met_without_their_states_are_the_sides_the_lead_gave() -> None:
    body = ("S. Korea, Thailand hold consultations\nSEOUL, Oct. 7 (Yonhap) -- South Korea and Thailand have had working-level "
            "consultations on regional issues, the ministry said Friday.\nKim Min-ho, head of the ministry's Peace Bureau, met "
            "with Dara Dee, who leads the East Asia department, in Bangkok on Thursday.")
    assert events(body, D(2022, 10, 7), "en") == {("BilateralMeeting", D(2022, 10, 6), ("KR", "TH"))}


@pytest.mark.parametrize("body", [
    "Thai Commerce Minister Somchai Dee met US Trade Representative John Ward on the sidelines of the APEC summit in "
    "Lima on Friday.",
    "The ministers of Asia-Pacific Economic Cooperation (APEC) ministerial meeting opened in Lima on Friday.",
    "Japan's foreign minister held a meeting with the Thai foreign minister in Manila during an Asia-Pacific Economic "
    "Cooperation (APEC) ministerial meeting on Monday.",
])
def test_a_named_bodys_meeting_written_in_lower_case(body) -> None:
    assert "MultilateralMeeting" in {kind for kind, _d, _c in events(body, D(2015, 11, 16), "en")}


def test_a_call_reported_in_an_interview_is_of_its_own_day() -> None:
    body = ("เมื่อเวลา 10.30 น. วันที่ 12 มีนาคม ที่ทำเนียบรัฐบาล นายสมชาย ใจดี นายกรัฐมนตรี ให้สัมภาษณ์ว่า นายลี ซุน "
            "นายกรัฐมนตรีสิงคโปร์ ได้โทรศัพท์พูดคุยแสดงความยินดี โดยนายสมชาย ยอมรับว่า เมื่อวาน (11 มี.ค.) นายลีได้โทรมาหาพูดคุย"
            "ถึงการประชุมอาเซียน")
    assert events(body, D(2025, 3, 12)) == {("BilateralMeeting", D(2025, 3, 11), ("SG", "TH"))}


def test_the_head_of_a_states_delegation_is_of_that_state() -> None:
    body = ("BANGKOK, May 30 — Indonesia is committed to renewing its fisheries cooperation, said Fisheries Minister Ahmad "
            "Yusuf.\nEarlier, Ahmad, who led the Indonesian delegation on a three-day working visit to Thailand, held a "
            "bilateral meeting with Thai officials.")
    assert ("Ahmad Yusuf", "ID") in people(body, D(2025, 5, 30), "en")


def test_an_instrument_put_to_work_is_no_signing_reported() -> None:
    body = ("BEIJING, May 3 (Xinhua) -- Chinese Premier Li Wei held talks Tuesday with Thai Prime Minister Somchai Dee. "
            "China was willing to actively implement the five-year plan for trade cooperation signed by the two sides, Li said.")
    assert events(body, D(2016, 5, 4), "en") == {("BilateralMeeting", D(2016, 5, 3), ("CN", "TH"))}


def test_a_caption_running_a_name_into_another_states_office_and_visits_in_the_plural() -> None:
    body = ("MANILA, March 22 (PNA) -- Secretary Juan Cruz summarized the results of President Jose Rizal's official "
            "visits to Thailand, which cap his introductory visits.\nThai President U\nSomchai Dee Philippines President "
            "Jose Rizal\n|")
    found = facts(body, D(2017, 3, 22), "en")
    assert {("OfficialVisit", None, ("PH", "TH"))} <= {(e.kind, e.date, e.countries) for e in found.events}
    assert "Somchai Dee Philippines President Jose Rizal" not in {p.name for p in found.people}


@pytest.mark.parametrize("body,kind", [
    ("1 ก.พ. 2567 – นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ เปิดเผยว่า ตนได้พบหารือกับ นายราเมช ซิงห์ "
     "เอกอัครราชทูตอินเดียประจำประเทศไทย เมื่อวันที่ 31 มกราคม ที่ผ่านมา", "BilateralMeeting"),
    ("1 ก.พ. 2567 – นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ ให้การต้อนรับ นายราเมช ซิงห์ "
     "เอกอัครราชทูตอินเดียประจำประเทศไทย เมื่อวันที่ 31 มกราคม ที่ผ่านมา", "CourtesyCall"),
])
def test_a_minister_holding_talks_with_an_envoy_or_receiving_his_call(body, kind) -> None:
    assert events(body, D(2024, 2, 1)) == {(kind, D(2024, 1, 31), ("IN", "TH"))}


def test_a_summit_the_headline_says_the_leader_joined_undated() -> None:
    body = ("นายกรัฐมนตรี ร่วมการประชุมสุดยอดอาเซียน-ญี่ปุ่น สมัยพิเศษ ผ่านระบบการประชุมทางไกล\n"
            "นายสมชาย ใจดี นายกรัฐมนตรี เข้าร่วมการประชุมสุดยอดอาเซียน-ญี่ปุ่น สมัยพิเศษ ผ่านระบบการประชุมทางไกล "
            "โดยนายทาโร ยามาดะ นายกรัฐมนตรีญี่ปุ่น และสมเด็จพระราชาธิบดีแห่งบรูไนดารุซซาลาม เป็นประธานร่วม")
    found = facts(body, None)
    assert [(e.kind, e.date) for e in found.events] == [("MultilateralMeeting", None)]
    assert {"JP", "TH"} <= set(found.events[0].countries)


def test_a_call_on_ones_own_ambassador_abroad_is_no_diplomacy() -> None:
    body = ("เมื่อวันที่ 4 กุมภาพันธ์ 2563 นายสมชาย ใจดี ปลัดกระทรวงแรงงาน เข้าเยี่ยมคารวะนายสมศักดิ์ รักไทย "
            "เอกอัครราชทูต ณ กรุงโตเกียว")
    assert events(body, D(2020, 2, 5)) == set()


def test_a_long_name_with_its_connectives_and_the_meeting_it_prepares() -> None:
    body = ("H.E. Mr. Somchai Dee, Minister of Foreign Affairs of Thailand, attended the 16th Bay of Bengal Initiative for "
            "Multi-Sectoral Technical and Economic Cooperation (BIMSTEC) Ministerial Meeting on 29 August 2018 to prepare "
            "for the 4th BIMSTEC Summit in Kathmandu, Nepal.")
    found = facts(body, D(2018, 9, 7), "en")
    named = {e.name: e.date for e in found.events}
    assert named.get("16th Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation (BIMSTEC) "
                     "Ministerial Meeting") == D(2018, 8, 29)
    assert named.get("4th BIMSTEC Summit", "not there") in (None, "not there")


def test_a_building_before_an_office_is_no_name() -> None:
    body = ("At the Ivory Room, Santi Maitri Building, Government House, Prime Minister Somchai Dee held a telephone "
            "conversation with Prime Minister Anna Brown of New Zealand on 10 June 2020.")
    assert "Government House" not in {p.name for p in facts(body, D(2020, 6, 11), "en").people}


def test_a_signing_only_supposed_is_no_signing() -> None:
    body = ("The new Chilean ambassador to Thailand paid a courtesy call to Commerce Minister Somchai Dee on Tuesday.\n"
            "Speaking to reporters after meeting Chilean Ambassador Juan Perez at the Commerce Ministry, Somchai said both "
            "sides agreed to support the FTA talks, so the pact can be signed as scheduled next year.\nSomchai said once "
            "the FTA pact is signed, it would boost confidence among both Thai and Chilean businesses.")
    assert "AgreementSigning" not in {kind for kind, _d, _c in events(body, D(2016, 3, 10), "en")}


def test_a_visit_to_a_ministry_is_no_state_visit() -> None:
    body = ("This week Danish Ambassador Jon Berg visited the Ministry of Transport to continue the close cooperation "
            "between Denmark and Thailand.")
    assert "OfficialVisit" not in {kind for kind, _d, _c in events(body, D(2021, 4, 2), "en")}


def test_companions_of_the_premier_the_sentence_before_names() -> None:
    body = ("Thai PM leaves for Australia\nBANGKOK, May 26 — Thai Prime Minister Somchai Dee left Bangkok this morning "
            "for an official visit to Australia as a guest of the Australian Government.\nThe premier was accompanied by "
            "Foreign Minister Anan Dee, Commerce Minister Boonchu Rak as well as businessmen.\nHe will meet Prime "
            "Minister Anna Brown in Canberra.")
    found = people(body, D(2012, 5, 26), "en")
    assert {("Anan Dee", "TH"), ("Boonchu Rak", "TH")} <= found


def test_credentials_presented_and_an_envoy_named_again_by_family_name() -> None:
    body = ("Bangkok, Thailand – On December 12, 2013, His Excellency John K. Tamao, Ambassador of the Federated States of "
            "Micronesia to the Kingdom of Thailand, took part in a ceremony to present his Credentials to the King of "
            "Thailand. Ambassador Tamao was among other Ambassadors presenting their credentials.")
    found = facts(body, D(2014, 1, 8), "en")
    assert {(e.kind, e.date, e.countries) for e in found.events} == {("CourtesyCall", D(2013, 12, 12), ("FM", "TH"))}
    assert "Tamao" not in {p.name for p in found.people}


def test_a_headlines_call_takes_the_verbless_leads_day_and_its_delegation_list() -> None:
    body = ("รมว.มหาดไทย นำคณะ เข้าเยี่ยมคารวะ นายสุข ใจดี นายกรัฐมนตรีแห่งราชอาณาจักรกัมพูชา\n"
            "เมื่อเวลาประมาณ 15.30 น.วันนี้ (24 ส.ค.60) พลเอก สมชาย รักไทย รัฐมนตรีว่าการกระทรวงมหาดไทย "
            "พร้อมด้วยนายสมศักดิ์ มั่นคง เอกอัครราชทูตไทย ณ กรุงพนมเปญ\n"
            "นายอนันต์ ดีงาม ที่ปรึกษารัฐมนตรีว่าการกระทรวงมหาดไทย\n")
    found = facts(body, D(2017, 8, 24))
    assert [(e.kind, e.date) for e in found.events] == [("CourtesyCall", D(2017, 8, 24))]
    assert {"สมชาย รักไทย", "สมศักดิ์ มั่นคง", "อนันต์ ดีงาม"} <= {p.name for p in found.people}


def test_the_day_a_minister_said_something_is_not_the_meetings() -> None:
    body = ("Chile aims to sign a free trade agreement with Thailand, said the country's foreign minister on July 28 as "
            "part of the 52nd ASEAN Foreign Ministers' Meeting.")
    assert all(d is None for _k, d, _c in events(body, D(2019, 7, 29), "en"))


def test_an_elections_day_dates_no_talks() -> None:
    body = ("เมื่อวันที่ 22 พฤศจิกายน 2564 นายสมชาย ใจดี นายกรัฐมนตรี หารือทางโทรศัพท์กับนายทาโร ยามาดะ นายกรัฐมนตรีญี่ปุ่น\n"
            "ทั้งสองฝ่ายได้หารือกันเป็นครั้งแรกหลังจากที่นายทาโรฯ เข้ารับตำแหน่งนายกรัฐมนตรีเมื่อวันที่ 10 พฤศจิกายน 2564 "
            "สืบเนื่องจากการเลือกตั้งทั่วไปในญี่ปุ่นเมื่อวันที่ 31 ตุลาคม 2564")
    assert {d for _k, d, _c in events(body, D(2021, 11, 23))} == {D(2021, 11, 22)}


def test_the_committee_organising_a_meeting_meets_at_home() -> None:
    body = ("10 กรกฎาคม 2567/ นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานการประชุมคณะกรรมการอำนวยการดำเนินการ"
            "จัดการประชุมรัฐมนตรีด้านการศึกษาอาเซียน ครั้งที่ 13 ที่กระทรวงศึกษาธิการ")
    assert events(body, D(2024, 7, 10)) == set()


def test_a_call_still_to_come_is_not_the_call_of_the_day() -> None:
    found = facts("April 30, 2013, at 1500hrs, Hungarian Deputy Prime Minister Zoltan Kis paid a courtesy call on Deputy "
                  "Prime Minister Somchai Dee at the Government House. On this occasion, Deputy PM Somchai thanked Hungary "
                  "for welcoming Thai Foreign Minister Suchart Jaidee who was scheduled to visit Hungary this coming June, "
                  "and would pay a courtesy call on the Hungarian Prime Minister Viktor Nagy.", D(2013, 4, 30), "en").events
    held = next(e for e in found if e.date == D(2013, 4, 30))
    assert "viktor-nagy" not in held.participants


def test_a_book_signed_is_no_agreement_signed() -> None:
    assert events("นายกรัฐมนตรี นำคณะรัฐมนตรีและเอกอัครราชทูตประเทศต่างๆ ร่วมลงนามถวายพระพร เนื่องในโอกาสวันขึ้นปีใหม่ ขณะที่ "
                  "ประชาชนทยอยมาร่วมลงนามถวายพระพร โดยจัดสถานที่ให้ประชาชนทั่วไปลงนาม บริเวณเต็นท์ข้างศาลาลูกขุน",
                  D(2013, 1, 1)) == set()
    assert events("The Ambassador of Laos signed the condolence book at the Ministry and signed a visitors' book at the "
                  "Embassy.", D(2016, 10, 20), "en") == set()


def test_a_minister_calling_on_a_minister_holds_talks() -> None:
    assert events("เมื่อวันที่ 11 มิ.ย. 61 นายสมชาย ใจดี เอกอัครราชทูต ณ กรุงโตเกียว ได้นำนายสมศักดิ์ รักดี รัฐมนตรีว่าการ"
                  "กระทรวงอุตสาหกรรม เข้าพบหารือกับนาย Taro Yamada รัฐมนตรีว่าการกระทรวงเศรษฐกิจ การค้า และอุตสาหกรรมญี่ปุ่น",
                  D(2018, 6, 11)) == {("BilateralMeeting", D(2018, 6, 11), ("JP", "TH"))}


@pytest.mark.parametrize("body", [
    "On this occasion, the Deputy Foreign Minister informed of the Prime Minister of Thailand’s intention to pay an "
    "official visit to South Africa this year.",
    "China welcomes Thai King Rama Dee paying a state visit to China at an early date, Foreign Minister Wang Li said.",
], ids=["an-intention-to-visit", "a-visit-at-an-early-date"])
def test_a_visit_intended_or_wished_for_is_no_event(body) -> None:
    assert events(body, D(2024, 1, 23), "en") == set()


def test_states_a_clause_says_something_lies_between_are_no_sides() -> None:
    assert events("On 26 September 2025, Foreign Minister Somchai Dee met with high-level representatives of various "
                  "member states who can be responsive to Thailand’s interests in managing the current border tensions "
                  "between Thailand and Cambodia.", D(2025, 9, 27), "en") == set()
    assert events("On 26 September 2025, Foreign Minister Somchai Dee held talks between Thailand and Cambodia in New "
                  "York.", D(2025, 9, 27), "en") == {("BilateralMeeting", D(2025, 9, 26), ("KH", "TH"))}


@pytest.mark.parametrize("body,issued,lang,expected", EVENTS)
def test_events(body, issued, lang, expected) -> None:
    assert events(body, issued, lang) == expected


# events a release must give, among others it may also give
EVENTS_AMONG = [
    pytest.param(
        "BANGKOK, Oct 24 — Prime Minister Ahmad Ali of Malaysia, who is on a two-day visit to Thailand beginning "
        "today, pledged help to end the violence in the south.\n"
        "\"We pledge to help,\" he said at a joint media conference with his Thai counterpart Somchai Dee at "
        "Government House here today.\n"
        "Earlier, both leaders and their delegations had held a bilateral meeting at the same venue.",
        D(2018, 10, 24), "en", {("BilateralMeeting", D(2018, 10, 24), ("MY", "TH"))},
        id="both-leaders-held-a-meeting-earlier-that-day"),
    pytest.param(
        "TOKYO: Japan's Prime Minister Sato Kenji on Monday (Feb 9) met his Thai counterpart Somchai Dee in Tokyo. "
        "Somchai is on a three-day visit to Japan.\n"
        "Somchai said Thailand would speed up its reforms.\n"
        "The two sides signed a memorandum on railway development in Thailand, while agreeing to study the "
        "Dawei economic zone in Myanmar.",
        D(2015, 2, 10), "en", {
            ("AgreementSigning", None, ("JP", "TH")),  # not Myanmar's, and its day not said
            ("OfficialVisit", None, ("JP", "TH"))  # a visit given a length is reported, not an occasion
        }, id="the-two-sides-sign-as-the-two-states-of-the-talks-a-paragraph-later-undated"),
    pytest.param(
        "ระหว่างวันที่ 3 - 5 ตุลาคม 2566 นายกรัฐมนตรีเดินทางเยือนญี่ปุ่นอย่างเป็นทางการ ในระหว่างการเยือน "
        "นายกรัฐมนตรีได้หารือกับนายฮิโรชิ ทานากะ (Mr. Hiroshi Tanaka) นายกรัฐมนตรีญี่ปุ่น",
        D(2023, 10, 6), "th", {
            ("OfficialVisit", D(2023, 10, 3), ("JP", "TH")),
            ("BilateralMeeting", None, ("JP", "TH"))
        }, id="undated-talks-during-a-visit-are-kept"),
    pytest.param(
        "โดยเฉพาะในวันที่ 9 ตุลาคม 2567 นายกฯ ได้หารือกับผู้นำ 2 ประเทศ โดยสรุปได้ดังนี้\n"
        "นายกรัฐมนตรี หารือทวิภาคี กับ นายจอห์น สมิธ นายกรัฐมนตรีนิวซีแลนด์ เรื่องการค้า",
        D(2024, 10, 12), "th", {("BilateralMeeting", D(2024, 10, 9), ("NZ", "TH"))},
        id="items-take-the-day-of-the-sentence-that-lists-them"),
    pytest.param(
        "27 ต.ค.2566 - โฆษกประจำสำนักนายกรัฐมนตรีเปิดเผยว่า นายสมชาย ใจดี นายกรัฐมนตรี มีกำหนดการเยือนกัมพูชาอย่างเป็นทางการ "
        "ในวันที่ 30 ตุลาคม 2566 ตามคำเชิญของนายสม รักดี นายกรัฐมนตรีกัมพูชา สำหรับกำหนดการสำคัญ นายกรัฐมนตรี "
        "มีกำหนดพบหารือทวิภาคีกับนายสม รักดี นายกรัฐมนตรีกัมพูชา",
        D(2023, 10, 27), "th", {("BilateralMeeting", D(2023, 10, 30), ("KH", "TH"))},
        id="talks-of-a-one-day-visit-are-on-its-day"),
    pytest.param(
        "Prime Minister Somchai Dee and Japanese Prime Minister Sato Ken shake hands before their meeting in Tokyo on "
        "Feb 9 2015.\nTOKYO: Japan's Prime Minister Sato Ken on Monday (Feb 9) met his counterpart Somchai Dee.",
        None, "en", {("BilateralMeeting", D(2015, 2, 9), ("JP", "TH"))}, id="a-day-named-again-without-its-year"),
    pytest.param(
        "17 ตุลาคม 2561 พลเอก สมชาย ใจดี ผู้บัญชาการทหารสูงสุด ให้การต้อนรับ พลเรือเอก John Ward "
        "ผู้บัญชาการกองกำลังสหรัฐอเมริกา ภาคพื้นอินโด – แปซิฟิก ในโอกาสเดินทางเยือนประเทศไทยอย่างเป็นทางการ "
        "ระหว่าง 16 ถึง 17 ตุลาคม 2561\n"
        "พลเรือเอก John Ward ได้ร่วมในพิธีตรวจแถวกองทหารเกียรติยศ หลังจากนั้นได้เข้าเยี่ยมคำนับ ผู้บัญชาการทหารสูงสุด",
        D(2018, 10, 17), "th", {("CourtesyCall", D(2018, 10, 17), ("TH", "US"))},
        id="a-call-after-the-ceremony-is-on-the-day-the-release-named"),
    pytest.param(
        "PM Lawrence Wong at the Joint Press Conference with Prime Minister of Thailand Somchai Dee\n"
        "Earlier this morning, Prime Minister Somchai and I reaffirmed our commitment to build on these "
        "strong foundations.",
        D(2025, 11, 7), "en", {("BilateralMeeting", D(2025, 11, 7), ("SG", "TH"))},
        id="a-speaker-and-the-guest-reaffirming-this-morning-met-on-the-release-day"),
    pytest.param(
        "On 30 June 2013, prior to the 46th ASEAN Foreign Ministers’ Meeting in Bandar Seri Begawan, Mr. Somchai "
        "Dee, Minister of Foreign Affairs of Thailand, met with Mr. Li Wei, Minister of Foreign Affairs of China.",
        D(2013, 6, 30), "en", {
            ("BilateralMeeting", D(2013, 6, 30), ("CN", "TH")),
            ("MultilateralMeeting", None, ("BN", "CN", "TH"))
        }, id="the-conference-a-talk-is-held-before-or-beside-keeps-no-day-of-the-talk"),
    pytest.param(
        "รมว.มหาดไทย นำคณะ เข้าเยี่ยมคารวะ สมเด็จ ฮุน มาแนต นายกรัฐมนตรีแห่งราชอาณาจักรกัมพูชา\n\n"
        "เมื่อเวลาประมาณ 15.30 น.วันนี้ (24 ส.ค.60) พลเอก สมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย พร้อมด้วย"
        "นายสมศักดิ์ รักดี เอกอัครราชทูตไทย ณ กรุงพนมเปญ",
        D(2017, 8, 24), "th", {("CourtesyCall", D(2017, 8, 24), ("KH", "TH"))},
        id="a-lead-with-only-a-day-dates-the-headline-event"),
    pytest.param(
        "SEOUL, May 3 (Yonhap) -- Korean Foreign Minister Kim Min-ho on Friday held talks with Somchai Dee, "
        "Thailand's minister of foreign affairs, on trade and security.\n"
        "Somchai is in South Korea on an official visit from May 1 to 4.",
        D(2019, 5, 3), "en", {("BilateralMeeting", D(2019, 5, 3), ("KR", "TH")),
                              ("OfficialVisit", D(2019, 5, 1), ("KR", "TH"))},
        id="is-in-a-state-on-an-official-visit"),
    pytest.param(
        "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ ซึ่งอยู่ระหว่างการเยือนญี่ปุ่นตามคำเชิญของนายทาโร ยามาดะ "
        "รัฐมนตรีว่าการกระทรวงการต่างประเทศญี่ปุ่น ได้หารือกับนายทาโร ยามาดะ เกี่ยวกับความร่วมมือด้านการค้า",
        None, "th", {("OfficialVisit", None, ("JP", "TH")), ("BilateralMeeting", None, ("JP", "TH"))},
        id="a-visit-at-the-hosts-invitation-is-reported-not-an-occasion"),
    pytest.param(
        "วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี นายกรัฐมนตรี และนายสอน คำมี นายกรัฐมนตรีลาว แถลงผลการประชุมคณะรัฐมนตรี"
        "ไทย - ลาว ครั้งที่ 3 ที่จ.หนองคาย", D(2023, 3, 5), "th", {("BilateralMeeting", D(2023, 3, 5), ("LA", "TH"))},
        id="a-joint-cabinet-named-by-its-two-states-is-no-domestic-cabinet"),
    pytest.param(
        "On 5 March 2023, Prime Minister Somchai Dee and Prime Minister Son Khammy of Laos co-chaired the 3rd "
        "Thailand-Laos Joint Cabinet Meeting in Nong Khai.", D(2023, 3, 5), "en",
        {("BilateralMeeting", D(2023, 3, 5), ("LA", "TH"))}, id="a-joint-cabinet-meeting-is-bilateral"),
    pytest.param(
        "Thailand's Prime Minister Somchai Dee welcomed his Lao counterpart Son Khammy at Government House and "
        "reaffirmed the two countries' close ties.\n"
        "The leaders then held talks on border trade.\n"
        "Afterwards the Thai and Lao prime ministers witnessed the signing of two memorandums of understanding on "
        "energy cooperation.", None, "en",
        {("BilateralMeeting", None, ("LA", "TH")), ("AgreementSigning", None, ("LA", "TH"))},
        id="welcomed-his-counterpart-and-the-pair-of-leaders-witnessed-a-signing-undated"),
    pytest.param(
        "Indian Prime Minister Raj Kumar and his Thai counterpart Somchai Dee on Monday agreed to expand maritime "
        "cooperation.\n"
        "The two prime ministers held the talks on the sidelines of the ASEAN-India Summit scheduled for Tuesday, "
        "with the leaders of Cambodia and Laos expected to take part.", D(2019, 11, 4), "en",
        {("BilateralMeeting", D(2019, 11, 4), ("IN", "TH")),
         ("MultilateralMeeting", D(2019, 11, 5), ("IN", "KH", "LA", "TH"))},
        id="wire-lead-of-two-leaders-and-a-summit-scheduled-for-its-own-day"),
    pytest.param(
        "JAKARTA, June 3, 2024 – Indonesian President Budi Santoso said today that relations with the region are strong.\n"
        "Budi wrote this in a post following telephone conversations with two of his counterparts – Japanese Prime "
        "Minister Taro Yamada and Thai Prime Minister Somchai Dee.", D(2024, 6, 3), "en",
        {("BilateralMeeting", None, ("ID", "JP")), ("BilateralMeeting", None, ("ID", "TH"))},
        id="one-leader-calls-several-counterparts-on-a-day-not-said"),
    pytest.param(
        "The Ambassador of the Kingdom of Thailand, H.E. Mr Somchai Dee, paid a farewell visit to President Jean "
        "Michel at State House this morning.\n"
        "President Michel described the relations between Mauritius and Thailand as special.", D(2017, 2, 22), "en",
        {("CourtesyCall", D(2017, 2, 22), ("MU", "TH"))}, id="farewell-visit-this-morning-host-of-the-state-named-next"),
    pytest.param(
        "Bangkok, June 5: India and Thailand on Thursday agreed to deepen trade ties during extensive discussions "
        "held between Prime Minister Raj Kumar and Thailand PM Somchai Dee at Government House.", D(2025, 6, 5),
        "en", {("BilateralMeeting", D(2025, 6, 5), ("IN", "TH"))}, id="discussions-held-between-two-leaders"),
]


@pytest.mark.parametrize("body,issued,lang,expected", EVENTS_AMONG)
def test_events_among(body, issued, lang, expected) -> None:
    assert expected <= events(body, issued, lang)


def test_bilateral_in_a_third_state_stays_between_its_parties() -> None:
    found = facts("On 8 November 2023, the Minister of Foreign Affairs met with H.E. Mr. Ali Rahimi, Minister of "
                  "Foreign Affairs of Iran, in Geneva, Switzerland.", D(2023, 11, 9), "en").events
    assert {(e.kind, e.countries, e.mode) for e in found} == {("BilateralMeeting", ("IR", "TH"), "InPerson")}


# --- agreements -------------------------------------------------------------------------

AGREEMENTS = [
    pytest.param("นายสมชาย ใจดี หารือทูตอินเดีย จับมือเร่งขยายการค้า ต่อยอด FTA ไทย-อินเดีย ขับเคลื่อนการลงทุน", D(2024, 2, 1), "th",
                 {("Agreement", ("IN", "TH"), "Signed")}, id="an-agreement-built-upon-is-in-force"),
    pytest.param("Peru aims to sign a free trade agreement with Thailand, said the country's foreign minister on July 28.",
                 D(2019, 7, 29), "en", {("Agreement", ("PE", "TH"), "Proposed")}, id="the-state-that-aims-to-sign"),
    pytest.param("President Jose Cruz and Thai Prime Minister Somchai Dee committed to work towards the signing of the "
                 "Memorandum of Understanding on Cooperation in Combating Illicit Trafficking in Narcotic Drugs. Cruz also "
                 "discussed with the Thai leader the possible signing of a Memorandum of Understanding on Teacher Exchanges "
                 "between the Philippines and Thailand.", D(2016, 5, 20), "en",
                 {("MemorandumOfUnderstanding", ("PH", "TH"), "Proposed")}, id="a-signing-worked-towards-or-possible"),
    pytest.param("วันที่ 22 พฤศจิกายน 2562 ผู้ว่าราชการจังหวัดอุบลราชธานี และประธานคณะกรรมการประชาชนจังหวัดกวางตรี "
                 "เวียดนาม เปิดประชุมแลกเปลี่ยนร่างบันทึกความเข้าใจระหว่างไทยกับเวียดนาม", D(2019, 11, 22), "th",
                 {("MemorandumOfUnderstanding", ("TH", "VN"), "UnderNegotiation")}, id="drafts-exchanged"),
    pytest.param("The cabinet yesterday approved a draft memorandum of understanding (MoU) to set up a Joint Trade Committee "
                 "between Thailand and Mongolia.", D(2022, 8, 31), "en",
                 {("MemorandumOfUnderstanding", ("MN", "TH"), "Approved")}, id="the-cabinet-yesterday-approved-a-draft"),
    pytest.param("ครม. เห็นชอบต่อร่างปฏิญญาร่วมว่าด้วยการประกาศเริ่มการเจรจาความตกลงการค้าเสรีไทย-ชิลี", D(2015, 7, 1), "th",
                 {("JointStatement", ("CL", "TH"), "Approved"), ("Agreement", ("CL", "TH"), "UnderNegotiation")},
                 id="a-declaration-named-after-the-instrument-it-is-about"),
    pytest.param("นายสมชาย ใจดี โฆษกประจำสำนักนายกรัฐมนตรี แถลงว่า ครม.มีมติอนุมัติตามที่กระทรวงการต่างประเทศเสนอการ\n"
                 "จัดทำความตกลงระหว่างรัฐบาลไทยกับรัฐบาลมอนเตเนโกร ว่าด้วยการยกเว้นการตรวจลงตรา", D(2013, 2, 5), "th",
                 {("Agreement", ("ME", "TH"), "Approved")}, id="a-cabinet-approval-broken-over-two-lines"),
    pytest.param("The two sides will maintain existing mechanisms, including the joint commission, and the signing of an "
                 "agreement on labour between Thailand and Laos, and soon sign a new agreement on fisheries.", D(2020, 9, 3),
                 "en", {("Agreement", ("LA", "TH"), "Proposed")}, id="what-the-sides-will-do-includes-a-signing"),
    pytest.param("The leaders looked forward to more visits and welcomed the signing of a Memorandum of Understanding on "
                 "Labour between Thailand and Laos.", D(2020, 9, 3), "en", {("MemorandumOfUnderstanding", ("LA", "TH"), "Signed")},
                 id="a-signing-welcomed-in-a-sentence-that-also-looks-forward"),
    pytest.param("On 3 May 2025, the two permanent secretaries held a meeting to prepare for the signing of the Memorandum "
                 "of Understanding on Labour Cooperation between Thailand and Laos.", D(2025, 5, 4), "en",
                 {("MemorandumOfUnderstanding", ("LA", "TH"), "Proposed")}, id="a-meeting-to-prepare-a-signing"),
    pytest.param("The Cabinet met on Tuesday, March 5, 2019 at Government House.\nTitle: Draft Memorandum of Understanding "
                 "on Fisheries Cooperation between Thailand and Fiji\nThe cabinet approved the following proposals made by "
                 "the Ministry of Agriculture:\n1) Approved draft Memorandum of Understanding on Fisheries Cooperation "
                 "between Thailand and Fiji.", D(2019, 3, 5), "en",
                 {("MemorandumOfUnderstanding", ("FJ", "TH"), "Approved")}, id="a-resolutions-item-approved-capitalised"),
    pytest.param("The Fourth Round of Negotiations for a Free Trade Agreement (FTA) between Chile and Thailand seeks to "
                 "promote a productive exchange between the economies of both countries.", D(2012, 3, 21), "en",
                 {("Agreement", ("CL", "TH"), "UnderNegotiation")}, id="negotiations-in-capitals"),
    pytest.param("On 6 October 2014, Thailand and Mexico held their first Political Consultations. They agreed to expedite "
                 "the conclusion of pending legal instruments currently under negotiation, which include agreements on "
                 "investment promotion and protection, tourism, and the elimination of double taxation.", D(2014, 10, 13),
                 "en", {("Agreement", ("MX", "TH"), "UnderNegotiation")}, id="a-lists-bare-plural-agreements"),
    pytest.param("นายกฯ นำทัพ 8 รัฐมนตรีไทยเยือนจีน 5-8 ก.พ. 68 เซ็น MOU 15 ฉบับ ยกระดับความสัมพันธ์", D(2025, 2, 5), "th",
                 {("MemorandumOfUnderstanding", ("CN", "TH"), "Proposed")}, id="a-signing-during-a-visit-still-under-way"),
    pytest.param("Joint Press Statement\nSomchai Dee, Thai Foreign Minister: Good evening to you all. We are delighted to "
                 "welcome Foreign Minister Anna Brown of Australia on her first official visit to Thailand.",
                 D(2022, 11, 10), "en", set(), id="remarks-at-a-joint-press-conference-are-no-statement-signed"),
    pytest.param("Joint Press Release: Thailand and Argentina engaged in fruitful discussions at the Fifth Political "
                 "Consultations\nOn 27 April 2023, Thailand hosted the Fifth Political Consultations between the Kingdom "
                 "of Thailand and the Argentine Republic.", D(2023, 5, 11), "en", {("JointStatement", ("AR", "TH"), "Signed")},
                 id="a-joint-press-release-headed-with-a-colon-is-the-statement"),
    pytest.param("Joint Press Statement\nThe Foreign Ministers of Thailand and Australia met in Bangkok on 10 November "
                 "2022 and agreed to deepen their strategic partnership.", D(2022, 11, 10), "en",
                 {("JointStatement", ("AU", "TH"), "Signed")}, id="a-joint-press-statement-page-is-the-statement"),
    pytest.param("นายกฯ เปิดทำเนียบ 20 มี.ค. 67 เป็นสักขีพยาน ลงนาม MOU ไทย-ญี่ปุ่น ด้านพลังงาน\n"
                 "วันที่ 18 มีนาคม 2567 โฆษกประจำสำนักนายกรัฐมนตรี แถลงว่า คณะรัฐมนตรีเห็นชอบร่างบันทึกความเข้าใจว่าด้วย"
                 "ความร่วมมือด้านพลังงานระหว่างไทยกับญี่ปุ่น ซึ่งจะมีการลงนามในวันที่ 20 มี.ค. 2567", D(2024, 3, 18), "th",
                 {("MemorandumOfUnderstanding", ("JP", "TH"), "Approved")}, id="a-signing-dated-after-the-release-is-to-come"),
    pytest.param("นายสมชาย ใจดี นายกรัฐมนตรี และนายราม ศรมา นายกรัฐมนตรีอินเดีย เป็นสักขีพยานในพิธีลงนามเอกสารระหว่าง"
                 "ไทยและอินเดีย จำนวน 2 ฉบับ ดังนี้\n1) ปฏิญญาร่วมว่าด้วยการสถาปนาความเป็นหุ้นส่วนทางยุทธศาสตร์\n"
                 "2) บันทึกความเข้าใจว่าด้วยความร่วมมือด้านเทคโนโลยีดิจิทัล", D(2025, 4, 4), "th",
                 {("JointStatement", ("IN", "TH"), "Signed"), ("MemorandumOfUnderstanding", ("IN", "TH"), "Signed")},
                 id="items-of-a-list-the-heading-says-were-signed"),
    pytest.param("The two ministers signed the following documents:\n- Memorandum of Understanding on Tourism "
                 "Cooperation between Thailand and Chile\n- Agreement on Visa Exemption between Thailand and Chile",
                 D(2025, 4, 4), "en", {("MemorandumOfUnderstanding", ("CL", "TH"), "Signed"),
                                      ("Agreement", ("CL", "TH"), "Signed")}, id="items-of-an-english-list"),
    pytest.param("นายกรัฐมนตรีเสนอปรับปรุงความตกลงการค้าเสรีไทย-อินเดีย ให้ครอบคลุมยิ่งขึ้น", D(2025, 4, 4), "th",
                 {("Agreement", ("IN", "TH"), "Signed")}, id="an-agreement-proposed-for-revision-exists"),
    pytest.param("Both leaders agreed to upgrade the existing Thailand-Peru Free Trade Agreement.", D(2025, 4, 4), "en",
                 {("Agreement", ("PE", "TH"), "Signed")}, id="an-agreement-to-upgrade-exists"),
    pytest.param("อนุมัติการจัดทำและลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการศึกษาระหว่างไทยกับไอร์แลนด์ ทั้งนี้ "
                 "หากก่อนลงนามมีความจำเป็นต้องปรับปรุงแก้ไขบันทึกความเข้าใจดังกล่าว ให้ดำเนินการได้", D(2024, 6, 4), "th",
                 {("MemorandumOfUnderstanding", ("IE", "TH"), "Approved")}, id="a-revision-if-needed-before-signing"),
    pytest.param("คณะรัฐมนตรีมีมติเห็นชอบต่อบันทึกความเข้าใจระหว่าง กษ. แห่งราชอาณาจักรไทย กับ กษ. แห่งสาธารณรัฐประชาธิปไตย"
                 "ประชาชนลาว โดยมีสาระสำคัญเป็นความร่วมมือด้านการเกษตร", D(2019, 5, 7), "th",
                 {("MemorandumOfUnderstanding", ("LA", "TH"), "Approved")},
                 id="approved-between-ministries-abbreviated-with-a-full-stop"),
    pytest.param("On 10 August 2014, the Minister of Foreign Affairs attended the 4th East Asia Summit Foreign Ministers' "
                 "Meeting in Nay Pyi Taw, Myanmar. The Foreign Ministers endorsed the EAS Declaration on Combatting "
                 "Wildlife Trafficking, which will be adopted by the Leaders.", D(2014, 8, 11), "en", set(),
                 id="a-groupings-own-document-is-no-bilateral-agreement"),
    pytest.param("The leaders witnessed the exchange of MoUs on tourism cooperation between Thailand and Cambodia on "
                 "5 March 2024.", D(2024, 3, 6), "en", {("MemorandumOfUnderstanding", ("KH", "TH"), "Signed")},
                 id="exchange-of-mous"),
    pytest.param("On May 2, H.E. Mr. SATO Taro, Ambassador of Japan to the Kingdom of Thailand, and H.E. Mr. Somkiat "
                 "Rakdee, Minister of Finance of Thailand, exchanged notes concerning a yen loan project in Bangkok.",
                 D(2022, 5, 3), "en", {("Agreement", ("JP", "TH"), "Signed")}, id="exchanged-notes-bind-two-states"),
    pytest.param("ที่ประชุมคณะรัฐมนตรีมีมติอนุมัติการจัดทำบันทึกความเข้าใจระหว่างกระทรวงพาณิชย์ของทั้ง 2 ประเทศ ซึ่งฝ่ายเวียดนาม"
                 "ได้เสนอร่างบันทึกความเข้าใจให้ฝ่ายไทยพิจารณา", None, "th",
                 {("MemorandumOfUnderstanding", ("TH", "VN"), "Approved")}, id="both-countries-and-the-one-other-named"),
    pytest.param("คณะรัฐมนตรีมีมติอนุมัติตามที่กระทรวงศึกษาธิการเสนอ ดังนี้\n"
                 "1. อนุมัติการจัดทำและลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการศึกษาระหว่างกระทรวงศึกษาธิการของนอร์เวย์"
                 "และกระทรวงศึกษาธิการแห่งราชอาณาจักรไทย ทั้งนี้ หากก่อนลงนามมีความจำเป็นต้องปรับปรุงแก้ไขบันทึกความเข้าใจดังกล่าว "
                 "ให้กระทรวงศึกษาธิการดำเนินการได้", None, "th", {("MemorandumOfUnderstanding", ("NO", "TH"), "Approved")},
                 id="approved-drafting-and-signing-and-amending-before-signing"),
    pytest.param("On 24 February 2021, Nepalese Deputy Foreign Minister Ram Thapa and Thai Permanent Secretary Somchai Dee "
                 "held online talks.\n"
                 "Nepal and Thailand will work together to organise activities celebrating the anniversary of ties this "
                 "year, sign an action programme implementing the strategic partnership, and hold the joint commission.",
                 D(2021, 3, 2), "en", {("Agreement", ("NP", "TH"), "Proposed")}, id="a-bare-sign-in-a-list-of-plans"),
    pytest.param("On 30 May 2013, the Prime Minister of India held talks with Prime Minister Somchai Dee of Thailand. An "
                 "early harvest scheme which is part of the free trade agreement between the two countries has been in "
                 "place since January 2010.", D(2013, 5, 30), "en", {("Agreement", ("IN", "TH"), "Signed")},
                 id="an-agreement-in-place-since-is-signed"),
    pytest.param("ที่ประชุมคณะรัฐมนตรี เห็นชอบตามที่กระทรวงการต่างประเทศเสนอ เรื่องการจัดทำความตกลง ระหว่างไทยกับลาว "
                 "ว่าด้วยการยกเว้นการตรวจลงตรา\n"
                 "นอกจากนี้ ที่ประชุม ครม. ยังเห็นชอบ ตามข้อเสนอของสำนักนายกรัฐมนตรี เกี่ยวกับการลงนามในหนังสือ แสดงเจตจำนง "
                 "ระหว่างกรมประชาสัมพันธ์ของไทย กับสำนักงานกิจการวิทยุและโทรทัศน์ สาธารณรัฐประชาชนจีน", None, "th",
                 {("Agreement", ("LA", "TH"), "Approved"), ("LetterOfIntent", ("CN", "TH"), "Approved")},
                 id="a-cabinet-that-also-approved-and-a-spaced-letter-of-intent"),
    pytest.param("The Thai cabinet on Tuesday gave the green light to an MoU with Cambodia on labour cooperation.",
                 D(2024, 3, 7), "en", {("MemorandumOfUnderstanding", ("KH", "TH"), "Approved")}, id="green-light"),
    pytest.param("Both sides agreed to expedite the signing of the MoU on cross-border transport between Thailand and "
                 "Laos.", D(2024, 3, 7), "en", {("MemorandumOfUnderstanding", ("LA", "TH"), "Proposed")},
                 id="agreed-to-expedite-the-signing"),
    pytest.param("บันทึกความเข้าใจด้านแรงงานระหว่างไทยกับเมียนมาที่ลงนามไว้เมื่อปี 2558 จะได้รับการทบทวน", D(2024, 3, 7), "th",
                 {("MemorandumOfUnderstanding", ("MM", "TH"), "Signed")}, id="thai-relative-clause-signed"),
    pytest.param("Thailand and Japan renewed their memorandum of cooperation on rice research on 4 March 2024.",
                 D(2024, 3, 5), "en", {("MemorandumOfUnderstanding", ("JP", "TH"), "Signed")}, id="renewed-is-signed"),
    pytest.param("ไทยและญี่ปุ่นต่ออายุบันทึกความร่วมมือด้านการวิจัยข้าว เมื่อวันที่ 4 มีนาคม 2567", D(2024, 3, 5), "th",
                 {("MemorandumOfUnderstanding", ("JP", "TH"), "Signed")}, id="thai-renewal-is-signed"),
    pytest.param("The Thailand-China visa exemption agreement, which entered into force on 1 March 2024, was also "
                 "discussed.", D(2024, 3, 5), "en", {("Agreement", ("CN", "TH"), "Signed")},
                 id="capitalised-determiner-and-pair-before-agreement"),
    pytest.param(
        "นายกฯ เยือนเปรู 4-6 ก.ย.นี้ คาดลงนามบันทึกความเข้าใจด้านการค้าระหว่างไทยกับเปรู", D(2023, 9, 1), "th",
        {("MemorandumOfUnderstanding", ("PE", "TH"), "Proposed")}, id="headline-expected-to-sign"),
    pytest.param(
        "วันนี้ (5 ธ.ค. 66) คณะรัฐมนตรีมีมติอนุมัติการจัดทำบันทึกความเข้าใจว่าด้วยความร่วมมือด้านการท่องเที่ยว"
        "ระหว่างไทยกับอุซเบกิสถาน", D(2023, 12, 5), "th",
        {("MemorandumOfUnderstanding", ("TH", "UZ"), "Approved")}, id="cabinet-approves-drafting"),
    pytest.param(
        "วันนี้ (12 มี.ค. 67) ครม.เห็นชอบการลงนามร่างบันทึกความเข้าใจด้านแรงงานระหว่างไทยกับกัมพูชา", D(2024, 3, 12),
        "th", {("MemorandumOfUnderstanding", ("KH", "TH"), "Approved")}, id="cabinet-approves-signing"),
    pytest.param(
        "The two ministers signed a memorandum of understanding on agricultural cooperation between Thailand and "
        "Kenya on 3 June 2022.", D(2022, 6, 4), "en",
        {("MemorandumOfUnderstanding", ("KE", "TH"), "Signed")}, id="lower-case-mou"),
    pytest.param(
        "Thailand and Japan signed a Memorandum of Intent on rail cooperation on 4 May 2023.", D(2023, 5, 5), "en",
        {("LetterOfIntent", ("JP", "TH"), "Signed")}, id="memorandum-of-intent"),
    pytest.param(
        "Thailand and Sri Lanka issued a joint declaration on their partnership on 3 February 2024.", D(2024, 2, 4),
        "en", {("JointStatement", ("LK", "TH"), "Signed")}, id="declaration"),
    pytest.param(
        "The two sides agreed to speed up the Thailand-Bangladesh free trade negotiations.", D(2024, 2, 4), "en",
        {("Agreement", ("BD", "TH"), "UnderNegotiation")}, id="free-trade-negotiations"),
    pytest.param(
        "The ministers welcomed the Thailand-Chile Free Trade Agreement, which entered into force in 2015.",
        D(2022, 3, 1), "en", {("Agreement", ("CL", "TH"), "Signed")}, id="in-force-is-signed"),
    pytest.param(
        "On 5 May 2022, the Thai and Indian sides signed an MoU on cooperation in renewable energy.", D(2022, 5, 6),
        "en", {("MemorandumOfUnderstanding", ("IN", "TH"), "Signed")}, id="partner-as-demonym"),
    pytest.param(
        "On 20 March 2024, the Prime Minister will hold a meeting with the Prime Minister of Laos, "
        "and the two will then sign a Memorandum of Understanding on Energy Cooperation.",
        D(2024, 3, 15), "en", {("MemorandumOfUnderstanding", ("LA", "TH"), "Proposed")}, id="will-meet-and-then-sign"),
    pytest.param(
        "ทั้งสองฝ่ายได้กำหนดจัดพิธีลงนามร่างบันทึกความตกลงด้านการศึกษาไทย-ชิลีในโอกาสที่รัฐมนตรีเดินทางเยือน",
        D(2023, 6, 2), "th", {("MemorandumOfUnderstanding", ("CL", "TH"), "Proposed")}, id="planned-signing-ceremony"),
    pytest.param(
        "คณะรัฐมนตรีมีมติเห็นชอบร่างถ้อยแถลงข่าวร่วม (Joint Press Statement) ไทย-ลาว ตามที่กระทรวงการต่างประเทศเสนอ",
        D(2023, 6, 2), "th", {("JointStatement", ("LA", "TH"), "Approved")},
        id="cabinet-approves-joint-press-statement"),
]


@pytest.mark.parametrize("body,issued,lang,expected", AGREEMENTS)
def test_agreements(body, issued, lang, expected) -> None:
    assert agreements(body, issued, lang) == expected


def test_signing_does_not_take_an_earlier_meeting_date() -> None:
    body = ("After their talks on 3 May 2023, the two Prime Ministers witnessed the signing of an MoU on digital "
            "cooperation between Thailand and Vietnam, which took place on 4 May 2023.")
    (a,) = facts(body, D(2023, 5, 5), "en").agreements
    assert a.date == D(2023, 5, 4)


# --- release-level reading, people and events seen since ------------------------------------

def test_headline_states_the_kind_and_the_body_the_day() -> None:
    body = ("เอกอัครราชทูตมองโกเลียประจำประเทศไทยเข้าเยี่ยมคารวะปลัดกระทรวงการต่างประเทศ\n"
            "เมื่อวันที่ 4 มีนาคม 2567 นายสมศักดิ์ ใจเย็น ปลัดกระทรวงการต่างประเทศ ต้อนรับและหารือกับนายบัต เออร์เดน "
            "เอกอัครราชทู")
    found = facts(body, D(2024, 3, 6))
    assert {(e.kind, e.date, e.countries) for e in found.events} == {("CourtesyCall", D(2024, 3, 4), ("MN", "TH"))}
    assert ("บัต เออร์เดน", "MN") in {(p.name, p.country) for p in found.people}  # the state from the headline


def test_thai_ambassador_at_a_post_and_a_latin_named_host_official() -> None:
    body = ("เมื่อวันที่ 3 พฤษภาคม 2566 นายวีระ สุขใจ เอกอัครราชทูต ณ กรุงมาดริด ได้เข้าเยี่ยมคารวะนาย Carlos GARCIA "
            "รัฐมนตรีว่าการกระทรวงการคลัง")
    found = people(body, D(2023, 5, 4), title="เอกอัครราชทูต ณ กรุงมาดริด เข้าเยี่ยมคารวะรัฐมนตรีว่าการกระทรวงการคลังสเปน")
    assert {("วีระ สุขใจ", "TH"), ("Carlos GARCIA", "ES")} <= found


def test_attendance_list_names_each_side() -> None:
    body = ("On 4 June 2019, Mr. Sato Ken, Prime Minister of Japan, held a meeting with H.E. Mr. Somchai Dee, Prime "
            "Minister of the Kingdom of Thailand. (Attending on the Japanese side were Mr. Ito Jun, Minister for Foreign "
            "Affairs; and Mr. Mori Aki, Minister of Finance. Attending on the Thai side were Mr. Anan Suk, Minister of "
            "Commerce; and Mr. Wichai Dee, Minister of Transport.)")
    (meeting,) = facts(body, D(2019, 6, 4), "en").events
    found = people(body, D(2019, 6, 4), "en")
    assert {("Ito Jun", "JP"), ("Mori Aki", "JP"), ("Anan Suk", "TH"), ("Wichai Dee", "TH")} <= found
    assert len(meeting.participants) == 6


def test_wire_story_foreign_speaker_and_counterpart() -> None:
    body = ("HANOI, 6 March 2013 - Foreign Minister Nguyen Van An paid a one-day visit to Thailand on Wednesday at the "
            "invitation of his Thai counterpart Somsak Dee. At the talks with his Thai counterpart, the two FMs agreed "
            "to boost trade. The Vietnamese FM also paid a courtesy visit to Thai Prime Minister Malee Rak.")
    found = facts(body, D(2013, 3, 6), "en")
    assert ("Nguyen Van An", "VN") in {(p.name, p.country) for p in found.people}
    kinds = {(e.kind, e.countries) for e in found.events}
    assert {("OfficialVisit", ("TH", "VN")), ("BilateralMeeting", ("TH", "VN")), ("CourtesyCall", ("TH", "VN"))} <= kinds


def test_who_assigns_someone_else_does_not_take_part() -> None:
    body = ("วันที่ 5 พฤศจิกายน 2563 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงแรงงาน มอบหมาย นายสมศักดิ์ รักดี "
            "ผู้ช่วยรัฐมนตรีประจำกระทรวงแรงงาน ร่วมประชุมทางไกลกับนายโจเซ ซิลวา รัฐมนตรีว่าการกระทรวงแรงงานโปรตุเกส")
    assert people(body, D(2020, 11, 5)) == {("สมศักดิ์ รักดี", "TH"), ("โจเซ ซิลวา", "PT")}


def test_numbered_summits_back_to_back_and_related_summits() -> None:
    body = ("นายกรัฐมนตรีเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 46 และ 47 และการประชุมสุดยอดที่เกี่ยวข้อง ณ กรุงกัวลาลัมเปอร์ "
            "ระหว่างวันที่ 26 - 28 ตุลาคม 2568")
    found = facts(body, D(2025, 10, 25)).events
    assert sorted(e.name for e in found) == ["การประชุมสุดยอดอาเซียน ครั้งที่ 46", "การประชุมสุดยอดอาเซียน ครั้งที่ 47"]
    assert {(e.kind, e.date, e.end_date) for e in found} == {("MultilateralMeeting", D(2025, 10, 26), D(2025, 10, 28))}


def test_discussed_with_and_a_year_first_date_line() -> None:
    assert events("On 31 July 2024, H.E. Mr. Anan Suk, Vice Minister for Foreign Affairs, discussed with H.E. Mr. "
                  "Omar Ali, Ambassador of Jordan to Thailand.", D(2024, 8, 6), "en") == {
        ("CourtesyCall", D(2024, 7, 31), ("JO", "TH"))}
    from diplograph.sources import parse_release
    rel = parse_release("เอกอัครราชทูตเข้าเยี่ยมคารวะนายกรัฐมนตรี\n2020/4/24\nเมื่อวันที่ 23 เมษายน เอกอัครราชทูตได้เข้าเยี่ยมคารวะ",
                        release_id="y", source_file="y.txt")
    assert rel.issued == D(2020, 4, 24)


def test_a_name_spelt_without_its_mark_is_the_same_person() -> None:
    body = ("เมื่อวันที่ 23 เมษายน 2563 นายฮิโระ ซะโตะ เอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เข้าเยี่ยมคารวะพลเอก ประยุทธ์ "
            "จันทร์โอชา นายกรัฐมนตรี ที่ทำเนียบรัฐบาล ทั้งนี้ พลเอก ประยุทธ จันทร์โอชา ได้ขอบคุณญี่ปุ่น")
    assert len([p for p in facts(body, D(2020, 4, 24)).people if "จันทร์โอชา" in p.name]) == 1


def test_two_foreign_states_meet_without_thailand() -> None:
    body = ("Japan-Viet Nam Summit Meeting\nOn May 1, 2022, Mr. SATO Ken, Prime Minister of Japan, held a summit meeting "
            "with H.E. Mr. NGUYEN Van Binh, Prime Minister of the Socialist Republic of Viet Nam. The meeting was attended "
            "by Mr. ITO Jun, Deputy Chief Cabinet Secretary, and others.")
    found = facts(body, D(2022, 5, 1), "en").events
    assert {(e.kind, e.date, e.countries) for e in found} == {("BilateralMeeting", D(2022, 5, 1), ("JP", "VN"))}
    assert len(found[0].participants) == 3


def test_states_named_in_passing_are_no_parties() -> None:
    body = ("The two leaders affirmed the importance of the port project involving Japan, Thailand and Myanmar, a joint "
            "statement said.")
    assert not any("MM" in parties for _k, parties, _s in agreements(body, D(2015, 2, 10), "en"))


def test_interior_ministry_names_no_country() -> None:
    body = ("วันนี้ (4 ก.ย. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ให้การต้อนรับนายโจเซ ซิลวา "
            "เอกอัครราชทูตโปรตุเกสประจำประเทศไทย ในโอกาสเข้าเยี่ยมคารวะ")
    from diplograph.gazetteer import countries
    assert countries().find("กระทรวงมหาดไทย", "th") == []
    assert events(body, D(2023, 9, 4)) == {("CourtesyCall", D(2023, 9, 4), ("PT", "TH"))}


def test_thai_text_on_a_foreign_site_keeps_its_officials_thai() -> None:
    body = ("วันนี้ (4 ก.ย. 66) น.ส. วิไล ทองดี รองอธิบดีกรมเอเชียตะวันออก ให้การต้อนรับนายโจเซ ซิลวา "
            "เอกอัครราชทูตโปรตุเกสประจำประเทศไทย")
    found = people(body, D(2023, 9, 4), url="https://www.example.pt/news/1")
    assert {("วิไล ทองดี", "TH"), ("โจเซ ซิลวา", "PT")} <= found


@pytest.mark.parametrize("body,lang", [
    ("20 ต.ค. 61 - พลเอก สมชาย ใจดี นายกรัฐมนตรี ให้สัมภาษณ์ภายหลังกลับจากการเข้าร่วมการประชุมผู้นำเอเชีย – ยุโรป "
     "ครั้งที่ 12 (ASEM12) และการเข้าร่วมประชุมผู้นำสหภาพยุโรป – อาเซียน ที่กรุงบรัสเซลส์ ราชอาณาจักรเบลเยียม ว่า "
     "ได้พูดคุยกับผู้นำหลายประเทศ", "th"),
    ("BANGKOK, 20 October 2018 - Upon returning from the 12th Asia-Europe Meeting (ASEM12) in Brussels, Belgium, "
     "Prime Minister Somchai Jaidee told reporters that Thailand is ready to trade more.", "en"),
], ids=["thai", "english"])
def test_conference_a_traveller_is_back_from_is_no_news(body, lang) -> None:
    assert events(body, D(2018, 10, 20), lang) == set()


def test_returning_home_then_attending_a_conference_is_news() -> None:
    body = ("BANGKOK, 20 October 2018 - After returning from Japan, Prime Minister Somchai Jaidee attended the "
            "ASEAN-Japan Summit in Bangkok on 20 October 2018.")
    assert {k for k, _d, _c in events(body, D(2018, 10, 20), "en")} == {"MultilateralMeeting"}


def test_a_foreign_body_before_a_title_names_the_state_and_outranks_the_headline() -> None:
    body = ("Statement on the visit of Counselor John Ward to Thailand\n\n"
            "State Department Counselor John Ward visited the Kingdom of Thailand October 18-19. Following the "
            "President's recent trip to Southeast Asia, Counselor Ward's visit highlights the partnership.")
    found = people(body, D(2021, 10, 19), "en", url="https://www.nationthailand.com/news/1")
    assert found == {("John Ward", "US")}


def test_chinese_english_lower_case_office_and_a_finished_visit() -> None:
    body = ("On April 23, 2012, Li Ming, chairman of the National Committee of the Chinese People's Political "
            "Consultative Conference (CPPCC), met with Thai Prime Minister Malee Rak in Bangkok. Li conveyed "
            "greetings to Malee, who just wrapped up her visit to China last week. Both countries worked out the "
            "joint action plan for future strategic cooperation.")
    found = facts(body, None, "en")
    assert {(p.name, p.country) for p in found.people} == {("Li Ming", "CN"), ("Malee Rak", "TH")}
    assert {(e.kind, e.date, e.countries) for e in found.events} == {("BilateralMeeting", D(2012, 4, 23), ("CN", "TH"))}
    assert {(a.kind, a.parties, a.status) for a in found.agreements} == {("Agreement", ("CN", "TH"), "Signed")}


def test_lower_case_office_of_no_state_is_no_person() -> None:
    body = ("On 5 May 2019, Somchai Dee, president of the chamber of commerce, said exports rose. Thai Prime Minister "
            "Malee Rak met with Japanese Prime Minister Sato Ken in Tokyo.")
    assert "Somchai Dee" not in {n for n, _c in people(body, D(2019, 5, 5), "en")}


def test_today_in_a_transcript_is_the_day_its_introduction_states() -> None:
    body = ("On 5 August 2015, Mr. Somchai Dee, Minister of Foreign Affairs of Thailand, held a joint press briefing "
            "with H.E. Li Wei, Minister of Foreign Affairs of China. The gist of the remarks as follows.\n"
            "“Ladies and Gentlemen,\nToday, I had the honour to co-chair the ASEAN-China Post Ministerial Conference "
            "with His Excellency Li Wei.")
    dates = {e.date for e in facts(body, D(2015, 8, 6), "en").events if e.kind == "MultilateralMeeting"}
    assert dates == {D(2015, 8, 5)}


def test_the_said_talks_and_the_meeting_whose_decision_they_follow_are_no_new_events() -> None:
    body = ("เมื่อวันที่ 1 พฤษภาคม 2568 นางสมศรี ใจดี ผู้อำนวยการกองนโยบาย ได้หารือกับนายอาหมัด ซาเลห์ "
            "เจ้าหน้าที่กระทรวงการท่องเที่ยวมาเลเซีย การหารือดังกล่าวเป็นไปตามมติที่ประชุมเตรียมการคณะทำงานด้านการท่องเที่ยว "
            "ไทย – มาเลเซีย ครั้งที่ 1 เมื่อวันที่ 23 เมษายน 2568")
    assert {d for _k, d, _c in events(body, D(2025, 5, 2))} == {D(2025, 5, 1)}


def test_a_conference_named_as_the_occasion_of_a_message_is_no_event() -> None:
    body = ("เมื่อวันที่ 23 เมษายน 2563 นายทาโร ซาโต เอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เข้าเยี่ยมคารวะนายกรัฐมนตรี "
            "และได้สนทนาถึงข้อความจากนายกรัฐมนตรีญี่ปุ่น ในโอกาสการประชุมสุดยอดอาเซียนบวกสาม สมัยพิเศษ "
            "ผ่านระบบการประชุมทางวีดิทัศน์ เมื่อวันที่ 14 เมษายน 2563")
    assert {k for k, _d, _c in events(body, D(2020, 4, 24))} == {"CourtesyCall"}


def test_a_host_welcoming_a_leader_and_a_statement_issued_after_a_visit() -> None:
    body = ("This is the official text of the Joint Statement between the US and Thailand issued following the visit "
            "to the White House on Monday by Prime Minister Somchai Dee.\n"
            "1. The President of the United States of America John Ward welcomed the Prime Minister of the Kingdom of "
            "Thailand General Somchai Dee to the White House today.")
    found = facts(body, None, "en")
    assert ("John Ward", "US") in {(p.name, p.country) for p in found.people}
    assert ("BilateralMeeting", ("TH", "US")) in {(e.kind, e.countries) for e in found.events}
    assert {(a.kind, a.parties, a.status) for a in found.agreements} == {("JointStatement", ("TH", "US"), "Signed")}


def test_a_toast_speech_dates_its_afternoon_and_its_we_is_speaker_and_guest() -> None:
    body = ("Toast speech by PM Lee Hsien Loong at the Official Dinner hosted in honour of His Excellency General "
            "Somchai Dee, PM of the Kingdom of Thailand, at the Istana on 11 June 2015.\n"
            "Your Excellency General Somchai Dee,\nPrime Minister of the Kingdom of Thailand\n"
            "Associate Professor Malee Dee\n"
            "It is with much pleasure that I welcome Prime Minister Somchai, Professor Malee and your delegation. "
            "We had a good meeting at the Leaders’ Retreat this afternoon, and then we witnessed the signing of "
            "three MOUs to expand cooperation in tourism.")
    found = facts(body, None, "en")
    assert {(p.name, p.country) for p in found.people} >= {("Lee Hsien Loong", "SG"), ("Somchai Dee", "TH")}
    assert ("Malee Dee", "TH") not in {(p.name, p.country) for p in found.people}  # a title on the line above
    assert {(e.kind, e.date, e.countries) for e in found.events} == {
        ("BilateralMeeting", D(2015, 6, 11), ("SG", "TH")), ("AgreementSigning", D(2015, 6, 11), ("SG", "TH"))}


def test_a_speaker_label_with_a_state_word_and_a_press_conference_transcript() -> None:
    body = ("PM Lawrence Wong at the Joint Press Conference with Prime Minister of Thailand Somchai Dee (Nov 2025)\n"
            "7 November 2025\n"
            "Prime Minister Somchai’s visit comes at a special time. He is here now on his official visit when our "
            "two countries are commemorating 60 years of diplomatic ties.")
    found = facts(body, D(2025, 11, 7), "en")
    assert {(e.kind, e.countries) for e in found.events} == {("OfficialVisit", ("SG", "TH"))}
    label = ("Somchai Dee, Thai Deputy Prime Minister: Good evening to you all. On 1 June 2022 Somchai Dee met "
             "Mr. Sato Ken, Minister of Foreign Affairs of Japan.")
    assert people(label, D(2022, 6, 1), "en") == {("Somchai Dee", "TH"), ("Sato Ken", "JP")}


def test_a_visit_does_not_take_the_clock_time_of_its_reception() -> None:
    body = ("ทั้งนี้ในเวลา 11.15 น. นายกรัฐมนตรีมีกำหนดการต้อนรับนายหลี่ เหวย รัฐมนตรีว่าการกระทรวงการต่างประเทศจีน "
            "ในโอกาสเยือนไทยอย่างเป็นทางการ")
    found = events(body, D(2020, 10, 15))
    assert ("OfficialVisit", None, ("CN", "TH")) in found and all(d is None for k, d, _c in found if k == "OfficialVisit")


def test_registered_leaders_named_without_honorific_and_leaders_calling_on_each_other() -> None:
    body = ("เวิน เจีย เป่า เข้าพบ 'ยิ่งลักษณ์' ประกาศความร่วมมือด้านการค้า\n"
            "21 พ.ย. 55 - เมื่อเวลา 10.15 น. นายกรัฐมนตรีสาธารณรัฐประชาชนจีน เวิน เจีย เป่า ได้เดินทางมาเข้าพบ"
            "นายกรัฐมนตรียิ่งลักษณ์ ชินวัตร ณ ทำเนียบรัฐบาล")
    found = facts(body, D(2012, 11, 21))
    assert {(p.name, p.country) for p in found.people} == {("เวิน เจียเป่า", "CN"), ("ยิ่งลักษณ์ ชินวัตร", "TH")}
    assert {(e.kind, e.date, e.countries) for e in found.events} == {("BilateralMeeting", D(2012, 11, 21), ("CN", "TH"))}


def test_unplaced_subject_is_the_release_side_and_unplaced_counterpart_the_other() -> None:
    body = ("Ambassador of Thailand engages Rep. John Ward on Thai-US relations\n\n"
            "On 28 April 2023, Ambassador Somchai Dee met with Rep. John Ward, Ranking Member, Subcommittee on "
            "Trade, to discuss Thai-US relations.")
    assert people(body, D(2023, 4, 28), "en") == {("Somchai Dee", "TH"), ("John Ward", "US")}


def test_two_mous_each_named_after_a_plural_signing_ceremony() -> None:
    body = ("On 17 August 2022, Thailand's Foreign Affairs Ministry and India's Ministry of External Affairs co-hosted "
            "a signing ceremony on Wednesday for two memoranda of understanding (MoUs) after the talks between "
            "Mr. Somchai Dee, Minister of Foreign Affairs of Thailand and Mr. Raj Kumar, Minister of External Affairs "
            "of India. One was an MoU on Health and Medical Research cooperation. The other MoU covers Cooperation "
            "on Broadcasting between the two public broadcasters.")
    assert [(a.kind, a.parties, a.status) for a in facts(body, D(2022, 8, 18), "en").agreements] == [
        ("MemorandumOfUnderstanding", ("IN", "TH"), "Signed")] * 2


def test_news_sign_in_thai_is_a_signing_but_a_call_centre_is_not() -> None:
    body = "นายกรัฐมนตรียกทีมเยือนจีน เซ็นเอ็มโอยูไทย-จีน 14 ฉบับ แก้ปัญหาแก๊งคอลเซ็นเตอร์"
    assert [(a.kind, a.parties, a.status) for a in facts(body, D(2025, 2, 6)).agreements] == [
        ("MemorandumOfUnderstanding", ("CN", "TH"), "Signed")]


def test_a_page_that_is_a_joint_statement_of_an_annual_meeting_between_two_leaders() -> None:
    body = ("แถลงการณ์ร่วมต่อสื่อมวลชน การประชุมประจำปี ครั้งที่ 6 ระหว่างนายกรัฐมนตรีกับนายกรัฐมนตรีมาเลเซีย "
            "วันที่ 9 กันยายน 2559\n"
            "นายกรัฐมนตรีแห่งราชอาณาจักรไทยและนายกรัฐมนตรีมาเลเซียได้ร่วมกันเป็นประธานการประชุมประจำปี ครั้งที่ 6 "
            "ระหว่างนายกรัฐมนตรีกับนายกรัฐมนตรีมาเลเซีย ณ กรุงเทพมหานคร")
    found = facts(body, D(2016, 9, 9))
    assert ("BilateralMeeting", D(2016, 9, 9), ("MY", "TH")) in {(e.kind, e.date, e.countries) for e in found.events}
    assert [(a.kind, a.parties, a.status) for a in found.agreements] == [("JointStatement", ("MY", "TH"), "Signed")]


def test_a_thai_title_ends_before_and_delegation() -> None:
    body = ("เมื่อเวลา 07.20 น. วันที่ 8 ต.ค. 2561 พล.อ.ประยุทธ์ จันทร์โอชา นายกรัฐมนตรีและคณะ ออกเดินทางไปยังประเทศญี่ปุ่น "
            "เพื่อหารือกับนายทาโร ซาโต นายกรัฐมนตรีญี่ปุ่น")
    from diplograph.extraction import _extractors
    found = _extractors()[0].extract(normalize_text(body), "th", "TH")
    assert [(p.name, p.position) for p in found.people][0] == ("ประยุทธ์ จันทร์โอชา", "นายกรัฐมนตรี")


def test_a_dated_briefing_list_dates_its_items_and_its_today_is_that_day() -> None:
    body = ("On 26 September 2025, the second day of our special press conference, the missions for the Thai "
            "delegation today included:\n"
            "• The Thai Foreign Minister, Mr. Somchai Dee, met with the Japanese Foreign Minister.\n"
            "• In addition, the Thai Foreign Minister met with the Russian Foreign Minister.")
    found = events(body, D(2025, 9, 27), "en")
    assert {("BilateralMeeting", D(2025, 9, 26), ("JP", "TH")), ("BilateralMeeting", D(2025, 9, 26), ("RU", "TH"))} <= found
    assert not any(d == D(2025, 9, 27) for _k, d, _c in found)


def test_a_meeting_of_a_commission_and_the_commission_are_one_meeting() -> None:
    body = ("The 22nd Meeting of the Joint Commission on Bilateral Cooperation between Thailand and the Lao PDR\n"
            "On 3 - 4 November 2021, Mr. Somchai Dee, Minister of Foreign Affairs of Thailand and Mr. Khamla Vong, "
            "Minister of Foreign Affairs of the Lao PDR co-chaired the 22nd Joint Commission on Bilateral Cooperation "
            "between Thailand and Lao PDR.")
    assert {(k, d) for k, d, _c in events(body, D(2021, 11, 8), "en")} == {("BilateralMeeting", D(2021, 11, 3))}


def test_a_compound_title_first_and_the_courtesy_call_of_the_same_meeting() -> None:
    body = ("BANGKOK, Oct 15 (Xinhua) -- Prime Minister and Defense Minister Gen. Somchai Dee met China’s State "
            "Councilor and Foreign Minister Li Wei here on Thursday.\n"
            "The Chinese minister paid a courtesy call on the Thai prime minister on the occasion of his official "
            "visit to Thailand.")
    found = facts(body, D(2020, 10, 15), "en")
    assert ("Somchai Dee", "TH") in {(p.name, p.country) for p in found.people}
    assert {(e.kind, e.date) for e in found.events if e.kind != "OfficialVisit"} == {("CourtesyCall", D(2020, 10, 15))}


def test_a_visit_at_the_invitation_of_a_government_and_who_assigns_it() -> None:
    body = ("เมื่อเวลา 10.00 น. วานนี้ (2 ก.ย.) พล.อ.สมชาย ใจดี นายกรัฐมนตรี และหัวหน้าคณะรักษาความสงบแห่งชาติ (คสช.) "
            "มอบหมายให้ พล.อ.สมศักดิ์ รักดี รองนายกรัฐมนตรี เดินทางไปเยือนสาธารณประชาชนจีน ระหว่างวันที่ 2-5 ก.ย. 58 "
            "ตามคำเชิญของรัฐบาลจีน")
    found = facts(body, D(2015, 9, 3))
    assert {(e.kind, e.date, e.countries) for e in found.events} == {("OfficialVisit", D(2015, 9, 2), ("CN", "TH"))}
    assert {p.name for p in found.people} == {"สมศักดิ์ รักดี"}


@pytest.mark.parametrize("body,lang", [
    ("วันนี้ (5 มี.ค. 66) ซาอุดีอาระเบียลงนามบันทึกความเข้าใจด้านพลังงานกับไทย ณ กรุงริยาด", "th"),
    ("On 5 March 2023, Saudi Arabia signed a memorandum of understanding on energy with Thailand in Riyadh.", "en"),
], ids=["thai", "english"])
def test_a_state_that_signs_is_a_side(body, lang) -> None:
    found = facts(body, D(2023, 3, 5), lang)
    assert {(e.kind, e.countries) for e in found.events} == {("AgreementSigning", ("SA", "TH"))}
    assert [(a.kind, a.parties, a.status) for a in found.agreements] == [("MemorandumOfUnderstanding", ("SA", "TH"), "Signed")]


def test_a_transit_visit_and_an_arrival_are_no_visits() -> None:
    body = ("BANGKOK, Oct. 15 (Xinhua) -- Visiting Chinese State Councilor and Foreign Minister Li Wei held talks here "
            "on Thursday with Thai Foreign Minister Somchai Dee.\n"
            "Li arrived in Thailand Wednesday night, the last leg of his Southeast Asia tour which has taken him to "
            "Cambodia and Laos as well as a transit visit to Singapore.")
    assert {k for k, _d, _c in events(body, D(2020, 10, 16), "en")} == {"BilateralMeeting"}


def test_a_meeting_of_a_visiting_leader_is_in_person() -> None:
    body = ("On May 1, Mr. SATO Ken, Prime Minister of Japan, who is visiting the Socialist Republic of Viet Nam, held "
            "a summit meeting with H.E. Mr. PHAM Van An, Prime Minister of the Socialist Republic of Viet Nam.")
    (meeting,) = [e for e in facts(body, D(2022, 5, 1), "en").events if e.kind == "BilateralMeeting"]
    assert meeting.mode == "InPerson"


def test_this_joint_statement_is_the_page_itself() -> None:
    body = ("Thailand and the United Kingdom hold their first Strategic Dialogue\n"
            "The first Thailand-United Kingdom Strategic Dialogue was held in London on 30 June 2022, co-chaired by "
            "Mr. John Ward, Minister of State of the United Kingdom, and Mr. Somchai Dee, Vice Minister for Foreign "
            "Affairs of Thailand. We acknowledged that this Joint Statement serves as a reference to the dialogue.")
    assert [(a.kind, a.parties, a.status) for a in facts(body, D(2022, 6, 30), "en").agreements] == [
        ("JointStatement", ("GB", "TH"), "Signed")]


def test_today_of_a_call_made_on_the_occasion_of_a_visit_is_not_the_visits_first_day() -> None:
    body = ("21 พ.ย. 55 - เมื่อเวลา 10.15 น. นายหลี่ เหวย นายกรัฐมนตรีสาธารณรัฐประชาชนจีน ได้เดินทางมาเข้าพบ"
            "นายสมชาย ใจดี นายกรัฐมนตรี เนื่องในวาระการมาเยือนอย่างเป็นทางการในวันนี้")
    found = events(body, D(2012, 11, 21))
    assert ("OfficialVisit", None, ("CN", "TH")) in found and ("OfficialVisit", D(2012, 11, 21), ("CN", "TH")) not in found


def test_a_clock_time_after_a_day_the_page_could_not_read_is_not_the_release_day() -> None:
    body = ("กรุงเทพฯ - 11 ตุลาคม 2256 เวลา 12.30 น. นายหลี่ เหวย นายกรัฐมนตรีสาธารณรัฐประชาชนจีน เดินทางถึงประเทศไทย\n"
            "เวลา 15.00 น. นายหลี่ เหวย ได้หารือกับนายสมศักดิ์ รักดี ประธานรัฐสภา")
    assert all(d is None for _k, d, _c in events(body, D(2013, 10, 12)))


WIRE_PHRASINGS = [
    pytest.param("Thai Prime Minister Somchai Dee hosted Japanese Prime Minister Sato Ken at Government House on Friday.",
                 {("BilateralMeeting", D(2023, 5, 5), ("JP", "TH"))}, id="hosted"),
    pytest.param("Thai Foreign Minister Somchai Dee and his Vietnamese counterpart Nguyen Van An discussed trade on Friday.",
                 {("BilateralMeeting", D(2023, 5, 5), ("TH", "VN"))}, id="and-his-counterpart-discussed"),
    pytest.param("Thailand and Cambodia inked an agreement on border trade on Friday.",
                 {("AgreementSigning", D(2023, 5, 5), ("KH", "TH"))}, id="inked"),
    pytest.param("The Thai and Malaysian prime ministers met on the sidelines of the ASEAN Summit in Jakarta on Friday.",
                 {("BilateralMeeting", D(2023, 5, 5), ("MY", "TH"))}, id="two-demonyms-one-office"),
    pytest.param("Thai Prime Minister Somchai Dee hosted a dinner for business leaders on Friday.", set(),
                 id="hosting-a-dinner-is-no-meeting"),
]


@pytest.mark.parametrize("sentence,expected", WIRE_PHRASINGS)
def test_wire_phrasings(sentence, expected) -> None:
    body = "BANGKOK, 5 May 2023 - " + sentence
    found = {e for e in events(body, D(2023, 5, 5), "en") if e[0] != "MultilateralMeeting"}
    assert found == expected


def test_the_lead_begins_at_the_third_line_when_no_early_sentence_is_dated() -> None:
    from diplograph.extraction.focus import lead_end
    from diplograph.extraction.text import sentences

    body = ("นายกฯ เข้าทำเนียบรัฐบาล หลังประกาศมาตรการใหม่\n"
            "นายกรัฐมนตรี เข้าทำเนียบรัฐบาลแต่เช้า ทั้งนี้ ได้ตรวจความพร้อมของสถานที่\n"
            "เมื่อเวลา 10.00 น. นายกรัฐมนตรี เดินทางถึงทำเนียบรัฐบาล")
    assert lead_end(sentences(body), []) == body.index("เมื่อเวลา")


@pytest.mark.parametrize("written,code", [
    ("เขมร", "KH"), ("สิงค์โปร์", "SG"), ("เนเธอแลนด์", "NL"), ("สวิสเซอร์แลนด์", "CH"), ("เยอรมัน", "DE"),
    ("ฟิลิปินส์", "PH"), ("ฟีจี", "FJ"), ("ตุรเคีย", "TR"), ("บังคลาเทศ", "BD"), ("บังกลาเทศ", "BD"),
])
def test_thai_spelling_variants_of_country_names(written: str, code: str) -> None:
    from diplograph.gazetteer import countries

    assert [c for _s, _e, c in countries().find(f"ชายแดนไทย-{written} และความร่วมมือ", "th")] == ["TH", code]


def test_a_counterpart_whose_office_names_no_state_is_the_releases_foreign_state() -> None:
    body = ("On 5 May 2023 H.E. Mr. Somchai Dee, Minister of Foreign Affairs, had a bilateral meeting with H.E. "
            "Mr. John Smith, Secretary of State of the United States, during his visit to Washington, D.C.\n"
            "Later on the same day, the Minister of Foreign Affairs also met with Mr. Tom Brown, Coordinator for "
            "the Indo-Pacific at the National Security Council.")
    found = facts(body, D(2023, 5, 7), "en")
    assert ("Tom Brown", "US") in {(p.name, p.country) for p in found.people}
    assert [(e.kind, e.date, e.countries) for e in found.events] == [
        ("BilateralMeeting", D(2023, 5, 5), ("TH", "US"))] * 2  # two meetings that day, not one


@pytest.mark.parametrize("body,lang", [
    ("เมื่อวันที่ 3 สิงหาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้เข้าร่วมการประชุมรัฐมนตรี"
     "ต่างประเทศอาเซียนกับประเทศคู่เจรจา ได้แก่ อินเดีย ออสเตรเลีย และแคนาดา", "th"),
    ("On 3 August 2023, the Minister of Foreign Affairs attended the ASEAN Post Ministerial Conference with "
     "Dialogue Partners, namely India, Australia and Canada.", "en"),
])
def test_an_asean_meeting_with_listed_dialogue_partners_is_one_meeting_with_each(body: str, lang: str) -> None:
    assert events(body, D(2023, 8, 4), lang) == {("MultilateralMeeting", D(2023, 8, 3), ("IN", "TH")),
                                                  ("MultilateralMeeting", D(2023, 8, 3), ("AU", "TH")),
                                                  ("MultilateralMeeting", D(2023, 8, 3), ("CA", "TH"))}


def test_a_headline_welcome_above_a_visit_is_the_visits() -> None:
    body = ("นายกฯ ต้อนรับประธานาธิบดีเวียดนาม ที่ทำเนียบรัฐบาล\n"
            "นายเหงียน วัน อาน ประธานาธิบดีเวียดนาม เดินทางเยือนประเทศไทยอย่างเป็นทางการ ระหว่างวันที่ 16 - 18 "
            "พฤศจิกายน 2566 ตามคำเชิญของนายสมชาย ใจดี นายกรัฐมนตรี")
    assert ("BilateralMeeting", None, ("TH", "VN")) not in events(body, D(2023, 11, 16))


@pytest.mark.parametrize("body,lang", [
    ("เมื่อวันที่ 21 ธันวาคม 2555 นายกรัฐมนตรีเดินทางเยือนบังกลาเทศอย่างเป็นทางการ โดยได้วางพวงมาลาที่อนุสรณ์สถาน"
     "แห่งชาติ และลงนามในสมุดเยี่ยม", "th"),
    ("On 21 December 2012, the Prime Minister paid an official visit to Bangladesh, laid a wreath at the "
     "National Memorial and signed the visitors' book.", "en"),
], ids=["thai", "english"])
def test_signing_a_guest_book_is_no_agreement_signing(body: str, lang: str) -> None:
    assert {kind for kind, _d, _c in events(body, D(2012, 12, 22), lang)} == {"OfficialVisit"}


def test_undated_talks_of_an_in_person_visit_are_in_person() -> None:
    body = ("นายกรัฐมนตรีเดินทางเยือนบังกลาเทศอย่างเป็นทางการ ระหว่างวันที่ 21 - 22 ธันวาคม 2555\n"
            "นายกรัฐมนตรีหารือกับนางชีค ฮาซีนา นายกรัฐมนตรีบังกลาเทศ แบบเต็มคณะ")
    talks = [e for e in facts(body, D(2012, 12, 23)).events if e.kind == "BilateralMeeting"]
    assert [(e.date, e.mode) for e in talks] == [(None, "InPerson")]


def test_also_says_another_meeting_not_which_day() -> None:
    body = ("India's Minister of External Affairs Ravi Kumar paid a courtesy call on Prime Minister Somchai Dee at "
            "Government House on 17 August 2022.\n"
            "Mr. Kumar was in Thailand for the Joint Commission. He also had a meeting with his Thai counterpart "
            "Anan Suk.")
    found = {(e.kind, e.date) for e in facts(body, D(2022, 8, 18), "en").events}
    assert found == {("CourtesyCall", D(2022, 8, 17)), ("BilateralMeeting", None)}  # "also": not which day


def test_a_number_in_parentheses_is_no_numbered_item() -> None:
    from diplograph.extraction.text import sentences

    line = ("นายกรัฐมนตรี พร้อมคณะ เดินทางออกจากท่าอากาศยานทหาร 2 (กองบิน 6) กองทัพอากาศ ไปยังนครซิดนีย์ "
            "เพื่อเข้าร่วมการประชุม 1) การประชุมเต็มคณะ 2) การประชุมกลุ่มย่อย")
    texts = [s.text for s in sentences(line)]
    assert "(กองบิน 6) กองทัพอากาศ" in texts[0] and any(t.startswith("2)") for t in texts)


def test_the_signing_named_again_takes_its_day() -> None:
    body = ("The two ministries co-hosted a signing ceremony for two memoranda of understanding between Thailand and "
            "India on 17 August 2022.\n"
            "Later the Indian minister paid a courtesy call on Prime Minister Somchai Dee.\n"
            "The two contracts were signed after the meeting.")
    signings = [e for e in facts(body, D(2022, 8, 18), "en").events if e.kind == "AgreementSigning"]
    assert [e.date for e in signings] == [D(2022, 8, 17)]


def test_a_statement_to_the_press_following_the_meeting_dates_the_meeting() -> None:
    body = ("Statement to the Press of Prime Minister Somchai Dee Following the Meeting with His Excellency U Aung "
            "Win, President of the Republic of the Union of Myanmar, 23 July 2012, Government House, Bangkok\n"
            "Ladies and Gentlemen of the Media,\n"
            "It is a pleasure to welcome His Excellency U Aung Win on the occasion of his official visit to "
            "Thailand.\n"
            "In our discussions today, I expressed our pleasure at the close relations between our countries.")
    found = facts(body, None, "en")
    assert ("BilateralMeeting", D(2012, 7, 23), ("MM", "TH")) in {(e.kind, e.date, e.countries) for e in found.events}
    assert "Somchai Dee" in {p.name for p in found.people}  # not "Somchai Dee Following"
    talks = [e for e in found.events if e.kind == "BilateralMeeting"]
    assert [e.mode for e in talks] == ["InPerson"]  # held during the official visit


def test_a_place_before_a_comma_and_an_office_is_no_person() -> None:
    body = ("On the sidelines of the UN General Assembly in New York, Foreign Minister Anan Suk met his Indian "
            "counterpart Ravi Kumar on 21 September 2023.")
    assert "New York" not in {p.name for p in facts(body, D(2023, 9, 22), "en").people}


@pytest.mark.parametrize("url,state", [
    ("https://www.gov.uk/government/news/pm-call-with-prime-minister-of-australia", "GB"),  # .uk is not an ISO code
    ("https://www.mofa.go.jp/press/release/x.html", "JP"),
    ("https://www.mfa.go.th/en/content/x", "TH"),
    (None, "TH"),
])
def test_the_state_whose_government_speaks(url: str | None, state: str) -> None:
    from diplograph.extraction import home_country

    release = Release(release_id="h", source_file="h.txt", body="The Prime Minister spoke.", issued=None, lang="en",
                      url=url)
    assert home_country(release) == state


def test_join_broken_lines_keeps_offsets_and_leaves_captions_alone() -> None:
    from diplograph.extraction.text import join_broken_lines

    broken = "การหารือกับนายคิม มิน-ซู รัฐมนตรีว่าการกระทรวงการต่างประเทศสาธารณรัฐเกาหลี\n(เกาหลีใต้) เมื่อวันที่ 30 เมษายน 2564"
    joined = join_broken_lines(broken)
    assert "\n" not in joined and len(joined) == len(broken)
    caption = "นายกฯ ต้อนรับประธานาธิบดี\n(แฟ้มภาพ)\nวันนี้ (5 มี.ค. 67) นายกรัฐมนตรี …"
    assert join_broken_lines(caption) == caption


def test_a_visit_that_began_that_day_lasts_its_stated_length() -> None:
    body = ("The Philippines and Thailand on Tuesday signed agreements on tourism as Philippine President Juan Cruz began his "
            "three-day official visit to Bangkok.")
    visits = [e for e in facts(body, D(2017, 3, 21), "en").events if e.kind == "OfficialVisit"]
    assert [(e.date, e.end_date) for e in visits] == [(D(2017, 3, 21), D(2017, 3, 23))]


@pytest.mark.parametrize("body,mode", [
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี นายกรัฐมนตรี หารือทวิภาคีกับนายทาโร ยามาดะ นายกรัฐมนตรีญี่ปุ่น "
     "ที่ทำเนียบนายกรัฐมนตรีญี่ปุ่น", "InPerson"),
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี นายกรัฐมนตรี และนายสอน คำมี นายกรัฐมนตรีลาว ร่วมกันลงนามบันทึกความเข้าใจ"
     "ด้านการเกษตร ที่จ.หนองคาย", "InPerson"),
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ หารือกับนายอาหมัด อาลี รัฐมนตรีการค้ามาเลเซีย "
     "ที่ห้องประชุมกระทรวงพาณิชย์", "InPerson"),
    # "ที่ประเทศ…" as often says "that the country …": no place
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี นายกรัฐมนตรี หารือกับนายทาโร ยามาดะ นายกรัฐมนตรีญี่ปุ่น "
     "และยินดีที่ประเทศไทยและญี่ปุ่นมีความร่วมมือใกล้ชิด", None),
], ids=["a-residence", "a-province", "a-meeting-room", "that-the-country-is-no-place"])
def test_a_thai_venue_makes_a_meeting_in_person(body, mode) -> None:
    assert [e.mode for e in facts(body, D(2023, 3, 5)).events] == [mode]


@pytest.mark.parametrize("body,lang", [
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงกลาโหม เดินทางเข้าร่วมประชุมรัฐมนตรีว่าการกระทรวงกลาโหม"
     "อาเซียน ครั้งที่ 17 เพื่อหารือแนวทางความร่วมมือ", "th"),
    ("On 5 March 2023, Prime Minister Somchai Dee travelled to Sydney to attend the 3rd ASEAN-Australia Special "
     "Summit.", "en"),
    ("วันนี้ (5 มี.ค. 66) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงกลาโหม ให้การต้อนรับและร่วมหารือกับนายเหงียน วัน ลอง "
     "รัฐมนตรีว่าการกระทรวงกลาโหมเวียดนาม", "th"),
], ids=["travelled-to-attend-thai", "travelled-to-attend-english", "received-and-talked"])
def test_travelling_to_a_meeting_or_receiving_the_other_side_is_in_person(body, lang) -> None:
    assert [e.mode for e in facts(body, D(2023, 3, 5), lang).events] == ["InPerson"]


def test_online_talks_are_virtual() -> None:
    found = facts("Vietnamese Deputy Minister of Foreign Affairs Nguyen Van An and Permanent Secretary for Foreign Affairs "
                  "of Thailand Somchai Dee exchanged views on cooperation during their online talks on February 24.",
                  D(2021, 3, 2), "en").events
    assert [(e.kind, e.date, e.mode) for e in found] == [("BilateralMeeting", D(2021, 2, 24), "Virtual")]


def test_a_secretary_general_met_in_new_york_serves_no_state() -> None:
    found = events("On 28 September 2024, H.E. Mr. Somchai Dee, Minister of Foreign Affairs, had a bilateral meeting "
                   "with Mr. Juan Perez, United Nations Secretary General, in New York.\n"
                   "The Secretary General welcomed Thailand's role at the United Nations.", D(2024, 9, 30), "en")
    assert not any(kind == "BilateralMeeting" for kind, _day, _states in found)


def test_a_companys_officer_a_senators_style_and_dialogue_relations() -> None:
    found = facts(
        "On 4 March 2024, the Minister of Foreign Affairs attended the Special Summit to Commemorate the 50th "
        "Anniversary of ASEAN-Australia Dialogue Relations in Melbourne.\n"
        "He held a bilateral meeting with Senator the Honourable Jane Roe, Minister for Foreign Affairs of Australia.\n"
        "He then met with Mr. John Smith, President and CEO of Toyota Australia, on trade in the vehicle sector.",
        D(2024, 3, 8), "en")
    assert ("Jane Roe", "AU") in {(p.name, p.country) for p in found.people}
    assert "John Smith" not in {p.name for p in found.people}  # a company's officer is no state's side
    assert not any(e.name and "Dialogue" in e.name and "Summit" not in e.name for e in found.events)


def test_a_visit_and_signing_recalled_in_a_clause_of_last_month_are_background() -> None:
    body = ("The Thai Cabinet on Tuesday approved a draft Joint Statement with China on railway cooperation.\n"
            "The Joint Statement comes after Thailand and China signed a memorandum of understanding on railway "
            "cooperation during the official visit to Thailand by Chinese Premier Li Wei last month.")
    found = facts(body, D(2013, 11, 26), "en")
    assert not found.events  # recalled in a clause of another act: no event of this release
    assert ("JointStatement", ("CN", "TH"), "Signed") not in {(a.kind, a.parties, a.status) for a in found.agreements}


def test_a_visit_with_its_span_keeps_its_last_day() -> None:
    found = facts("วันที่ 5 ก.พ. 68 นายสมศักดิ์ รักดี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นายสมชาย ใจดี นายกรัฐมนตรี และคณะ "
                  "มีกำหนดเดินทางเยือนสาธารณรัฐประชาชนจีนอย่างเป็นทางการ ระหว่างวันที่ 5 – 8 ก.พ.นี้", D(2025, 2, 5)).events
    assert [(e.date, e.end_date) for e in found if e.kind == "OfficialVisit"] == [(D(2025, 2, 5), D(2025, 2, 8))]
    people = {(p.name, p.country) for p in facts(
        "วันนี้ (30 พ.ค. 67) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงการต่างประเทศ เดินทางเยือนลาวอย่างเป็นทางการ โดยมี "
        "นางสาวสุดา ดี เอกอัครราชทูต ณ เวียงจันทน์ ให้การต้อนรับ", D(2024, 5, 30)).people}
    assert ("สุดา ดี", "TH") in people  # the ambassador posted in Vientiane is Thailand's


def test_a_spouse_and_a_visiting_delegations_list_are_of_the_visitors_state() -> None:
    found = facts(
        "๑. นายเหวียน วัน อาน (Nguyen Van An) นายกรัฐมนตรีสาธารณรัฐสังคมนิยมเวียดนาม และนางเจิ่น ถิ หวา (Tran Thi Hoa) ภริยา "
        "ได้เยือนประเทศไทยอย่างเป็นทางการ ระหว่างวันที่ ๑๗ – ๑๙ สิงหาคม ๒๕๖๐ ตามคำเชิญของนายสมชาย ใจดี นายกรัฐมนตรี\n"
        "๒. คณะทางการของนายกรัฐมนตรีเวียดนาม ประกอบด้วย (๑) นายมาย วัน สุง (Mai Van Dung) รัฐมนตรีและประธานสำนักงานรัฐบาล "
        "(๒) นายจู วัน แองห์ (Chu Van Anh) รัฐมนตรีว่าการกระทรวงวิทยาศาสตร์และเทคโนโลยีเวียดนาม", D(2017, 8, 18))
    visit = next(e for e in found.events if e.kind == "OfficialVisit")
    people = {p.key: p.country for p in found.people}
    assert {people[k] for k in visit.participants} == {"VN", "TH"}
    assert sum(1 for k in visit.participants if people[k] == "VN") == 4  # the PM, his wife and two ministers
