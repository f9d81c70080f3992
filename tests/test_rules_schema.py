"""Rule packs load, validate, and fail with errors naming file, rule and field."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from analyzer.errors import RulePackError
from analyzer.rules import commands
from analyzer.rules.schema import load_rule_pack, load_rules
from analyzer.types import CORE_CATEGORIES, GAP_CATEGORIES, ClauseType

BAD_DIR = Path(__file__).parent / "rules_bad"
BAD_PACKS = sorted(BAD_DIR.glob("*.yaml"))


def _expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    return first.removeprefix("# expect: ")


def test_load_rules_default_packs_cover_every_category() -> None:
    ruleset = load_rules()
    categories = {r.model.category for r in ruleset.rules}
    assert set(CORE_CATEGORIES) | set(GAP_CATEGORIES) <= categories
    assert len({r.id for r in ruleset.rules}) == len(ruleset.rules)
    assert len(ruleset.rules) >= 30
    assert all(r.model.recommendation and r.model.message for r in ruleset.rules)


def test_load_rules_version_names_every_pack() -> None:
    ruleset = load_rules()
    for pack in ruleset.packs:
        assert f"{pack.name}@{pack.version}" in ruleset.version


def test_load_rules_checklist_is_expected_types() -> None:
    ruleset = load_rules()
    assert ClauseType.EXIT_TRANSITION in ruleset.expected_clause_types
    assert ClauseType.SERVICE_LEVELS in ruleset.expected_clause_types


@pytest.mark.parametrize("path", BAD_PACKS, ids=[p.stem for p in BAD_PACKS])
def test_load_rules_broken_pack_names_file_rule_and_field(path: Path, tmp_path: Path) -> None:
    shutil.copy(path, tmp_path / path.name)
    with pytest.raises(RulePackError) as info:
        load_rules(tmp_path)
    message = str(info.value)
    assert path.name in message
    assert _expected(path) in message


def test_load_rules_broken_packs_cover_the_error_kinds() -> None:
    kinds = {p.stem for p in BAD_PACKS}
    assert {"bad_severity", "unknown_condition", "bad_token_attr", "duplicate_id"} <= kinds


def test_load_rules_empty_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="no rule packs"):
        load_rules(tmp_path)


def test_load_rule_pack_accepts_style_aliases(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text(
        "pack: p\nversion: '1'\nrules:\n"
        "  - id: vague_pricing.x\n    category: vague_pricing\n"
        "    when: {any: [{phrase: [prevailing rates]}]}\n"
        "    why: A price the vendor can fix later cannot be budgeted.\n"
        "    ask_instead: A rate card with amount, currency and unit.\n",
        encoding="utf-8",
    )
    pack = load_rule_pack(path)
    assert pack.rules[0].message.startswith("A price")
    assert pack.rules[0].recommendation.startswith("A rate card")


def _check(rules_dir: Path | None, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    argv = ["rules", "check"] + (["--rules", str(rules_dir)] if rules_dir else [])
    args = parser.parse_args(argv)
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rules_check_cli_lists_packs_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(None, capsys)
    assert code == 0
    assert "pack hidden_cost" in out and "rules in" in out


def test_rules_check_cli_broken_pack_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(BAD_DIR / "bad_severity.yaml", tmp_path / "bad_severity.yaml")
    code, _, err = _check(tmp_path, capsys)
    assert code == RulePackError.exit_code
    assert "bad_severity.yaml: rule hidden_cost.uncapped_expenses: field 'severity'" in err
