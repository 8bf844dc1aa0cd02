"""IRIs minted from the things themselves, never from the release that mentions them.

An event's IRI is its kind, date and countries (a multilateral meeting: kind,
start date and its own name), an agreement's its kind, parties and own subject
(what it covers, read from its name: never a topic category), a
person's their identity key — so two releases reporting the same meeting mint
the same IRI, whatever order they are read in. Every path segment is a slug or
is percent-encoded: a minted IRI is always valid, for any text at all (file
names users chose, JSONL ids, names scraped from the web), and the same text
always gives the same IRI. Keys built from slugs, dates and ISO codes
(``bilateral-meeting/2020-09-29/sg-th``) hold only unreserved characters and
``/``, so encoding them changes nothing; it only guards against a key that
would otherwise break the IRI.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from ..model import AGREEMENT_STATUSES as ORDER
from ..model import Agreement, Event
from ..resolve import slug
from .namespaces import ID

_KIND_SLUG = {
    "BilateralMeeting": "bilateral-meeting", "MultilateralMeeting": "multilateral-meeting",
    "OfficialVisit": "official-visit", "CourtesyCall": "courtesy-call", "AgreementSigning": "agreement-signing",
    "MemorandumOfUnderstanding": "mou", "JointStatement": "joint-statement", "LetterOfIntent": "letter-of-intent",
    "Agreement": "agreement",
}


def segment(text: str) -> str:
    """A safe IRI path segment for any text (release ids are file names users chose).

    UTF-8 percent-encoded; a lone surrogate (which UTF-8 cannot encode) is
    encoded as its code point's three bytes, so no text makes this raise and
    different texts never share a segment.
    """
    return quote(text.encode("utf-8", "surrogatepass"), safe="-._~")


def _path(key: str) -> str:
    """A key of several segments (``kind/date/countries``): each one made safe, the slashes kept."""
    return quote(key.encode("utf-8", "surrogatepass"), safe="-._~/")


def release_iri(release_id: str) -> URIRef:
    return ID["release/" + segment(release_id)]


def country_iri(iso2: str) -> URIRef:
    return ID["country/" + segment(iso2.upper())]


def person_iri(key: str) -> URIRef:
    return ID["person/" + segment(key)]


def org_iri(key: str) -> URIRef:
    return ID["org/" + segment(key)]


def topic_iri(notation: str) -> URIRef:
    return ID["topic/" + segment(notation)]


def event_key(event: Event, parent_key: str | None = None, release_id: str | None = None) -> str:
    """The identity of an event: what makes two reports of it the same event.

    An undated event is known by the event it is held during; one held during none cannot be told from
    another of the same kind and sides (Thailand and Korea have met undated in many releases, years
    apart), so it is its release's own (``…/undated/kr-th/in/<release>``), like an unnamed agreement:
    when identity is unsure, keep apart."""
    kind = _KIND_SLUG[event.kind]
    when = event.date.isoformat() if event.date else "undated"
    if event.kind == "MultilateralMeeting":
        key = f"{kind}/{when}/{slug(event.name or 'unnamed')}"
        return key + f"/in/{slug(release_id)}" if event.date is None and not event.name and release_id else key
    key = f"{kind}/{when}/{'-'.join(c.lower() for c in event.countries) or 'no-country'}"
    if event.name:
        key += "/" + slug(event.name)
    if event.date is None and parent_key:
        key += "/during/" + parent_key.replace("/", "-")
    elif event.date is None and release_id:
        key += "/in/" + slug(release_id)
    return key


def event_iri(key: str) -> URIRef:
    return ID["event/" + _path(key)]


def agreement_key(agreement: Agreement, release_id: str) -> str:
    """The identity of an agreement: kind, parties and its own subject (``mou/kh-th/energy``).

    An agreement whose release names no subject ("the MoU", "แถลงการณ์ร่วม") cannot be told from
    another of the same parties by its name, so it is never merged on the name alone: it is keyed by
    the first step the release dates ("the joint statement signed on 7 February 2024", "the MoU the
    cabinet approved on 6 February" — a link the release states), else by the release itself
    (``…/unnamed/d012``), which keeps it apart from every other agreement.
    """
    parties = "-".join(c.lower() for c in agreement.parties)
    subject = agreement.subject
    if not subject:
        steps = sorted((when, ORDER.index(status), status) for status, when in agreement.history if when)
        when = steps[0] if steps else None
        subject = (f"unnamed/{slug(when[2])}-{when[0].isoformat()}" if when
                   else f"unnamed/{segment(release_id)}")
    return f"{_KIND_SLUG[agreement.kind]}/{parties}/{subject}"


def agreement_iri(key: str) -> URIRef:
    return ID["agreement/" + _path(key)]


def status_change_iri(agreement_key_: str, release_id: str, status: str) -> URIRef:
    return ID[f"status/{_path(agreement_key_)}/{segment(release_id)}/{slug(status)}"]
