"""The wording of diplomatic releases that marks events, their mode and their status.

These are rules of the language of releases (Thai and English), not lists of
names, so they live here as compiled patterns with the reason for each.
"""

from __future__ import annotations

import re


def led(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A cue tried only where one of the characters its matches can begin with stands ("first", a character
    class's contents): with alternatives that open on a word boundary or a look-behind, the engine would
    otherwise try every alternative at every position; this way it skips ahead in C, at a third to a half of
    the time on the sentences of releases. A test checks that no match is lost."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


# --- event triggers ---------------------------------------------------------------------
# (kind, pattern). Order matters only for overlapping matches: the earlier kind wins.
THAI_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    # a call, an audience, credentials: "เข้าเยี่ยมคารวะ", "เยี่ยมคำนับ", "เข้าเยี่ยม คาราวะ" (as often
    # misspelt), "เข้าพบ", "เข้าเฝ้า", "ยื่นพระราชสาส์นตราตั้ง"
    ("CourtesyCall", re.compile(r"(?:เข้า)?(?:เยี่ยม|เยียม)\s?(?:คารวะ|คาราวะ|คำนับ)|เข้า\s?(?:คารวะ|คาราวะ|คำนับ)|เข้าพบ(?!ปะ)"
                                r"|เข้าเฝ้า|(?:ยื่น|ถวาย)(?:พระราช)?(?:สาส์น|สาสน์|สาร)\s?ตราตั้ง")),  # as often misspelt
    # "เยือนไทยอย่างเป็นทางการ", "การเยือนสาธารณรัฐเกาหลีอย่างเป็นทางการ", and a visit not called
    # official ("การเดินทางเยือนเวียดนาม"); not a visitor (ผู้มาเยือน)
    ("OfficialVisit", re.compile(r"เยือน\S{0,40}?อย่างเป็นทางการ|เยือน\S{0,40}? \S{0,20}?อย่างเป็นทางการ"
                                 # not "การแลกเปลี่ยนการเยือน", "ส่งเสริมการเยือนระหว่างกัน" (visits as a practice, no visit)
                                 r"|(?<!ผู้มา)(?<!ผู้)(?<!แลกเปลี่ยนการ)(?<!แลกเปลี่ยน)(?<!ส่งเสริมการ)เยือน(?!ระหว่างกัน)"
                                 r"|เดินทาง(?:มา|ไป)ราชการ(?:ที่|ณ)?\s?(?:ประเทศ)?(?=\S)")),
    # signing; not the signer (ผู้ลงนาม) or the signing date (วันลงนาม)
    ("AgreementSigning", re.compile(
        # not a guest or condolence book ("ลงนามในสมุดเยี่ยม", "ลงนามถวายพระพร")
        # nor a signing approved or assigned ("อนุมัติให้ลงนาม", "มอบหมายให้ … ลงนาม")
        r"(?<!ผู้)(?<!ผู้ที่จะ)(?<!วัน)(?<!กำหนดวัน)(?<!กำหนดการ)(?<!ให้)(?<!ให้เป็นผู้)ลงนาม(?!\s?(?:ใน)?\s?สมุด|ถวาย|แสดงความ)"
        # "เซ็นเอ็มโอยู" (news for ลงนาม), not "คอลเซ็นเตอร์"
        r"|เซ็น(?:สัญญา)?\s?(?=เอ็มโอยู|MOU|MoU|บันทึก|ข้อตกลง|ความตกลง)|(?<!จะ)(?<!เพื่อ)ต่ออายุ(?=\s?(?:เอ็มโอยู|MOU|MoU|บันทึก|ข้อตกลง|ความตกลง))"
        # "แลกเปลี่ยนร่างบันทึกความเข้าใจ": drafts exchanged are still being negotiated
        r"|แลกเปลี่ยน(?!ร่าง)(?=\S{0,12}(?:บันทึก|เอกสาร|หนังสือ|ความตกลง|สัตยาบัน))")),
    ("Call", re.compile(r"หารือทางโทรศัพท์|สนทนาทางโทรศัพท์|(?:พูด)?คุยทางโทรศัพท์|โทรศัพท์(?:หารือ|พูดคุย)|ยกหูโทร(?:ศัพท์)?|ต่อสายตรง"
                        r"|โทร(?:มา)?หา(?=\s?(?:พูดคุย|หารือ|นาย|นาง|ผม|ตน|ท่าน))"  # "นายอันวาร์ได้โทรมาหาพูดคุย"
                        r"|(?:ประชุม)?หารือ(?:ทาง)?(?:วิดีโอ|วีดิทัศน์)|(?<!ระบบการ)(?<!ระบบ)ประชุมทางไกล"
                        r"|หารือ\S{0,12}ผ่านระบบ(?:การประชุม)?(?:ทางไกล|วีดิทัศน์|วิดีโอ|ออนไลน์)")),
    ("BilateralMeeting", re.compile(
        # not a purpose ("เดินทางไปยังกรุงจาการ์ตาเพื่อหารือกับ…"): what the trip was for is not a report that it happened
        r"หารือทวิภาคี|ประชุมทวิภาคี|ประชุมหารือ|(?<!เพื่อ)พบหารือ|หารือข้อราชการ|(?<!เพื่อ)ร่วมหารือ|(?<!เพื่อ)(?<!เพื่อการ)หารือ"
        r"|(?:ให้การ)?(?<!ยินดี)ต้อนรับ(?=\s?[“\"]?(?:นาย|นาง|ดร|พล|ฯพณฯ|H\.E|Mr|Ms|คณะ|ผู้|รัฐมนตรี|นายก|ประธาน|เอกอัคร|\S{0,12}[”\"]))"
        r"|ให้การต้อนรับ|การเจรจารอบ\S*"
        # "ให้การรับรอง นายเหวียน … เอกอัครราชทูต… เพื่ออำลา": received (not "ให้การรับรองมาตรฐาน", certified)
        r"|ให้การรับรอง(?=\s?(?:นาย|นาง|ดร|พล|ฯพณฯ|H\.E|Mr|Ms|คณะ|เอกอัคร))"
        r"|แลกเปลี่ยนความคิดเห็น")),
]
ENGLISH_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("CourtesyCall", re.compile(
        r"\bcourtesy (?:call|visit)s?\b|\bcalled on\b|\bfarewell (?:call|visit)s?\b|\bpaid a call on\b|\broyal audience with\b"
        r"|\b(?:had|granted|received in) an? "
        r"(?:royal )?audience\b|\bpresent(?:s|ed|ing|ation of)? (?:his |her |the |their )?(?:letters of )?credentials\b", re.I)),
    # a visit, called official or not: "official visit", "a three-day visit", "visited the Republic of
    # Chile", "is visiting Japan", "paid a visit to"
    ("OfficialVisit", re.compile(
        r"\b(?:official|state|working|introductory|\w+-day) visits?\b"
        r"|\b(?<!transit )visit(?:ed|ing)? (?:to )?(?:the capital of )?(?=(?-i:(?:the )?[A-Z]))"
        # a visit to a body or a building is a call, not a state visit: "visited the Ministry of Transport"
        r"(?!(?:the )?(?:Ministry|Office|Embassy|Department|Headquarters|University|Institute|Centre|Center|Company"
        r"|Factory|Port|Plant|Museum|Temple|Province|Provincial|Government House|Parliament)\b)"
        r"|\bpaid a visit to\b"
        # "the visit of the Prime Minister of Thailand to India" (an office or an honorific, not a bare name in passing)
        r"|\bvisit of (?=(?:the |H\.E\. |His |Her )(?-i:[A-Z]))", re.I)),
    ("AgreementSigning", re.compile(
        r"\brenewed (?=(?:the |their |its |a |an )?(?:[\w-]+ ){0,3}(?:memorand|MoU|MOU|agreement|letter|protocol))"
        r"|\b(?:signed|inked|signing of|signing ceremon(?:y|ies)|to be signed|will be signed|exchanged the"
        r"|exchanged (?:diplomatic )?(?:notes|letters|instruments of ratification)|exchange of (?:the )?"
        r"(?:notes|letters|instruments|documents|MoUs?|MOUs?|memorand\w+|agreements?))\b(?! (?:the |a )?(?:guest|visitors?[’']?|condolence(?:s)?|golden) book)",
        re.I)),  # "Signing Ceremony of the MoU …" in a headline
    ("Call", re.compile(r"\btelephon(?:e|ic) (?:conversations?|calls?|talks?)\b|\bphone (?:calls?|talks?|conversations?)\b"
                        r"|\bvideo ?(?:conference|call|link)\b|\bvirtual (?:meeting|talks|summit)\b|\bvideoconference\b"
                        r"|\bspoke (?:by|over the) (?:tele)?phone\b|\bspoke (?:to|with)\b|\b(?:phone |video )?call with\b",
                        re.I)),
    ("BilateralMeeting", led("A-Zabcdeghilmnoprstuvwy",
        r"\b[Mm]et with\b|\bmet\b|\b(?<!to )(?:[Mm]eets?|[Mm]eeting)(?= (?:with )?(?:his |her |the )?(?:H\.E\. |His Excellency )?(?-i:[A-Z]))"
        r"|\b[Hh](?:olds?|eld) [Tt]alks\b"  # a title-case headline: "Thai PM Holds Talks with …"
        r"|\bheld (?:a |an |the |their |its )?(?:[\w-]+ ){0,5}(?i:talks|meetings?|discussions?|consultations?)\b"
        r"|\bhad (?:a |an )?(?:[\w-]+ ){0,2}(?:talks|meetings?|discussions?|consultations)\b"
        r"|\bbilateral (?:talks|meetings?)\b|\bwill hold talks\b|\bhold talks\b|\b[Nn]egotiating [Rr]ound\b"
        r"|\breceived\b(?! (?:a |an |the |his |her )?(?:\w+ )?(?:message|letter|call|congratulat|note|invitation|report"
        r"|briefing|support|award|deliver|visa|credentials from))"
        r"|\b[Rr]ound of [Nn]egotiations\b|\b(?:talks|meeting|discussions?) (?:(?:were |was )?held )?(?:between|with)\b"
        r"|\bexchanged views\b"
        # the two sides' own review, a talk by another word: "The two prime ministers and their delegations evaluated …"
        r"|\b(?:[Tt]he two|[Bb]oth) (?:prime ministers|leaders|ministers|foreign ministers|sides)(?: and their delegations)?"
        r" (?:also )?(?:assessed|evaluated|reviewed)\b"
        r"|\bsummit (?:meeting|talks)\b|\bco-\s?chaired\b|\b[Bb]ilateral [Mm]eeting\b"
        r"|\b(?:discussed|talked|conferred|consulted) (?:\w+ ){0,2}with\b"
        # "hosted Japanese Prime Minister Sato Ken", "X and his Vietnamese counterpart Y discussed …"
        r"|\bhosted (?=(?:his |her |the )?(?:[A-Z][a-z]+ )?(?-i:Prime Minister|President|Premier|Foreign Minister"
        r"|Minister|King|Chancellor|Secretary|H\.E\.)\b)"
        r"|(?<=counterpart )(?:[A-Z][\w.'’-]* ){1,4}(?:discussed|held talks|talked|met)\b"
        # the wire lead of a summit: "Abe and his Thai counterpart Prayut Chan-o-cha on Monday agreed to …"
        r"|(?<= and )(?:his|her) (?:[A-Z][a-z]+ )?counterpart,? (?-i:[A-Z][\w.'’-]*,? ){1,4}(?:(?:on|in|at) [^,.]{1,40}? )?"
        r"(?:agreed|confirmed|pledged|reaffirmed|vowed|affirmed|exchanged views|underlined|underscored|shared)\b"
        # a meal at which the two sides held talks: "hosted a luncheon for …, during which the two leaders discussed"
        r"|\bhosted (?:a |an )?(?:[\w-]+ )?(?:luncheon|lunch|dinner|banquet|breakfast)\b"
        r"(?=[^.]{0,200}\b(?:during|at) which\b[^.]{0,60}\b(?:discussed|talks|exchanged views|discussions?)\b)"
        # two named leaders as the subject: "Prayut and Abe also talked about …"
        r"|(?<=[a-z] and )(?-i:[A-Z][\w'’-]+ )(?:[A-Z][\w'’-]+ )?(?:also )?(?:talked|discussed|held talks)\b"
        # a speaker's account of the talks: "Prime Minister Anutin and I reaffirmed our commitment …"
        r"|\band I (?:have |had )?(?:discussed|reaffirmed|agreed|exchanged|talked|met|held)\b"
        # a host welcoming a visiting leader, not a decision or an initiative, nor an invitation ("welcomed Thai Prime
        # Minister X to attend the Forum in Beijing")
        r"|\bwelcomed (?=(?:the |his |her )?(?-i:(?:[A-Z][a-z]+ )?(?:Prime Minister|President|Premier|Chancellor|King|Queen|Sultan|"
        r"Foreign Minister|Minister|Secretary|State Councilor|Vice President|Deputy Prime Minister|H\.E\.|HE|His|Her)\b"
        r"|(?:his|her|their) (?:[A-Z][a-z]+ )?counterparts?\b))"
        r"(?![^.,;]{0,80}?\bto (?:go|attend|visit|come|join|participate|take part|travel)\b)")),
]

# "และการประชุมสุดยอดที่เกี่ยวข้อง", "and Related Summits": the meetings around a summit are no conference of their own.
RELATED_NAME = re.compile(r"(?:สุดยอด|ประชุม)(?:ที่เกี่ยวข้อง|อื่น)|^(?:the\s+)?(?:[Rr]elated|[Oo]ther)\s+(?:[Ss]ummits|[Mm]eetings)$")
# Two numbered meetings held back to back under one name: "ครั้งที่ 44 และ 45", "40th – 41st ASEAN Summits".
NUMBERED_PAIR = re.compile(r"(?P<a>\d+)(?P<sa>st|nd|rd|th)?\s?(?:และ|and|[-–])\s?(?P<b>\d+)(?P<sb>st|nd|rd|th)?")
GENERIC_NAME = re.compile(r"(?:the\s+)?(?:[Bb]ilateral\s+)?(?:[Mm]eeting|[Tt]alks|[Ss]ummit)s?")
# A meeting the release itself calls "the call" (with no telephone in it): a courtesy call.
THE_CALL = re.compile(r"\b(?:[Aa]t|[Dd]uring|present at|[Aa]fter) the (?:courtesy )?call\b")
CALL_ON_EQUAL = re.compile(r"เข้าพบ|called on", re.I)  # a call verb that leaders also use for meeting each other
RECEPTION = re.compile(r"(?:ให้การ)?ต้อนรับ|ให้การรับรอง|received|welcomed", re.I)
CEREMONY = re.compile(r"พิธีต้อนรับ|ตรวจแถวกองทหารเกียรติยศ|กองเกียรติยศ|สนามหญ้า|welcom(?:e|ing) ceremony|official welcome"
                      r"|ท่าอากาศยาน|สนามบิน|\bairport\b"  # a welcome on arrival
                      r"|guard of honou?r", re.I)
# A book signed, not an agreement: well-wishing, condolence and guest books.
BOOK_SIGNED = re.compile(r"ลงนาม\s?(?:ใน)?\s?(?:สมุด|ถวาย|แสดงความ)|\bsign(?:ed|s|ing)? (?:the|a) (?:condolence|guest|visitors'?) book")
# A signing still to come: "กำหนดจัดพิธีลงนาม", "เร่งรัดการลงนาม", "expected to sign".
# Ahead of something still to come: "held to prepare for the signing of …", "to prepare for the 4th BIMSTEC Summit",
# "ahead of the signing".
_AHEAD_OF_EN = r"\b(?:[Pp]repar\w*(?: for| to)?|[Ii]n preparation for|[Aa]head of)\s(?:the\s)?$"
PLANNED = re.compile(r"(?:กำหนด(?:การ)?|มีกำหนด|จะ|เตรียม|เพื่อ|คาด(?:ว่า)?|แผนการ|เร่งรัด(?:การ)?|ผลักดัน(?:การ)?|ดัน)(?:จะ)?(?:ได้)?(?:มี)?(?:จัด)?(?:พิธี)?(?:การ)?(?:ร่วม)?(?:กัน)?\s?$"
                      r"|\b(?:expected|set|due|scheduled|likely) to (?:be |take place )?$"
                      r"|" + _AHEAD_OF_EN +
                      # "committed to work towards the signing of the MoU", "looked forward to the signing of"
                      r"|\b(?:work(?:ing|ed)? towards|look(?:s|ed|ing)? forward to|aim(?:s|ed|ing)? (?:at|for)) (?:the )?$"
                      r"|\b(?:possible|planned|eventual|upcoming|forthcoming|expected|early) $")  # "the possible signing of"
# What a meeting prepares for comes later: "to prepare for the 4th BIMSTEC Summit", "เพื่อเตรียมการสำหรับการประชุม…".
PREPARES_FOR = re.compile(_AHEAD_OF_EN + r"|เพื่อ(?:เตรียม(?:การ|ความพร้อม)?)(?:สำหรับ|ให้แก่|ใน)?(?:การ)?$")
# The words for a spouse ("นาง… ภริยา"): they follow the spouse's name.
SPOUSE_TH = "ภริยา|ภรรยา|คู่สมรส|สามี"
# A signing still to come or only supposed: "so the pact can be signed as scheduled next year", "once the pact is
# signed": no signing held.
SIGNED_LATER = re.compile(r"\b(?:can|could|will|would|shall|should|may|might|must|to)\s(?:\w+\s)?be\s$"
                          r"|\b(?:once|after|when|if)\b[^.,;]{0,60}\b(?:is|are)\s$", re.I)
# Talks the subject holds with someone ("ได้พบหารือกับ", "met with"): not a reception nor a call made.
TALKS_WITH = re.compile(r"(?:พบ)?หารือ(?:ร่วม)?กับ|(?:[Mm]et|held talks) with\b")
# A sentence that introduces a list of what follows ("… โดยสรุปได้ดังนี้", "… as follows:").
LIST_INTRO = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|as follows|the following|\b(?:today )?included|\binclude)\s*:?\s*$", re.I)
# A lead that gives only a clock time ("เมื่อเวลา 10.10 น. นายกรัฐมนตรี…"): news of the release's own day.
CLOCK_LEAD = re.compile(r"\s*(?:ทั้งนี้\s?)?(?:เมื่อ|ใน)?(?:ช่วง)?(?:เช้า|บ่าย|เย็น|ค่ำ)?(?:วันนี้)?\s?(?:เมื่อ)?เวลา\s?\d{1,2}[.:]\d{2}")
# A named meeting: "การประชุมรัฐมนตรีต่างประเทศอาเซียน ครั้งที่ 56 (56th ASEAN …)", "งาน The 5th …".
THAI_NAMED_MEETING = re.compile(
    r"(?:การ)?ประชุม(?:\s(?=รมว|รมต|รัฐมนตรี|ผู้นำ|สุดยอด|เจ้าหน้าที่อาวุโส|[A-Z]{2,}))?(?!หารือ|ทวิภาคี|ทางไกล|ผ่าน|กับ"
    r"|ร่วม(?!นายกรัฐมนตรี|คณะรัฐมนตรี|รัฐมนตรี)|ดังกล่าว"  # not "ประชุมร่วมกับ"; "การประชุมร่วมนายกรัฐมนตรี…" is a name
    r"|ครั้งนี้|นี้|ที่|ได้|มี|เห็น|รับ|จะ|ซึ่ง|เพื่อ|ครั้งต่อไป|ครั้งหน้า|นั้น|ใน|ของ|และ|ยัง|ก็|เป็น|ให้|ต่อ|โดย)"
    r"(?P<th>(?:สุดยอด)?[^\s(]{2,80}(?:\s?[-–]\s?[^\s(]{2,40})?(?:\s[^\s(]{2,30}\s?[-–]\s?[^\s(]{2,30})?"
    r"(?:\sหรือ\s[^\s(]{2,20}(?=\sครั้งที่))?"  # "ผู้นำเอเชีย-ยุโรป หรือ อาเซม ครั้งที่ 9": the name, or its short form
    r"(?:\s(?:ครั้งที่\s?\d+(?:\s?(?:และ|[-–])\s?\d+)?|สมัยพิเศษ"
    r"|สมัยที่\s?\d+))?)"
    r"(?:\s?\((?P<en>[^()]{4,160})\))?(?P<ord>\s?ครั้งที่\s?\d+)?"
    r"|งาน\s?(?P<event>(?:The\s)?[A-Z0-9][\w’'\- ]{3,100}?(?:Week|Forum|Expo|Summit|Dialogue|Conference|Festival))"
    # an English name after "การประชุม": "การประชุม 5th Lancang - Mekong Water Forum"
    r"|(?:การ)?ประชุม\s?(?P<named>(?:The\s)?(?:\d+(?:st|nd|rd|th)\s)?[A-Z][\w’'\-–]*(?:\s(?:[-–]\s)?(?:[A-Z0-9&][\w’'\-–]*"
    r"|on|of|and|for|the)){0,12}\s(?:Meeting|Summit|Conference|Forum|Dialogue|Commission|Retreat|Session|Assembly))"
    r"(?:\s?\((?P<acr>[A-Z][A-Za-z0-9\- ]{1,15})\))?"
)
ENGLISH_NAMED_MEETING = re.compile(
    # greedy over the capitalised words, so "Asia Cooperation Dialogue Ministerial Meeting" is one name
    r"(?:the\s+)?(?P<name>(?:\d+(?:st|nd|rd|th)(?:\s?(?:and|[-–])\s?\d+(?:st|nd|rd|th))?\s+)?"
    # "Second Thailand – Viet Nam Joint Cabinet Retreat": a spaced dash joins the two states of the name
    # "Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation (BIMSTEC) Ministerial Meeting":
    # a connective inside a name, between two capitalised words (not after an acronym, which closes a name: "the Fifth
    # Political Consultations (PC) and Bilateral Economic Consultation (BEC)" are two)
    r"(?:(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w’'\-–]*)(?:\s+(?:of|for|and)(?=\s+[A-Z]))?\s+(?:[-–]\s+)?"
    r"(?:\((?:\d+(?:st|nd|rd|th)\s)?[A-Z]{2,10}\)\s+)?){0,14}"
    r"(?:Meeting|Summit|Conference|Forum|Dialogue|Commission|Week|Retreat|Congress|Session|Assembly|Consultation"
    # "an Asia-Pacific Economic Cooperation (APEC) ministerial meeting": a named body's meeting in lower case
    r"|(?<=[A-Z]{2}\)\s)(?:ministerial\s|leaders['’]\s)?(?:meeting|summit)"
    r"|(?<=[A-Z0-9]{2}\s)(?:summit|ministerial meeting)"  # news: "the APEC summit", "the G20 summit"
    # "the 9th Cambodia-Thailand General Border Committee (9th GBC) meeting": a committee's numbered meeting
    r"|(?<=\d(?:st|nd|rd|th)\s)(?:[A-Z][\w’'\-–]*\s+){1,6}Committee(?:\s\((?:\d+(?:st|nd|rd|th)\s)?[A-Z]{2,10}\))?"
    r"(?:\s[Mm]eeting)?)s?"
    r"(?!\s(?:Relations|Partners?(?:hip)?|Framework|Mechanism|Process|Fund|Hall|Centre|Center|Room)\b)"  # not "… Dialogue Relations"
    # "… on Trade and Investment", not "… on October 27th"
    r"(?:\s+(?:on|of|for)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z][\w’'\-]*\s?)+)?"
    r"(?:\s+and\s+Related\s+Meetings)?)"
    r"(?:\s?\((?P<acr>[^()]{2,20})\))?"
)
# A cheap test run first: a sentence without one of these words names no meeting.
MEETING_WORD = re.compile(r"ประชุม|งาน|Meeting|Summit|Conference|Forum|Dialogue|Commission|Week|Retreat|Congress"
                          r"|Session|Assembly|Consultation|Committee|summit|ministerial meeting|\) meeting|\) leaders")
# What makes a named meeting international rather than domestic (cabinet, governors).
MULTILATERAL_NAME = re.compile(
    r"อาเซียน|เอเปค|สุดยอด|ครั้งที่\s?\d+|สมัยพิเศษ|สหประชาชาติ|แม่โขง|บิมสเทค|แอคเมคส์|ระดับรัฐมนตรี|นานาชาติ|รมว\.\S*อาเซียน"
    r"|ASEAN|APEC|Summit|BIMSTEC|ACMECS|Mekong|G20|United Nations|UN |International|Ministerial|General Assembly"
    r"|\d+(?:st|nd|rd|th) ")
# An instrument's subject, not a meeting: "the Memorandum of Understanding … on Political Consultations and …".
INSTRUMENT_ON = re.compile(r"(?:Memorandum of Understanding|\bMoU|\bMOU|Agreement|Protocol|บันทึกความเข้าใจ|ความตกลง)"
                           r"[^.;]{0,240}?(?:\s(?:on|regarding|concerning|for)|ว่าด้วย)\s(?:the\s)?(?:establishment of (?:the\s)?)?$")
BILATERAL_NAME = re.compile(
    r"คณะกรรมาธิการร่วม|คณะกรรมการร่วม|ทวิภาคี|หารือประจำปี|คณะรัฐมนตรีร่วม|คณะกรรมการชายแดน|หารือเชิงยุทธศาสตร์"
    r"|Joint Commission|Joint Committee|\bJC\b|Annual Consultation|Annual Leaders|Joint Cabinet|Border Committee|\bGBC\b"
    r"|Strategic Dialogue|Policy Consultation|Office Consultation|Joint Trade Committee|\bJTC\b"
    r"|Political Consultation|Economic Consultation|Bilateral Consultation|การหารือทางการเมือง|การหารือทวิภาคีด้านเศรษฐกิจ")
# Groupings: a meeting named after one is multilateral whatever else its name says ("ASEAN-China Joint Committee").
GROUPING_NAME = re.compile(r"อาเซียน|เอเปค|บิมสเทค|แม่โขง|ลุ่มน้ำโขง|แอคเมคส์|ASEAN|APEC|BIMSTEC|Mekong|ACMECS|G20|UN\b|United Nations")
# "ASEAN-Japan", "อาเซียน - ออสเตรเลีย", "ลุ่มน้ำโขงกับญี่ปุ่น": the partner state of a grouping's meeting
GROUPING_PARTNER = re.compile(r"(?:อาเซียน|ASEAN|แม่โขง|ลุ่มน้ำโขง|Mekong)\s?(?:[-–]|กับ(?:ประเทศ)?)\s?")
# … and the committee that organises a meeting ("การประชุมคณะกรรมการอำนวยการดำเนินการจัดการประชุมรัฐมนตรี…อาเซียน")
DOMESTIC_NAME = re.compile(r"คณะรัฐมนตรี|ครม|ผู้ว่าราชการ|สภา|Cabinet|governors?"
                           r"|คณะกรรมการ\S*จัด(?:การ)?ประชุม|[Oo]rgani[sz]ing [Cc]ommittee")

# --- context words ---------------------------------------------------------------------
# Hopes, invitations and vague plans are not events ("หวังว่าจะมีโอกาสได้พบหารือ", "invited … to visit").
_SOME_FITTING_TIME_TH = r"ในโอกาสแรก|ในโอกาสที่เหมาะสม|ในโอกาสที่สะดวก"
MODAL_BLOCK = led("หเใถคปกhHlLiImMpP", r"หวังว่า|หวังจะ|(?<!คำ)(?<!ตามคำ)เชิญ|" + _SOME_FITTING_TIME_TH + r"|ในอนาคต|หาก|(?<!ไม่)ถ้า"
    r"|คาดว่า|\bhope[sd]?\b|\blook(?:s|ed)? forward\b|\binvit(?:ed|es|ing)\b|mutually convenient"
    r"|\bintention to\b|\bintends? to\b|ประสงค์จะ|ความประสงค์ที่จะ"
    r"|\bplans? (?:for|to) (?:organi[sz]e|organi[sz]ing|hold|holding|host|hosting)\b|\bpreparations? for\b"
    r"|การเตรียมการ(?:จัด)?|เตรียมความพร้อม(?:สำหรับ|ในการ)?(?:จัด)?"
    r"|\binvitations?\b(?!\s+(?:of|from)\b)", re.I)  # "extended an invitation to X for a visit", not "at the invitation of"
# A visit that only marks the time of what the sentence tells: "ก่อนที่จะเยือนไทย …", "before visiting Thailand, …".
BEFORE_VISITING = re.compile(r"(?:ก่อนที่จะ|ก่อนจะ|ก่อนการ)(?:เดินทาง)?(?:ไป|มา)?\s?$|\b[Bb]efore\s(?:his\s|her\s|their\s)?$")
# A time no calendar has, after the event's word: "paying a state visit to China at an early date".
SOMEDAY_AFTER = re.compile(r"\bat an early date\b|\bat the earliest (?:convenience|opportunity)\b|\bat a mutually convenient"
                           r"|" + _SOME_FITTING_TIME_TH)
# A date that is not the date of an event: entry into force, approval, anniversaries, taking office.
NON_EVENT_DATE_BEFORE = re.compile(
    r"(?:ตั้งแต่|มีผลใช้บังคับ|ใช้บังคับ|เห็นชอบ|อนุมัติ|ครบรอบ|สถาปนา|เข้ารับตำแหน่ง|เปิดให้บริการ|หมดอายุ|เลือกตั้ง"
    r"|since|into force|effective|sworn in|anniversary|took office|approved|elections?)\S*\s?(?:\S+\s?){0,3}$"
    # the day something was said ("the spokesman said on Tuesday", "told reporters on Monday") is not the event's
    # (Thai "เปิดเผยว่า เมื่อวานนี้ …" puts the date inside what was said: the event's)
    # ("said the country's foreign minister on July 28")
    r"|\b(?:said|says|told|announced|stated|added|noted|confirmed|revealed)\s(?:(?!that\b)[\w’'-]+\s){0,4}(?:on\s)?$",
    re.I)
# A statement reporting an event: a day before it is the statement's ("เมื่อเวลา 15.30 น. วันที่ 19 กันยายน … ให้สัมภาษณ์
# … เปิดเผยว่าได้โทรศัพท์พูดคุย …", "On Friday, the ministry said the two ministers had met"), not the event's.
REPORTING = re.compile(r"ให้สัมภาษณ์|(?:เปิดเผย|กล่าว|ระบุ|แถลง|ยอมรับ|เผย)ว่า|\b(?:said|told reporters|announced|stated)\b")
# Not "ออนไลน์"/"online" alone: "หลอกลวงทางออนไลน์" is a topic (online scams), not a mode.
VIRTUAL = led("ทปวผvVtTpPoO", r"ทางโทรศัพท์|ประชุมทางไกล|วิดีโอ|วีดิทัศน์|ประชุมออนไลน์|ผ่านระบบออนไลน์|video|telephone|phone"
                     r"|virtual|online (?:meeting|talks|conference|call|summit)s?|via videoconference", re.I)
# A place: "ณ กระทรวง…", "ที่กรุง…", "ที่ทำเนียบนายกรัฐมนตรีญี่ปุ่น", "ที่จ.เชียงใหม่", "ที่ห้องประชุม…", "at the
# Palace", "in Tokyo" (not "ที่ประเทศ…", which as often says "that the country …")
IN_PERSON = led("\\sณทเaiVvOoนh", r"(?:^|\s)ณ\s?\S|ที่กรุง|เยือน|\bat (?:the )?[A-Z]|\bin (?:[A-Z][a-z]+)|\b[Vv]isit(?:ing)?\b|ทำเนียบรัฐบาล"
                       r"|\b[Oo]n the sidelines?\b|นอกรอบ"  # a conference's margins are a place
                       r"|\bheld here\b"  # a wire's "here": the city of its dateline
                       r"|ที่\s?(?:ทำเนียบ|จ\.\s?\S|จังหวัด\S|เมือง\S|นคร\S|ห้อง(?:ประชุม|รับรอง)|โรงแรม|ศูนย์การประชุม|สถานเอกอัครราชทูต|พระราชวัง"
                       r"|พระที่นั่ง|ตึก|อาคาร|สำนัก|ที่ทำการ)")
FUTURE = led("มกจเwWsStTeE", r"มีกำหนด|กำหนดจัด|กำหนดการ|จะ(?!ช่วย)|เตรียม|\bwill\b|\bscheduled\b|\bto be\b|\bexpected\b", re.I)
POSTPONED = re.compile(r"เลื่อน|postpone", re.I)
CANCELLED = re.compile(r"ยกเลิก|cancel", re.I)
SIDELINE = led("นรใoOiIdDpPaA", r"นอกรอบ|ระหว่างการประชุม|ระหว่างการเข้าร่วม(?:การ)?ประชุม|ในช่วงการประชุม|on the sidelines?|(?:in|on) the margins?|during the"
                      r"|prior to the|ahead of the", re.I)
# People named in these phrases are mentioned, not taking part.
MENTION_ONLY = re.compile(
    r"(?:ฝากความ\S*|อวยพร\S*|ถวาย\S*|ในสมัยที่|อดีต|ขอให้ส่งต่อ\S*|convey\S* (?:his |her |their )?\S+ (?:to|from)"
    r"|greetings (?:to|from)"
    r"|congratulations to|former)\s?(?:ไปยัง|ถึง)?\s?(?:(?-i:[A-Z])\w*\s){0,2}$", re.I)
# A sentence that lists who else took part in the event just reported.
ATTENDANCE = re.compile(r"\(?\s*(?:Attending|Also (?:present|attending)|Present (?:at the meeting )?were"
                        r"|The (?:meeting|talks?|call|consultations?)(?:, [^,.]{3,80},)? (?:was|were) (?:also )?attended by"
                        r"|Accompanying|Joining (?:him|her|them)"
                        # a visiting delegation's list: "๒. คณะทางการของนายกรัฐมนตรีเวียดนาม ประกอบด้วย …", "The Thai
                        # delegation at the retreat included …"
                        r"|(?:[\d๐-๙]{1,2}\.\s*)?คณะ(?:ทางการ|ผู้แทน)\S{0,40}?\s?(?:ประกอบด้วย|ได้แก่)"
                        r"|The [A-Z][a-z]+ delegation\b[^.]{0,80}?\b(?:included|comprised))")
# The heads of the two delegations, in a sentence after the meeting: "X and his Thai counterpart Y led their respective
# delegations", "โดยมี … เป็นหัวหน้าคณะผู้แทนฝ่าย…".
LED_DELEGATIONS = re.compile(r"\b(?:led|headed) (?:their|the) (?:respective |two )?delegations\b|หัวหน้าคณะผู้แทน(?:ฝ่าย|ของ)")
# People who went with a side: "The Ambassador was accompanied on his farewell visit by Mr X …", "… are accompanying Singh".
ACCOMPANIED = re.compile(r"\b(?:was|were) accompanied\b[^.;]{0,80}?\bby\b|\b(?:is|are|was|were) accompanying\b")
# Who assigns someone else to go does not take part: "… มอบหมาย นาย…", "…, who delegated …".
ASSIGNS_AHEAD = re.compile(r"มอบหมาย")  # the rest of a Thai title may come first ("และหัวหน้า คสช. (คสช.) มอบหมายให้")
ASSIGNS = re.compile(r"\s?,?\s?(?:ได้)?(?:มอบหมาย|มอบ(?:ให้)?\s?นาย|assigned|delegated|tasked|who (?:assigned|delegated))")
# A visit named as the occasion of what the release reports, not reported itself.
OCCASION_OF = re.compile(r"(?:ในโอกาส(?:ที่)?|ซึ่ง|ระหว่าง(?:การ)?|ขณะ)\S{0,30}(?:เดินทาง)?(?:มา|ไป)?\s?(?:การ)?$"
                         r"|\b(?:who is|who was|who (?:has )?(?:just )?(?:wrapped up|concluded|ended|completed|returned from)"
                         r"|during (?:his|her|their|the)|in (?:his|her|their)|on the occasion of (?:his|her|their|the))"
                         r"(?: [\w’'-]+){0,3} $", re.I)
OCCASION_OF_NAMED = re.compile(r"ในโอกาส(?:ที่มี|ของ)?(?:การ)?\s?$|\bon the occasion of (?:the )?$", re.I)
VISIT_AS_OCCASION = re.compile(r"(?:เนื่องใน|ใน)(?:วาระ|โอกาส)(?:ที่)?(?:การ)?\S{0,12}$|\bon the occasion of (?:his|her|their|the)\s(?:\w+\s)?$")
OFFICIAL = re.compile(r"อย่างเป็นทางการ|official|state", re.I)
# A visit made as someone's guest is one the hosts arranged: reported in its own right, not a passing occasion.
AS_GUEST = re.compile(r"ตามคำเชิญ|ในฐานะแขก|\bat the invitation of\b|\bas (?:the )?guests? of\b", re.I)
# On the occasion just reported, on its day.
OCCASION = led("ใoO", r"ในโอกาสนี้|ในการนี้|ในโอกาสดังกล่าว|on this occasion|on that occasion|on the occasion", re.I)
# A list of the states taking part in a conference, and what may separate its items.
ATTENDING_LIST = re.compile(
    r"(?:ผู้นำ|ผู้แทน|คณะผู้แทน|รัฐมนตรี\S{0,20}?)(?:จาก|ของ)(?:ประเทศ)?\s?"
    r"|\b(?:leaders|representatives|ministers|delegations|heads of (?:state|government)(?: and government)?)"
    r" (?:from|of) (?:the )?")
# The plural office that opens a list of counterparts: "the Foreign Ministers of Chile, Peru and Mexico".
COUNTERPART_LIST = re.compile(
    r"\b(?:[A-Z][a-z]+ )?(?:Ministers|Presidents|Prime Ministers|Premiers|Ambassadors|[Ll]eaders|counterparts|"
    r"[Dd]elegations|[Ee]nvoys|Secretaries)\s+(?:of|from)\s+(?:the\s+)?$"
    r"|(?:เอกอัครราชทูต|รัฐมนตรี|ผู้นำ|นายกรัฐมนตรี|ผู้แทน)\S*(?:ของ|จาก|แห่ง)(?:ประเทศ)?\s?$")
# An ASEAN meeting with its dialogue partners listed after it ("… อาเซียนกับประเทศคู่เจรจา ได้แก่ ญี่ปุ่น จีน และ
# นิวซีแลนด์", "… with Dialogue Partners, namely Japan, China and New Zealand"): one meeting with each of them.
DIALOGUE_PARTNERS = re.compile(r"(?:กับ)?(?:ประเทศ)?คู่เจรจา\S{0,12}\s?(?:ได้แก่|คือ|ประกอบด้วย)"
                               r"|[Dd]ialogue [Pp]artners?,?\s(?:namely|i\.e\.|including|:)|[Dd]ialogue [Pp]artners?\s?:")
LIST_GAP = re.compile(r"\s?(?:,|และ|\band\b|\bthe\b|\s)*\s?")
# A round of negotiations is a meeting with a name of its own ("การเจรจารอบแรก", "the second negotiating round").
NEGOTIATING_ROUND = re.compile(r"การเจรจารอบ|negotiating round|round of negotiations", re.I)
# A new event after the one just reported, on its day ("ภายหลังการหารือ … ลงนาม", "Later on the same day").
AFTER = led("ภหจตใFfAaLlEeSs", r"ภายหลัง|หลังจาก|จากนั้น|ต่อมา|ในวันเดียวกัน|ในโอกาสเดียวกัน"
    r"|\b(?:Following|After|Later|Afterwards|also|Earlier)\b|same (?:day|occasion)", re.I)
# An AFTER word whose object is the trigger right after it: "following telephone conversations", "after their
# meeting", "ภายหลังการหารือ".
AFTER_WHAT = re.compile(r"(?:following|after)\s+(?:(?:the|their|his|her|its|a|an|two|three|several)\s+)?(?:[\w-]+\s+)?"
                        r"|(?:ภายหลัง|หลังจาก)(?:ที่)?(?:เสร็จสิ้น|เสร็จ)?(?:การ|ที่)?(?:ได้)?(?:ร่วม)?\s?", re.I)
# A meeting of its own, not more about the one just reported ("In a separate meeting, …", "met separately
# with …", "ได้หารือแยกกันกับ …", "การหารืออีกวงหนึ่ง"); not "แยกกันไม่ได้" (inseparable).
SEPARATE = led("aAsSoOแหปพอ", r"\b(?:a|another)\s+separate\s+(?:bilateral\s+)?(?:meeting|talks?|session|discussions?|call|audience|courtesy call)"
    r"|\bseparately\b|\bon\s+a\s+separate\s+occasion\b"
    r"|แยกกัน(?!ไม่)|แยกต่างหาก|(?:หารือ|ประชุม|พบ)\s?แยก(?!แยะ|ย่อย|กันไม่)|อีก(?:วง|เวที)หนึ่ง", re.I)
# Where a meeting took place: "at the Ministry of Foreign Affairs", "ณ ทำเนียบรัฐบาล" (not "at the invitation of",
# not "ณ วันที่ …", the date as of which something holds).
VENUE = led("aA\\sณ", r"\bat\s+(?:the\s+)?(?P<en>(?-i:[A-Z])[\w’'.\-]*(?:\s+(?:of|for|and|the|(?-i:[A-Z])[\w’'.\-]*))*)"
    r"|(?:^|\s)ณ\s?(?!วันที่|เวลา|ขณะ|ปัจจุบัน|ที่นี้)(?P<th>[^\s(),]+(?:\s(?!และ|โดย|เพื่อ|ซึ่ง|เมื่อ|ได้|ใน)[^\s(),]+)?)")
# A conference a traveller is back from is the trip's background, not news ("ให้สัมภาษณ์ภายหลังกลับจากการเข้าร่วม
# การประชุม…", "upon returning from the G20 Summit, the Prime Minister said").
RETURNED_FROM_HEAD = re.compile(r"(?:กลับจาก|\b(?:returned|returning|return|back) from)\s?(?:การ)?(?:เข้าร่วม|attending)?"
                                r"\s?(?:การ)?(?:the\s)?$", re.I)
RETURNED_JOIN = re.compile(r"\s?(?:และ|,|\band\b)\s?(?:การ)?(?:เข้าร่วม|attending)?\s?(?:การ)?(?:the\s)?", re.I)
# A lead that opens with the day ("เมื่อเวลาประมาณ 15.30 น.วันนี้ (24 ส.ค.60) …", "On 5 May 2023, …").
DATED_LEAD = re.compile(r"\s*(?:เมื่อ)?(?:เวลา(?:ประมาณ)?\s?\d{1,2}[.:]\d{2}\s?น?\.?\s?)?(?:วันนี้|วันที่|\(|On\b|\d)")
# An item of a list one a line: "1) ปฏิญญาร่วม …", "- MoU on …", "• The Royal Audience with …".
LIST_ITEM = re.compile(r"\s*(?:\(?\d{1,2}[.)]|[-–•●▪◦*]|\([a-z]\)|[a-z]\))\s?")
# A society's name, which holds states without speaking for them: "สมาคมมิตรภาพไทย-กัมพูชา", "the Thai-Japanese Chamber
# of Commerce" (a state's name just after SOCIETY_BEFORE or just before SOCIETY_AFTER).
SOCIETY_TH = r"(?:สมาคม|มูลนิธิ|หอการค้า|สภาธุรกิจ|ชมรม|สมาพันธ์)"
SOCIETY_EN = r"(?:Association|Chamber of Commerce|Foundation|Society|Club|Business Council)"
SOCIETY_BEFORE = re.compile(rf"{SOCIETY_TH}\S{{0,24}}(?:\s?[-–]\s?)?$"
                            rf"|\b{SOCIETY_EN}\s(?:of\s)?(?:the\s)?$")
SOCIETY_AFTER = re.compile(rf"(?:\s?[-–]\s?\S+)?\s(?:Friendship\s)?{SOCIETY_EN}\b")
# A meeting said to have taken place: a named one so reported is news even with no day ("… in the third session of
# the Thai-Hungarian Joint Commission, which was held at the Foreign Affairs Ministry").
HELD = re.compile(r"\b(?:was|were) held\b|\btook place\b|ได้จัดขึ้น|จัดขึ้นเมื่อ|ได้มีการประชุม")
# A meeting or a welcome a headline may name before what came of it ("ประชุม ครม.ไทย-กัมพูชา ชื่นมื่น เซ็น …").
MEETING_OR_WELCOME = re.compile(r"ประชุม|ต้อนรับ|หารือ|\b(?:meets?|met|talks|welcomes?|hosts?)\b", re.I)
# A new clause with a verb of its own, which may have its own day ("… (25 ต.ค.) และคาดว่าจะได้ลงนาม … (26 ต.ค.)").
CLAUSE_BREAK = re.compile(r"\sและ(?:คาดว่า|จะ|ได้|มี|ยัง|ต่อมา)|,?\s(?:and (?:then|will|is expected|later)|before|while)\s")
# What links two engagements of one sentence ("talks with the Prime Minister, as well as a call on the
# President"): a talk so linked to a courtesy call is an event of its own, not the call's.
ANOTHER_ENGAGEMENT = re.compile(r"รวมทั้ง|ตลอดจน|ก่อนที่จะ|จากนั้น|นอกจากนี้|\bas well as\b|\bbefore\b|\bafter which\b"
                                r"|\band (?:will )?(?:then|later)\b|,\s(?:and\s)?(?:also\s)?(?:held|met|had)\b")
# A talk word right after "joined"/"เข้าร่วม": a session of a meeting joined, not talks between two sides.
ATTENDED = re.compile(r"เข้าร่วม(?:ใน)?(?:การ)?\s?$|\b(?:took part|participated|joined)(?: in)?(?: the| an| a)?\s$")
# A visit said to begin: the day its sentence names is its first ("began his three-day official visit").
# A visit that is its sentence's verb, not an occasion: "นายมาริษ … เดินทางเยือน …", "X paid an official visit to …".
VISIT_MADE = re.compile(r"(?<!ซึ่ง)(?<!ที่)(?<!โอกาส)(?:ได้)?เดินทาง(?:ไป)?\s?$|\b(?:paid|made)\s(?:a|an|his|her)\s(?:[\w-]+\s){0,3}$")
# "(Xinhua) --", "(TNA) -"; a Thai lead's "21 พ.ย. 55 - เมื่อเวลา …" is no wire's
DATELINE_END = re.compile(r"\s*(?:\([A-Za-z .]{2,20}\))?\s*(?:--|[–—])\s|\s*\([A-Za-z .]{2,20}\)\s*(?:-\s|[–—](?=[A-Z]))")
WHILE_VISITING = re.compile(r"ระหว่าง|ขณะ|ในโอกาส|ซึ่ง|มีกำหนด|\b(?:while|during|who|when|will|to)\b", re.I)
VISIT_BEGAN = re.compile(r"\b(?:began|begins|started|starts|kicked off|opened)\s(?:his|her|their|a|an|the)\s(?:[\w-]+\s){0,3}$"
                         # "arriving in Bangkok from Tokyo today for a two-day visit": the day of arrival is the first
                         r"|\barriv(?:ed|es|ing)\s(?:in|at)\s[^.;]{0,50}?\bfor\s(?:a|an|his|her|their)\s(?:[\w-]+\s){0,3}$"
                         r"|เริ่ม(?:การ)?\s?$")
# A visit said to end: the day its sentence names is its last ("concluding his working visit to Thailand today").
VISIT_ENDED = re.compile(r"\b(?:conclud|wrapp\w* up|end|complet|wind\w* up)\w*\s(?:his|her|their|a|an|the)\s(?:[\w-]+\s){0,3}$"
                         r"|(?:สิ้นสุด|เสร็จสิ้น)(?:การ)?\s?$", re.I)
# A journey whose purpose is the conference: "เดินทางถึงกรุงโตเกียว เพื่อเข้าร่วมการประชุม … เมื่อวันที่ 16", "arrived in
# Tokyo to attend the … Summit on 16 December": the single day is the journey's.
_JOURNEY_EN = r"\barriv\w*|\ble(?:ave|ft) for|\bdepart\w*|\bfl(?:y|ew) to"  # a journey's English verbs
TRAVEL_TO_ATTEND = re.compile(rf"(?:เดินทาง(?:ไป|ถึง)|ออกเดินทาง|{_JOURNEY_EN}|\b(?:was |is )?visiting|\bvisit to|\btravel(?:l)?ed to)"
                              r"[^.\n]{0,100}(?:เพื่อ(?:เข้า)?ร่วม(?:ใน)?|\bto attend|\bfor)\s?(?:การ|the\s)?$"
                              r"|(?:^|\s)ไป(?:เข้า)?ร่วม(?:การ)?\s?$", re.I)  # "… นายกรัฐมนตรี ไปร่วมประชุม …"
# "เดินทางเข้าร่วมประชุม …": there in person (the journey's day may still be another one); TRAVEL_TO_ATTEND
# reads the English ("travelled to Jakarta to attend") and the Thai that says เพื่อ.
WENT_TO_ATTEND = re.compile(r"เดินทาง(?:ไป)?\s?(?:เข้า)?ร่วม(?:ใน)?(?:การ)?\s?$")
# What introduces a day given to a conference's name: "the Summit scheduled for Tuesday", "ซึ่งจัดขึ้นในวันที่ 5".
CONFERENCE_DAY = re.compile(r"\b(?:scheduled|slated|set|due) (?:for|on) $|\bto be held (?:on )?$|\bheld on $"
                            r"|จัดขึ้น(?:ใน|ระหว่าง)?(?:วันที่)?\s?$", re.I)
# A period before the release's: what a later sentence places there is recalled, not reported.
PAST_PERIOD = re.compile(r"\blast (?:month|year|week|January|February|March|April|May|June|July|August|September|October"
                         r"|November|December)\b|\bearlier this (?:year|month)\b|\b(?:a|one|two|three) (?:months?|years?) ago\b"
                         r"|เมื่อ(?:เดือน|ปี|สัปดาห์)ที่แล้ว|เมื่อ(?:ปี|เดือน)ก่อน", re.I)
# A year right after an event's word: "signed in 2011 by …", "visited Japan in 2005", "ลงนามเมื่อปี 2554".
YEAR_AFTER = re.compile(r"(?:\s(?:[a-z][\w-]*\s){0,3}?in\s(?P<ce>(?:19|20)\d\d)(?![\d/-])"
                        r"|\S{0,30}?\s?(?:เมื่อ|ใน)ปี\s?(?:พ\.ศ\.\s?)?(?P<be>25\d\d)(?!\d))")
IN_A_CLAUSE_OF = re.compile(r"\b(?:during|after|following|since|in the wake of)\b[^.;]{0,60}$|(?:ระหว่าง|ภายหลัง|หลังจาก|ตั้งแต่)\S{0,40}$",
                            re.I)
# A journey: its day is not the day of the conference it leads to.
TRAVEL = re.compile(rf"เดินทาง(?:ไป|ถึง|กลับ)(?!เยือน|ร่วม|เข้าร่วม)|ออกเดินทาง|(?:{_JOURNEY_EN})\b"
                    r"(?:(?!ประชุม|Summit|Meeting|Conference)[^.])*$", re.I)
# The event just reported, named again ("การหารือดังกล่าว", "การประชุมครั้งนี้"): no new event, no new day.
BACK_REFERENCE = re.compile(r"\s?(?:ดังกล่าว|ครั้งนี้|ในครั้งนี้)")
# An earlier meeting cited as the ground of what is reported: "เป็นไปตามมติที่ประชุม…", "in line with the
# decisions of the …", "pursuant to the agreement reached at …".
CITED_AS_GROUND = re.compile(r"(?:ตาม|เป็นไปตาม)(?:มติ|ข้อตกลง|ผลการ)(?:ของ)?(?:ที่)?\s?$"
                             r"|\b(?:in (?:line|accordance) with|pursuant to|following up on) the (?:decisions?|outcomes?|"
                             r"agreements?|resolutions?)(?: reached)? (?:of|at) the\s$", re.I)
# An instrument put to work, its signing told in passing ("to actively implement the five-year project for economic
# and trade cooperation signed by the two sides"): no signing reported.
IMPLEMENTS_SIGNED = re.compile(r"\bimplement(?:s|ed|ing|ation of)?\s(?:the\s)?(?:[\w-]+\s){0,10}$", re.I)
# Said to take part in a conference (not only to prepare for it or to be invited).
ATTENDS = re.compile(r"เข้าร่วม|ร่วมการประชุม|ร่วมประชุม|นำคณะ|ประธาน|เดินทางไป|\battend|\bled\b|\bparticipat|\bchair",
                     re.I)
# "ทั้งสองฝ่าย", "the two Ministers": the people of the event just reported.
# A pronoun subject: the person of the event just reported ("On 8 May, he paid a courtesy call on …").
PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# "his Thai counterpart", "the two FMs", "both ministers": the other side is the person just spoken of.
COUNTERPART = led("hHtTทค", r"\b(?:his|her|their) (?:\w+ )?counterparts?\b|\bthe two (?:FMs|PMs|ministers|leaders|sides)\b"
                         r"|ทั้งสองฝ่าย|คู่หารือ", re.I)
WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b|\band I\b|(?:^|\s)(?:เรา|พวกเรา)")
I_OR_WE = re.compile(r"\b(?:I|[Ww]e)\b(?! [A-Z]\w)|(?:^|\s)(?:ผม|ดิฉัน|เรา|พวกเรา)")  # not "World War I Memorial"
MEETING_HELD = re.compile(r"held (?:a |an |their )?(?:bilateral |official |formal |separate )?(?:meeting|talks)\b"
                          r"|(?:ได้)?(?:หารือ|ประชุม)ทวิภาคี")
# "the Thai and Chinese prime ministers", "the Thailand and Malaysia leaders": the two of the talks just reported
PAIR_OF_LEADERS = re.compile(r"\b[Tt]he (?:[A-Z][a-z]+ and [A-Z][a-z]+|two) (?:prime ministers|premiers|leaders|presidents"
                             r"|foreign ministers|ministers|heads of (?:state|government))\b|\bboth (?:leaders|prime ministers|ministers)\b")
BOTH_SIDES = re.compile(r"ทั้งสองฝ่าย|ทั้งสอง(?!ประเทศ)|\bthe two\b|\bboth (?:sides|ministers|leaders)\b", re.I)
# A sentence whose subject is the two sides ("ทั้งสองฝ่ายยินดีที่ … และได้หารือ …", "Both sides welcomed … and discussed"):
# it goes on about the meeting just reported, however far its verb.
BOTH_SIDES_LEAD = re.compile(r"\s*(?:โดย|ทั้งนี้|นอกจากนี้|และ|In addition,?|Also,?)?\s*(?:ทั้งสองฝ่าย|ทั้งสองประเทศ|Both sides|The two sides)")
# "ระหว่าง A กับ B" / "between A and B": the two sides of a meeting that another party hosts.
# "ระหว่างนายกรัฐมนตรีกับนายกรัฐมนตรีมาเลเซีย", "between Thailand and Malaysia": two parties, not "during" a time
BETWEEN_PARTIES = re.compile(r"ระหว่าง(?!วันที่|\s?\d|การ|นี้)\S{0,60}?กับ|between\s+(?:the\s+)?[A-Z]")
BETWEEN = re.compile(r"ระหว่าง|\bbetween\b")



# Words without one of which a trigger pattern cannot match (lower case): a sentence is scanned for a kind
# only if one of them is in it — a substring test in C instead of a regex scan of every position.
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "CourtesyCall": ("คารวะ", "คาราวะ", "คำนับ", "เข้าพบ", "เข้าเฝ้า", "ตราตั้ง", "courtesy", "called on", "farewell",
                     "call on", "audience", "credentials"),
    "OfficialVisit": ("เยือน", "ราชการ", "visit"),
    "AgreementSigning": ("ลงนาม", "แลกเปลี่ยน", "เซ็น", "ต่ออายุ", "sign", "exchange", "inked", "renewed"),
    "Call": ("โทร", "ทางไกล", "ต่อสาย", "วิดีโอ", "วีดิทัศน์", "ผ่านระบบ", "phon", "video", "virtual", "spoke",
             "call with"),
    "BilateralMeeting": ("หารือ", "ประชุม", "ทวิภาคี", "ต้อนรับ", "รับรอง", "เจรจา", "แลกเปลี่ยน", "met", "meet", "held", "had ",
                         "bilateral",
                         "talks", "received", "negotiat", "exchanged views", "summit", "chaired", "discussed", "talked",
                         "conferred", "consulted", "discussion", "consultation", "welcomed", "and i ", "hosted",
                         "assessed", "evaluated", "reviewed",
                         "counterpart"),
}

# The same as one alternation of literals per kind: one search in C instead of a substring test per word.
TRIGGER_NEEDLES = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in TRIGGER_WORDS.items()}

# Words (lower case) without which a sentence holds no match of a sentence-level cue: the cue's regex,
# which has no literal to skip ahead by, is run only where one is present (a substring test, in C).
CUE_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {
    VIRTUAL: ("โทรศัพท์", "ทางไกล", "วิดีโอ", "วีดิทัศน์", "ออนไลน์", "video", "phone", "virtual", "online "),
    IN_PERSON: ("ณ", "ที่กรุง", *(f"ที่{gap}{place}" for gap in ("", " ") for place in (
                "ทำเนียบ", "จ", "เมือง", "นคร", "ห้อง", "โรงแรม", "ศูนย์", "สถาน", "พระ", "ตึก", "อาคาร", "สำนัก", "ที่ทำการ")),
                "เยือน", "ทำเนียบรัฐบาล", "at ", "in ", "visit", "sideline", "นอกรอบ", "held here"),
    SIDELINE: ("นอกรอบ", "ระหว่างการประชุม", "ระหว่างการเข้าร่วม", "ในช่วงการประชุม", "sideline", "margin", "during the", "prior to the",
               "ahead of the"),
    AFTER: ("ภายหลัง", "หลังจาก", "จากนั้น", "ต่อมา", "ในวันเดียวกัน", "ในโอกาสเดียวกัน", "following", "after", "later",
            "also", "earlier", "same day", "same occasion"),
    SEPARATE: ("separate", "แยก", "อีกวง", "อีกเวที"),
    VENUE: ("at ", "ณ"),
    OCCASION: ("ในโอกาสนี้", "ในการนี้", "ในโอกาสดังกล่าว", "occasion"),
    ATTENDS: ("เข้าร่วม", "ร่วมการประชุม", "ร่วมประชุม", "นำคณะ", "ประธาน", "เดินทางไป", "attend", "led", "participat",
              "chair"),
    COUNTERPART: ("counterpart", "the two", "ทั้งสองฝ่าย", "คู่หารือ"),
    CANCELLED: ("ยกเลิก", "cancel"),
    POSTPONED: ("เลื่อน", "postpone"),
    FUTURE: ("กำหนด", "จะ", "เตรียม", "will", "scheduled", "to be", "expected"),
}
# One alternation of each cue's needles (see TRIGGER_NEEDLES).
CUE_NEEDLE_RE = {pattern: re.compile("|".join(map(re.escape, words))) for pattern, words in CUE_NEEDLES.items()}
