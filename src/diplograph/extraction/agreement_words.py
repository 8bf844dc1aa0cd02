"""The wording that tells an agreement's status and where its name ends: the verbs that govern it, a cabinet's
approval, a step reported after the name, a clause that is about it rather than part of its name.

Kept apart from the extractor (agreements.py) as the event cues are (cues.py): rules of the language of releases,
compiled once.
"""

from __future__ import annotations

import re

# Another act's clause between a name and a verb after it: "The statement comes after X and Y signed …".
OTHER_ACT = re.compile(r"\b(?:after|before|following|since|when)\b|ภายหลัง|หลังจาก")
# An agreement "of both countries", whose other state its sentence names elsewhere.
BOTH_STATES = re.compile(r"ทั้ง\s?(?:2|สอง)\s?(?:ประเทศ|ฝ่าย)|\b(?:both|the two) (?:countries|sides|governments)\b", re.I)
STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("Signed", re.compile(
        r"(?<!ผู้)(?<!วัน)(?<!จะ)(?<!จะร่วม)(?<!เตรียม)(?<!เพื่อ)(?<!กำหนดวัน)(?<!ที่จะ)(?<!ให้)(?<!ก่อน)(?<!ก่อนการ)ลงนาม(?!\S*โดยเร็ว)"
        r"|เซ็น(?:สัญญา)?\s?$|ออกแถลงการณ์|ออก$|แลกเปลี่ยน(?:เอกสาร|บันทึก|หนังสือ|$)|\b(?<!to be )(?<!will be )(?:signed|inked)\b|\b[Ss]igning of\b"
        r"|\b[Ss]igning [Cc]eremon(?:y|ies)\b|\bexchanged\b|\bexchange of\b|\bissued\b|\badopted\b|\breleased\b|\bworked out\b"
        # a renewal is a new signing ("renewed their memorandum", "ต่ออายุบันทึกความเข้าใจ")
        r"|(?<!จะ)(?<!เพื่อ)ต่ออายุ|\brenewed\b")),
    ("Approved", re.compile(r"เห็นชอบ|อนุมัติ|ไฟเขียว|\bapprov\w*|\bendorse\w*|\bratif\w*|\bgreen light\b")),
    ("UnderNegotiation", re.compile(r"เจรจา|แลกเปลี่ยนร่าง|\b[Nn]egotiat\w*|\bexchanged (?:the |their )?drafts?\b")),
    ("Proposed", re.compile(
        r"ผลักดัน|(?<!ผลัก)ดัน|เตรียม|เสนอ|เร่ง|จัดทำ|ยกร่าง|ศึกษา|จะลงนาม|จะร่วมลงนาม|ผู้ลงนาม|\bpropos\w*|\bconclud\w*"
        r"|\bto be signed\b|\bwill be signed\b|\bexpected to be\b|\bwork towards\b|\bexplore\b|\bstudy\b"
        r"|\b(?:would|will|to|soon) (?:then )?sign\b|\bdevelop\b|\bdraft(?:ing)?\b"
        # a bare "sign" in a list of what two sides will do: "will work together to organise …, sign an action programme"
        r"|(?<=, )sign\b|(?<=, and )sign\b")),
]
# After the name: "… was released", "… was signed", "MoU signing ceremonies", "a joint statement said".
STATUS_AFTER = re.compile(r"^\s?(?:was|were|has been|have been)?\s?(?:also\s)?(?:signed|issued|released|adopted|exchanged)\b"
                          r"|^\s?signing ceremon|^\s?said\b|^\s?(?:ลงนาม|ที่(?:ได้)?(?:มีการ)?ลงนาม)")
# A cabinet's approval governs the drafting or signing it approves ("อนุมัติการจัดทำบันทึก…", "เห็นชอบการลงนาม
# ร่างบันทึก…", "approved the signing of …"): the agreement is approved, not proposed or signed.
APPROVES = re.compile(r"(?:อนุมัติ|เห็นชอบ)(?:ให้|ใน|ต่อ)?(?:การ|ร่าง)?\s?(?:(?:จัดทำ|ลงนาม|ยกร่าง)(?:\s?และ\s?(?:การ)?(?:จัดทำ|ลงนาม))?)?"
                      r"(?:ร่าง)?\s?(?:ใน)?\s?$"  # "อนุมัติการจัดทำและลงนามบันทึก…"
                      r"|\b[Aa]pprov\w* (?:the |a |an )?(?:signing|conclusion|draft\w*)(?: of)?(?: the)? ?$")
CABINET = re.compile(r"(?:คณะรัฐมนตรี|ครม\.?)\s?(?:ยัง|ได้|จึง)?(?:มีมติ|ได้มีมติ)?\s?(?:อนุมัติ|เห็นชอบ|ไฟเขียว)"
                     r"|[Cc]abinet (?:has |had |(?:on )?\w+day )?(?:approved|endorsed|gave)")  # "The cabinet yesterday approved"
# A step the sentence states of the agreement it has just named, in the passive: it governs, whatever verb
# came before the name ("… เป็นผู้ลงนาม ความตกลงฉบับนี้ผ่านความเห็นชอบของคณะรัฐมนตรีเมื่อวันที่ 9 มกราคม").
STEP_AFTER = re.compile(r"\s?(?:ฉบับนี้|ดังกล่าว)\s?(?:ได้)?(?:ผ่าน|รับ|ได้รับ)(?:การ)?(?:ความเห็นชอบ|อนุมัติ|ลงนาม)"
                        r"|\s(?:has|had|was|were|have)\s(?:been\s)?(?:approved|endorsed|signed|ratified)\b")
OTHER_EVENT_DATE = re.compile(r"(?:talks|meeting|visit|summit|หารือ|ประชุม|เยือน)\S*\s?(?:on|from|เมื่อ)?\s?(?:วันที่)?\s?$", re.I)
SUBJECT_VERB = re.compile(r"ลงนาม|ออก|แลกเปลี่ยน|จัดทำ|เห็นชอบ|เจรจา|\b(?:signed|issued|exchanged|adopted|agreed|concluded|"
                          r"approved|negotiat\w*|launched|released|will|to)\b")
NEGOTIATING = re.compile(r"negotiations?|talks", re.I)
GLUED_CLAUSE = re.compile(r"(?:ดังกล่าว|ฉบับนี้|ฉบับ|นี้)?\s?(?:จะ|มี|เป็น|ได้|ซึ่ง|ที่|ก็|ยัง|ให้)")
INTENT = re.compile(r"(?:agreed|decided|planned|plan|hope[sd]?|wish(?:ed)?|intend(?:ed)?|expect(?:ed)?) to "
                    r"(?:launch |start |begin |open |hold |expedite |speed up |accelerate |finali[sz]e |push for )?(?:the )?$"
                    r"|\bwill (?:launch |start |begin )?$|\bto (?:launch|start|begin) $"
                    r"|(?:เห็นพ้อง|ตกลง)?ที่จะ(?:เริ่ม|เปิด)?(?:การ)?$|จะ(?:เริ่ม|เปิด)(?:การ)?$|เตรียม(?:เปิด)?(?:การ)?$")
# A sentence about what the sides will do: its "the signing of …" is a signing still to come ("They will also
# maintain …, including … the signing of an action plan").
FUTURE_CLAUSE = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|agreed|expected|look(?:ed)? forward) to)\b")
SIGNING_NOUN = re.compile(r"[Ss]igning (?:of|[Cc]eremon)")
PAST_VERB_BEFORE = re.compile(r"\b[a-z]+ed (?:the )?$")  # "… and welcomed the signing of …": that verb governs it
# A state that acts towards an agreement at the head of the clause: "Turkey aims to sign a …", "Japan wants to conclude …".
STATE_AIMS = re.compile(r"(?:^|[.;]\s|,\s)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:aims|plans|wants|seeks|eyes|hopes|is keen|has agreed"
                        r"|agreed|proposed|offered)\b[^,.;]{0,30}$")
THIS_DOCUMENT = re.compile(r"\b[Tt]his (?:Joint|joint)|ร่วมฉบับนี้")
ANOTHER = re.compile(r"\b(?:[Tt]he other|[Aa]nother|[Tt]he second|[Aa] second)\s+$|อีก(?:หนึ่ง)?(?:ฉบับ)?(?:คือ|ได้แก่)?\s?$")
# Revising an agreement says it exists: "เสนอปรับปรุงความตกลงการค้าเสรี", "to upgrade the ASEAN-China FTA".
REVISED = re.compile(r"(?:ปรับปรุง|ทบทวน|แก้ไข|อัปเกรด|อัพเกรด|ยกระดับ|ต่อยอด)(?:การ)?\s?$"  # "ต่อยอด FTA ไทย-อินเดีย": build on it
                     r"|\b(?:upgrad\w*|review\w*|revis\w*|amend\w*|updat\w*|build(?:ing)? on)"
                     r"(?: of)? (?:the|their|its|an|the existing) (?:existing )?$", re.I)
# A list's heading, its items one a line (cues.LIST_ITEM): "… ลงนาม … จำนวน 6 ฉบับ ดังนี้" / "1) ปฏิญญาร่วม …",
# "signed the following documents:" / "- MoU on …".
LIST_HEAD = re.compile(r"(?:ดังนี้|ได้แก่|\bas follows|\bthe following\b[^.]{0,40}|:)\s*$")
# A line a speaker opens ("Don Pramudwinai, Thai Deputy Prime Minister: Good evening …"): a page of remarks at a
# joint press conference, headed "Joint Press Statement" or not, is no statement signed.
# (a name and its office before the colon: a heading's "Joint Press Release: …" is none)
SPEAKER_LINE = re.compile(r"(?m)^(?:[A-Z][\w.'’-]*\s){1,4}?[A-Z][\w.'’-]*,\s[^:\n]{2,80}:\s+\S")
IN_FORCE = re.compile(r"(?<!จะ)มีผลใช้บังคับ|entered into force|in force|came into force|took effect|(?:has|have) been in place")
TITLE_END = re.compile(
    # a Thai relative clause glued to the name: "…ระหว่างไทยกับเมียนมาที่ลงนามไว้เมื่อปี 2558"
    r"(?=(?:ที่|ซึ่ง)(?:ได้)?(?:มีการ)?ลงนาม)"
    r"|\s(?=ตามที่|ซึ่ง|โดย|เพื่อ|ลงนาม|ที่|และ(?:ได้|จะ|อนุมัติ|เห็น)|พร้อม|ณ\s|ให้|จะ|เป็น|ภายใน)|(?:[,;]|(?<![ก-ฮ])\.)(?=\s)|\s(?=which|that|to be|was|will|at|during|and (?:agreed|signed|discussed|exchanged|welcomed)"
    r"|(?:issued|signed|adopted|released|exchanged|approved by|endorsed by|entered into force|came into force|took effect)\b"
    # the verb of a sentence about it: "The joint statement comes after …"
    r"|(?:comes?|came|follows?|followed|includes?|included|covers?|aims?|is|are|has|have|had|were)\b)")
