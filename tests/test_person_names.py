"""One way to name a person in every command: ``query -p person=``, ``viz --view person:``, ``network
--person`` and the network page read a key, an IRI or a name (whole or part, Thai or Latin script, the
person registry's spellings) with one function, :func:`diplograph.person_names.find_person`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph.network as dn
from diplograph import queries
from diplograph.cli import main
from diplograph.person_names import AmbiguousPerson, UnknownPerson, find_person, loose_form
from diplograph.store import EmbeddedStore

PERSON = "https://w3id.org/diplograph/id/person/"

PEOPLE = {
    "prayut-chan-o-cha": ["Prayut Chan-o-cha", "ประยุทธ์ จันทร์โอชา"],
    "srettha-thavisin": ["Srettha Thavisin", "เศรษฐา ทวีสิน"],
    "lawrence-wong": ["Lawrence Wong", "ลอว์เรนซ์ หว่อง"],
    "penny-wong": ["Penny Wong", "เพนนี หว่อง"],
    "somchai-rakchat": ["Somchai Rakchat", "Somchai Rakchart"],  # not in the registry
}


@pytest.mark.parametrize(("text", "key"), [
    ("prayut-chan-o-cha", "prayut-chan-o-cha"),                         # a key
    (PERSON + "prayut-chan-o-cha", "prayut-chan-o-cha"),                # an IRI
    ("Prayut Chan-o-cha", "prayut-chan-o-cha"),                         # the name
    ("prayut chan-o-cha", "prayut-chan-o-cha"),                         # any case
    ("PrayutChanocha", "prayut-chan-o-cha"),                            # no spaces or hyphens
    ("Prayuth Chan-o-cha", "prayut-chan-o-cha"),                        # the registry's spelling
    ("Prayuth", "prayut-chan-o-cha"),                                   # part of a registry spelling
    ("Prayut", "prayut-chan-o-cha"),                                    # part of the name
    ("Chan-o-cha Prayut", "prayut-chan-o-cha"),                         # the other order
    ("ประยุทธ์ จันทร์โอชา", "prayut-chan-o-cha"),                          # Thai script
    ("ประยุทธ์", "prayut-chan-o-cha"),                                    # part of it
    ("Sretha Tavisin", "srettha-thavisin"),                             # another common spelling
    ("Lawrence", "lawrence-wong"),
    ("Rakchat", "somchai-rakchat"),
])
def test_every_way_of_naming_one_person(text: str, key: str) -> None:
    assert find_person(text, PEOPLE) == key


@pytest.mark.parametrize("text", ["Wong", "หว่อง", "wong"])
def test_a_name_that_fits_two_people_lists_them(text: str) -> None:
    with pytest.raises(AmbiguousPerson) as caught:
        find_person(text, PEOPLE)
    message = str(caught.value)
    assert "names 2 people: Lawrence Wong (lawrence-wong), Penny Wong (penny-wong)" in message
    assert "give more of the name" in message
    assert caught.value.candidates == ["lawrence-wong", "penny-wong"]


@pytest.mark.parametrize("text", ["Nobody At All", "", "   ", "-", "x" * 500])
def test_a_name_that_fits_nobody_is_an_error(text: str) -> None:
    with pytest.raises(UnknownPerson):
        find_person(text, PEOPLE)


def test_an_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(UnknownPerson, match="did you mean 'Penny Wong'"):
        find_person("Penny Wing", PEOPLE)


def test_loose_form_joins_common_spellings() -> None:
    assert loose_form("Prayuth") == loose_form("Prayut")
    assert loose_form("Srettha Thavisin") == loose_form("Sretha Tavisin")
    assert loose_form("Wong") != loose_form("Wang")


# --------------------------------------------------------------------------- every command, one answer

def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


NAMES = ["Prayuth Chan-o-cha", "prayut", "ประยุทธ์", "prayut-chan-o-cha", PERSON + "prayut-chan-o-cha"]


@pytest.mark.parametrize("name", NAMES)
def test_query_viz_and_network_read_a_name_alike(name: str, dev_store: Path, tmp_path: Path) -> None:
    with EmbeddedStore.open(dev_store) as store:
        rows = queries.run(store, queries.load("person-meetings"), {"person": name}).rows
    assert rows, name
    facts = dn.load_facts(dev_store)
    graph = dn.project(facts, f"person:{name}")
    assert graph.graph["center"] == "prayut-chan-o-cha"
    code, out, err = run("network", "--store", str(dev_store), "--person", name, "--format", "json")
    assert code == 0, err
    person = json.loads(out)["person"]
    assert person["node"] == "prayut-chan-o-cha" and person["counterparts"]
    assert {c["node"] for c in person["counterparts"]} == set(graph.nodes) - {"prayut-chan-o-cha"}
    code, out, err = run("viz", "--store", str(dev_store), "--view", f"person:{name}", "-o", str(tmp_path / "p.html"))
    assert code == 0, err


@pytest.mark.parametrize("command", [
    ["query", "person-meetings", "-p", "person={name}"],
    ["viz", "--view", "person:{name}", "-o", "{out}"],
    ["network", "--person", "{name}"],
])
def test_ambiguous_and_unknown_names_are_the_same_error_everywhere(command: list[str], dev_store: Path,
                                                                    tmp_path: Path) -> None:
    def args(name: str) -> list[str]:
        return [a.format(name=name, out=tmp_path / "x.html") for a in command] + ["--store", str(dev_store)]

    code, out, err = run(*args("Wong"))
    assert code == 2 and out == ""
    assert "'Wong' names 2 people: Lawrence Wong (lawrence-wong), Penny Wong (penny-wong)" in err
    assert len(err.strip().splitlines()) == 1
    code, out, err = run(*args("Nobody At All"))
    assert code == 2 and "nobody named 'Nobody At All'" in err
