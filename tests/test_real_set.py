"""The real-release set (eval/real): what is committed must be whole and consistent, and the scorer script
must say plainly when the third-party texts are not on the machine (they never are in CI)."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "eval" / "real"
EVENT_TYPES = {"BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning"}
AGREEMENT_TYPES = {"MoU", "Agreement", "JointStatement", "LetterOfIntent"}
STATUSES = {"proposed", "under_negotiation", "approved", "signed"}


def _sources() -> list[dict[str, str]]:
    with (REAL / "sources.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_every_page_has_its_gold_and_nothing_else_does() -> None:
    sources = _sources()
    ids = [s["id"] for s in sources]
    assert len(ids) == len(set(ids)) and len({s["url"].rstrip("/") for s in sources}) == len(sources)
    assert {p.stem for p in (REAL / "gold").glob("*.json")} == set(ids)
    assert all(s["lang"] in ("th", "en") and s["split"] in ("dev", "heldout") and s["query"] for s in sources)


@pytest.mark.parametrize("source", _sources(), ids=lambda s: s["id"])
def test_gold_file_is_well_formed(source: dict[str, str]) -> None:
    gold = json.loads((REAL / "gold" / f"{source['id']}.json").read_text(encoding="utf-8"))
    assert gold["id"] == source["id"] and gold["lang"] == source["lang"]
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES and all(len(c) == 2 and c.isupper() for c in event["countries"])
        assert event["date"] is None or 1945 <= int(event["date"][:4]) <= 2100  # Buddhist-era years converted
    for agreement in gold["agreements"]:
        assert agreement["type"] in AGREEMENT_TYPES and agreement["status"] in STATUSES


READ_BY_MISTAKE = {"tg-06"}


def test_the_held_out_part_is_every_third_page_of_each_group() -> None:
    sources = _sources()
    by_group: dict[str, list[dict[str, str]]] = {}
    for s in sources:
        by_group.setdefault(s["id"].split("-")[0], []).append(s)
    for group, pages in by_group.items():
        pages.sort(key=lambda s: int(s["id"].split("-")[1]))
        # a held-out page read by mistake moves to the development part (eval/real/README.md): it still
        # counts towards its group's third, or the split would have been made differently
        held = Counter(s["split"] for s in pages)["heldout"] + sum(s["id"] in READ_BY_MISTAKE for s in pages)
        assert abs(held - len(pages) / 3) <= 1, group  # pages dropped after the split move it by one at most
    held = Counter(s["split"] for s in sources)["heldout"] + len(READ_BY_MISTAKE)
    assert held * 3 >= len(sources) - len(by_group)


def test_the_texts_stay_out_of_git() -> None:
    # without the trailing slash: a symlink to the texts (a second worktree's) is ignored too
    assert "/eval/real/texts" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_scoring_without_the_texts_says_so_and_exits_2(tmp_path: Path, monkeypatch, capsys) -> None:
    spec = importlib.util.spec_from_file_location("score_real", ROOT / "eval" / "score_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "gold").mkdir()
    shutil.copy(REAL / "sources.tsv", tmp_path / "sources.tsv")
    monkeypatch.setattr(module, "REAL", tmp_path)
    assert module.main([]) == 2
    assert "not on this machine" in capsys.readouterr().out
