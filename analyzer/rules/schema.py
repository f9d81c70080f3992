"""Pydantic models of a rule pack and the loader that turns YAML into a validated RuleSet.

A rule pack is data a legal team edits without touching Python, so every mistake must come
back as one ``RulePackError`` naming the file, the rule id and the field (Presidio's
``yaml_recognizer_models`` idea, minus its bare ``TypeError``s).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from analyzer.errors import RulePackError
from analyzer.resources import rule_packs_dir
from analyzer.types import ClauseType, FlagCategory, Severity

logger = logging.getLogger(__name__)

DEFAULT_RULES_DIR = rule_packs_dir()
RULE_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
VOCAB_REF = re.compile(r"^@([a-z0-9_]+)$")

Within = Literal["sentence", "clause", "heading", "document"]


class ConditionModel(BaseModel):
    """One condition: a phrase list, a Matcher token pattern, a regex, or a named predicate.

    ``within`` says where it is tested: the sentence being checked (default for clause
    rules), the whole clause, the clause's headings (own and parents'), or the document.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrase: list[str] | str | None = None
    tokens: list[Any] | None = None
    regex: list[str] | str | None = None
    condition: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    within: Within | None = None
    exclude_negated: bool = False  # drop matches denied as present ("no ...", "not included")
    label: str | None = None

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> ConditionModel:
        kinds = [k for k in ("phrase", "tokens", "regex", "condition") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError(
                "a condition needs exactly one of 'phrase', 'tokens', 'regex' or 'condition'"
                f" (got {kinds or 'none'})"
            )
        return self

    @field_validator("regex")
    @classmethod
    def _regex_compiles(cls, value: list[str] | str | None) -> list[str] | str | None:
        for pattern in [value] if isinstance(value, str) else value or []:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return value

    @field_validator("tokens")
    @classmethod
    def _tokens_valid(cls, value: list[Any] | None) -> list[Any] | None:
        if value is None:
            return value
        for pattern in token_patterns(value):
            errors = _validate_token_pattern(pattern)
            if errors:
                raise ValueError("bad token pattern: " + "; ".join(errors))
        return value

    @property
    def kind(self) -> str:
        """Return which of phrase/tokens/regex/condition this is."""
        for k in ("phrase", "tokens", "regex", "condition"):
            if getattr(self, k):
                return k
        raise AssertionError("validated condition has no kind")

    def describe(self) -> str:
        """Return a short human label used in explanations."""
        if self.label:
            return self.label
        if self.condition:
            return f"condition:{self.condition}"
        value = getattr(self, self.kind)
        text = value if isinstance(value, str) else ", ".join(map(str, value[:3]))
        return f"{self.kind}:{text[:60]}"


def token_patterns(value: list[Any]) -> list[list[dict[str, Any]]]:
    """Return one or several Matcher patterns from a ``tokens`` value."""
    if value and all(isinstance(p, list) for p in value):
        return value
    return [value]


def _validate_token_pattern(pattern: Any) -> list[str]:
    """Validate one Matcher pattern with spaCy's own TokenPatternSchema."""
    if not isinstance(pattern, list) or not pattern:
        return ["a token pattern must be a non-empty list of token dicts"]
    from spacy.schemas import validate_token_pattern  # heavy: only when a pack has tokens

    errors = list(validate_token_pattern(pattern))
    for token in pattern:
        if isinstance(token, dict):
            unset = sorted(k for k in token if str(k).upper() in _UNSET_ATTRS or k == "_")
            if unset:
                errors.append(
                    f"attribute(s) {unset} are not set by the rules' tokenizer-only pipeline;"
                    " use ORTH, LOWER, LEMMA, SHAPE, LIKE_NUM, IS_* or REGEX"
                )
    return errors


# The rules annotate with the tokenizer and a lookup lemmatizer only (see units.py).
_UNSET_ATTRS = {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "SENT_START",
                "IS_SENT_START", "HEAD"}


class WhenModel(BaseModel):
    """``all`` must hold and, if given, at least one of ``any``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    all_: list[ConditionModel] = Field(default_factory=list, alias="all")
    any_: list[ConditionModel] = Field(default_factory=list, alias="any")


class Example(BaseModel):
    """A worked example: text plus the clause type and heading it should be read under."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    type: ClauseType | None = None
    heading: str | None = None


class ExamplesModel(BaseModel):
    """Sentences a rule must flag and sentences it must leave alone."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    flag: list[Example | str] = Field(default_factory=list)
    pass_: list[Example | str] = Field(default_factory=list, alias="pass")


class RuleModel(BaseModel):
    """One rule: what it looks for, where, and what to tell the reviewer."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str
    category: FlagCategory
    severity: Severity = Severity.MEDIUM
    scope: Literal["clause", "document"] = "clause"
    clause_types: list[ClauseType] | Literal["any"] = "any"
    exclude_clause_types: list[ClauseType] = Field(default_factory=list)
    headings: list[str] = Field(default_factory=list)
    exclude_headings: list[str] = Field(default_factory=list)
    expects_any_clause_type: list[ClauseType] = Field(default_factory=list)
    when: WhenModel = Field(default_factory=WhenModel)
    unless: list[ConditionModel] = Field(default_factory=list)
    message: str = Field(validation_alias=AliasChoices("message", "why"), min_length=10)
    recommendation: str = Field(
        validation_alias=AliasChoices("recommendation", "ask_instead"), min_length=10
    )
    examples: ExamplesModel = Field(default_factory=ExamplesModel)
    enabled: bool = True
    # Fold this rule's finding into another finding of the same category in the same
    # section (same clause, parent or sibling) that already covers the gap ``covers`` names.
    merge_into_section: bool = False
    covers: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(f"rule id {value!r} must look like 'category.short_name'")
        return value

    @field_validator("headings", "exclude_headings", "covers")
    @classmethod
    def _headings_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _has_conditions(self) -> RuleModel:
        if not self.id.startswith(self.category.value + "."):
            raise ValueError(f"rule id {self.id!r} must start with its category {self.category}.")
        if not (self.when.all_ or self.when.any_ or self.expects_any_clause_type):
            raise ValueError("a rule needs 'when' conditions or 'expects_any_clause_type'")
        return self


class PackModel(BaseModel):
    """A rule pack file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: str
    version: str
    description: str = ""
    vocab: dict[str, list[str]] = Field(default_factory=dict)
    expected_clause_types: list[ClauseType] = Field(default_factory=list)
    rules: list[RuleModel] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rule:
    """A validated rule plus where it came from."""

    model: RuleModel
    pack: str
    version: str
    path: str

    @property
    def id(self) -> str:
        """Return the rule id."""
        return self.model.id


@dataclass(frozen=True, slots=True)
class PackInfo:
    """Summary of one loaded pack (for ``rules check`` and the report's versions)."""

    name: str
    version: str
    path: str
    rule_count: int


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All packs of a rules directory, validated and cross-checked."""

    rules: tuple[Rule, ...]
    packs: tuple[PackInfo, ...]
    vocab: tuple[tuple[str, tuple[str, ...]], ...] = ()
    expected_clause_types: tuple[ClauseType, ...] = ()
    source: str = ""

    @property
    def version(self) -> str:
        """Return 'pack@version' for every pack, joined: goes into report versions."""
        return ",".join(f"{p.name}@{p.version}" for p in self.packs)

    def vocabulary(self, name: str) -> tuple[str, ...]:
        """Return a named vocabulary list."""
        for key, words in self.vocab:
            if key == name:
                return words
        raise KeyError(name)

    def only(self, rule_id: str) -> RuleSet:
        """Return a RuleSet with a single rule (used to test each rule on its own)."""
        picked = tuple(r for r in self.rules if r.id == rule_id)
        if not picked:
            raise KeyError(rule_id)
        return RuleSet(picked, self.packs, self.vocab, self.expected_clause_types, self.source)


def _loc(loc: tuple[Any, ...]) -> str:
    """Render a Pydantic error location as a dotted field path."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _format_error(path: Path, raw: Any, exc: ValidationError) -> str:
    """Name the file, the rule and the field of the first validation error."""
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    rule_part = ""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rule_raw = raw.get("rules", [])[loc[1]] if isinstance(raw, dict) else None
        rule_id = rule_raw.get("id") if isinstance(rule_raw, dict) else None
        rule_part = f"rule {rule_id or '#' + str(loc[1] + 1)}: "
        loc = loc[2:]
    # drop pydantic's union-branch tags such as "list[str-enum[ClauseType]]"
    field = _loc(tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or "-" in p))))
    msg = err["msg"].removeprefix("Value error, ")
    if not field and rule_part:
        field = "id" if "rule id" in msg else "when"
    where = f"field '{field}': " if field else ""
    return f"{path}: {rule_part}{where}{msg}"


def load_rule_pack(path: Path) -> PackModel:
    """Read and validate one YAML pack.

    Raises:
        RulePackError: when the file is not YAML or does not follow the schema.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulePackError(f"{path}: cannot read YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(raw, dict):
        raise RulePackError(f"{path}: a rule pack must be a mapping with 'pack' and 'rules'")
    try:
        return PackModel.model_validate(raw)
    except ValidationError as exc:
        raise RulePackError(_format_error(path, raw, exc)) from exc


def _check_references(path: Path, model: PackModel, vocab: dict[str, tuple[str, ...]]) -> None:
    """Check named predicates, their params and @vocab references of every rule."""
    from analyzer.rules.conditions import REGISTRY  # registry is pure Python, cheap

    for rule in model.rules:
        groups = [("when.all", rule.when.all_), ("when.any", rule.when.any_), ("unless", rule.unless)]
        for field, conds in groups:
            for i, cond in enumerate(conds):
                where = f"{path}: rule {rule.id}: field '{field}[{i}]"
                if cond.condition is not None:
                    spec = REGISTRY.get(cond.condition)
                    if spec is None:
                        known = ", ".join(sorted(REGISTRY))
                        raise RulePackError(
                            f"{where}.condition': unknown condition {cond.condition!r}"
                            f" (known: {known})"
                        )
                    try:
                        spec.params(**cond.params)
                    except (TypeError, ValidationError) as exc:
                        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else exc
                        raise RulePackError(f"{where}.params': {detail}") from exc
                for item in _phrase_items(cond):
                    ref = VOCAB_REF.match(item)
                    if ref and ref.group(1) not in vocab:
                        raise RulePackError(f"{where}.phrase': unknown vocabulary {item!r}")


def _phrase_items(cond: ConditionModel) -> list[str]:
    """Return the phrase entries of a condition as a list."""
    if cond.phrase is None:
        return []
    return [cond.phrase] if isinstance(cond.phrase, str) else list(cond.phrase)


def load_rules(rules_dir: Path | None = None) -> RuleSet:
    """Load and validate every ``*.yaml`` pack of a directory.

    Args:
        rules_dir: the directory; the repository's ``rules/`` when None.

    Returns:
        The RuleSet, rules in file then declaration order.

    Raises:
        RulePackError: naming file, rule and field for the first problem found, or when
            the directory has no packs or two rules share an id.
    """
    directory = Path(rules_dir) if rules_dir is not None else DEFAULT_RULES_DIR
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    if not directory.is_dir() or not files:
        raise RulePackError(f"{directory}: no rule packs (*.yaml) found; pass --rules DIR")
    models = [(path, load_rule_pack(path)) for path in files]
    vocab: dict[str, tuple[str, ...]] = {}
    for path, model in models:
        for name, words in model.vocab.items():
            if name in vocab:
                raise RulePackError(f"{path}: field 'vocab.{name}': vocabulary defined twice")
            vocab[name] = tuple(words)
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    packs: list[PackInfo] = []
    expected: list[ClauseType] = []
    for path, model in models:
        _check_references(path, model, vocab)
        for rule in model.rules:
            if rule.id in seen:
                raise RulePackError(
                    f"{path}: rule {rule.id}: field 'id': duplicate id (also in {seen[rule.id]})"
                )
            seen[rule.id] = path
            if rule.enabled:
                rules.append(Rule(rule, model.pack, model.version, str(path)))
        packs.append(PackInfo(model.pack, model.version, str(path), len(model.rules)))
        expected.extend(t for t in model.expected_clause_types if t not in expected)
    logger.debug("loaded %d rules from %d packs in %s", len(rules), len(packs), directory)
    return RuleSet(
        tuple(rules),
        tuple(packs),
        tuple(vocab.items()),
        tuple(expected),
        str(directory),
    )
