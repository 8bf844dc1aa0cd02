"""Standard codes for the analyst tables: CAMEO and PLOVER from the ontology, ISO alpha-3 and COW.

CAMEO codes and PLOVER types and modes have one home: the ``dg:cameoCode``,
``dg:ploverType`` and ``dg:ploverMode`` annotations of the event classes, the
modes and the agreement statuses in ``ontology/diplograph.ttl``. This module
reads them once and applies the rule that picks exactly one code per row — a
class may list several (a bilateral meeting is 040, 041 or 044) — so that the
codebook (``docs/datasets.md``, "How codes are assigned") and the tables say the
same thing. ISO alpha-3 and Correlates of War codes come from the package copy of
Our World in Data's countries table (``data/countries.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..gazetteer import read_tsv
from ..rdf.namespaces import DG_IRI

# The roles the rule gives to codes the ontology lists. Which codes a class may take is the
# ontology's; these name the variants the rule picks among them.
THIRD_LOCATION = "044"  # meet at a third location: talks on the sidelines of a multilateral meeting
MULTILATERAL_MODE = "multilateral"  # PLOVER mode of talks in a multilateral setting


@dataclass(frozen=True)
class Annotation:
    """What the ontology says about one class or individual: its CAMEO codes, PLOVER type and modes."""

    cameo: tuple[str, ...] = ()
    plover_type: str = ""
    plover_modes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codes:
    cameo: str
    plover_type: str
    plover_mode: str


@dataclass(frozen=True)
class CountryCodes:
    iso3: str
    cow: int | None


@cache
def annotations() -> dict[str, Annotation]:
    """Every annotated term of the ontology, by local name (``BilateralMeeting``, ``Virtual``, ``Signed``)."""
    import pyoxigraph as ox

    from ..resources import resource_file

    found: dict[str, dict[str, set[str]]] = {}
    wanted = {DG_IRI + "cameoCode": "cameo", DG_IRI + "ploverType": "type", DG_IRI + "ploverMode": "mode"}
    with resource_file("ontology", "diplograph.ttl").open("rb") as handle:
        for triple in ox.parse(handle, ox.RdfFormat.TURTLE):
            key = wanted.get(triple.predicate.value)
            if key and triple.subject.value.startswith(DG_IRI):
                local = triple.subject.value[len(DG_IRI):]
                found.setdefault(local, {}).setdefault(key, set()).add(triple.object.value)
    return {name: Annotation(tuple(sorted(v.get("cameo", ()))), min(v.get("type", {""})),
                             tuple(sorted(v.get("mode", ())))) for name, v in found.items()}


def event_codes(event_type: str, modes: frozenset[str], during_type: str | None) -> Codes:
    """One CAMEO code, the PLOVER type and one PLOVER mode for an event (the codebook's rule).

    Among the codes the event's class lists: its only code if it has one (a signing is
    057); the virtual mode's code (041, discuss by telephone) when the event was held only
    virtually; the third-location code (044) for talks on the sidelines of a multilateral
    meeting; otherwise the class's lowest code — 040 (consult) for meetings, 042 (make a
    visit) for visits and calls, since a row is an unordered pair and the store does not
    record which side travelled (043, host a visit, is the same event seen from the host).
    The PLOVER mode follows the same reasons: phone, multilateral, or the class's only mode.
    """
    ann = annotations().get(event_type, Annotation())
    virtual = annotations().get("Virtual", Annotation())
    only_virtual = modes == {"Virtual"}
    sideline = during_type == "MultilateralMeeting"
    cameo = ann.cameo
    if len(cameo) <= 1:
        code = cameo[0] if cameo else ""
    elif only_virtual and set(virtual.cameo) & set(cameo):
        code = min(set(virtual.cameo) & set(cameo))
    elif sideline and THIRD_LOCATION in cameo:
        code = THIRD_LOCATION
    else:
        code = cameo[0]
    plover = ann.plover_modes
    if only_virtual and set(virtual.plover_modes) & set(plover):
        mode = min(set(virtual.plover_modes) & set(plover))
    elif sideline and MULTILATERAL_MODE in plover:
        mode = MULTILATERAL_MODE
    elif len(plover) == 1:
        mode = plover[0]
    else:
        mode = ""
    return Codes(code, ann.plover_type, mode)


def status_codes(status: str) -> Codes:
    """An agreement's codes, from its latest status: proposed or approved 030 AGREE, under
    negotiation 046 CONSULT, signed 057 SUPPORT."""
    ann = annotations().get(status, Annotation())
    return Codes(ann.cameo[0] if ann.cameo else "", ann.plover_type, "")


@cache
def _countries() -> dict[str, CountryCodes]:
    out: dict[str, CountryCodes] = {}
    for iso2, iso3, cow, *_ in read_tsv("countries.tsv"):
        if iso2 != "iso2":
            out[iso2] = CountryCodes(iso3, int(cow) if cow else None)
    return out


def country(iso2: str) -> CountryCodes:
    """ISO alpha-3 and Correlates of War codes of a country (empty, None when it has none: Hong Kong)."""
    return _countries().get(iso2, CountryCodes("", None))


def iso2(code: str) -> str:
    """An ISO alpha-2 code from an alpha-2 or alpha-3 code a user gives (``th``, ``THA``), checked."""
    from ..errors import DiplographError
    from ..queries import _country_code

    found = _country_code(code.strip())
    if found is None:
        raise DiplographError(f"--country {code!r}: not an ISO 3166-1 country code (give e.g. TH or THA)")
    return found


__all__ = ["Annotation", "Codes", "CountryCodes", "annotations", "country", "event_codes", "iso2", "status_codes"]
