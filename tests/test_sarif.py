"""SARIF output, loaded into the SARIF 2.1.0 object model (sarif-om) and checked for the fields
GitHub code scanning requires."""

from __future__ import annotations

import json
from typing import Any

import attr
import pytest
import sarif_om

from notecheck.model import Finding, InputFailure, Report, Severity, Verdict
from notecheck.packs import load_rules
from notecheck.registry import load_registry
from notecheck.render.sarif_report import as_document
from test_formats import DRAFTS, assert_golden, run

# which object-model class each property holds (a list property: the class of its items)
CLASSES: dict[str, type] = {
    "runs": sarif_om.Run, "tool": sarif_om.Tool, "driver": sarif_om.ToolComponent,
    "rules": sarif_om.ReportingDescriptor, "results": sarif_om.Result, "locations": sarif_om.Location,
    "physicalLocation": sarif_om.PhysicalLocation, "artifactLocation": sarif_om.ArtifactLocation,
    "region": sarif_om.Region, "deletedRegion": sarif_om.Region, "message": sarif_om.Message,
    "shortDescription": sarif_om.MultiformatMessageString, "fullDescription": sarif_om.MultiformatMessageString,
    "help": sarif_om.MultiformatMessageString, "description": sarif_om.Message,
    "defaultConfiguration": sarif_om.ReportingConfiguration, "fixes": sarif_om.Fix,
    "artifactChanges": sarif_om.ArtifactChange, "replacements": sarif_om.Replacement,
    "insertedContent": sarif_om.ArtifactContent, "snippet": sarif_om.ArtifactContent,
    "invocations": sarif_om.Invocation, "toolExecutionNotifications": sarif_om.Notification,
}
FREE = {"properties", "partialFingerprints"}  # property bags and string maps


def load(cls: type, data: dict[str, Any]) -> Any:
    """Build the object model from JSON: an unknown property or a missing required one raises."""
    by_name = {f.metadata["schema_property_name"]: f.name for f in attr.fields(cls)}
    values = {}
    for key, value in data.items():
        assert key in by_name, f"{cls.__name__} has no property {key!r}"
        if key in CLASSES and key not in FREE:
            target = CLASSES[key]
            value = [load(target, v) for v in value] if isinstance(value, list) else load(target, value)
        values[by_name[key]] = value
    return cls(**values)


def sarif_log(document: dict[str, Any]) -> sarif_om.SarifLog:
    return load(sarif_om.SarifLog, document)


def check_code_scanning(log: sarif_om.SarifLog) -> None:
    assert log.version == "2.1.0" and log.schema_uri.endswith("sarif-2.1.0.json")
    (run_,) = log.runs
    assert run_.column_kind == "unicodeCodePoints"
    driver = run_.tool.driver
    assert driver.name == "notecheck" and driver.version
    ids = [rule.id for rule in driver.rules]
    assert len(ids) == len(set(ids))
    for rule in driver.rules:
        assert rule.short_description.text and rule.full_description.text and rule.help.text
        assert rule.default_configuration.level in {"error", "warning", "note"}
    for result in run_.results:
        assert result.rule_id in ids and ids[result.rule_index] == result.rule_id
        assert result.level in {"error", "warning", "note"} and result.message.text
        (location,) = result.locations
        assert location.physical_location.artifact_location.uri
        region = location.physical_location.region
        assert region.start_line >= 1
        if region.start_column is not None:
            assert (region.end_line, region.end_column) > (region.start_line, region.start_column)
        assert result.partial_fingerprints["primaryLocationLineHash"]


def test_cli_sarif_loads_into_the_object_model_and_has_what_code_scanning_needs() -> None:
    result = run(*DRAFTS, "--no-grammar", "-f", "sarif")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    check_code_scanning(sarif_log(document))
    results = document["runs"][0]["results"]
    placeholder = next(r for r in results if r["ruleId"] == "NC301")
    region = placeholder["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 8, "startColumn": 6, "endLine": 8, "endColumn": 12, "snippet": {"text": "[Name]"}}
    assert placeholder["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "fixtures/notes/template-leftovers.txt", "uriBaseId": "%SRCROOT%"}
    whole = next(r for r in results if r["ruleId"] == "NC104")
    assert whole["level"] == "note" and whole["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    rest = {k: v for k, v in document["runs"][0].items() if k != "tool"}  # rule manuals: test_every_enabled_rule…
    assert_golden("two-drafts.sarif", json.dumps(rest, indent=2, ensure_ascii=False) + "\n")


def test_every_enabled_rule_is_described_even_without_findings() -> None:
    document = json.loads(run(DRAFTS[1], "--no-grammar", "-f", "sarif").stdout)
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    assert {"NC101", "NC301", "NC501"} <= set(rules)
    assert rules["NC301"]["name"] == "template-placeholder"
    assert "template" in rules["NC301"]["fullDescription"]["text"]


def _finding(**extra: Any) -> Finding:
    base: dict[str, Any] = dict(code="NC502", name="spelling", severity=Severity.ERROR, message="Possible spelling mistake.",
                                offset=20, length=5, line=2, column=11, end_line=2, end_column=16, excerpt="realy",
                                line_text="I have a realy good feeling.", source="MORFOLOGIK_RULE_EN_US")
    base.update(extra)
    return Finding(**base)


def _report(*findings: Finding) -> Report:
    return Report(path="notes/a.txt", score=85, verdict=Verdict.NOT_READY, results=(), findings=findings)


def test_a_safe_replacement_is_a_fix_and_others_are_not() -> None:
    rules = [r for r in load_rules(load_registry()) if r.code in ("NC502", "NC503")]
    document = as_document([_report(_finding(fix="really"), _finding(offset=40, line=3, end_line=3))], rules)
    log = sarif_log(document)
    check_code_scanning(log)
    fixed, plain = document["runs"][0]["results"]
    (fix,) = fixed["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "notes/a.txt"
    assert change["replacements"] == [{"deletedRegion": {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 16},
                                       "insertedContent": {"text": "really"}}]
    assert "fixes" not in plain


def test_fingerprints_survive_edits_elsewhere_and_count_repeats() -> None:
    rules = load_rules(load_registry())
    moved = as_document([_report(_finding(line=7, end_line=7, offset=90))], rules)
    original = as_document([_report(_finding(), _finding())], rules)
    first, second = (r["partialFingerprints"]["primaryLocationLineHash"] for r in original["runs"][0]["results"])
    assert first.endswith(":1") and second.endswith(":2") and first[:-2] == second[:-2]
    assert moved["runs"][0]["results"][0]["partialFingerprints"]["primaryLocationLineHash"] == first


def test_unreadable_inputs_are_notifications_and_the_run_unsuccessful() -> None:
    document = as_document([InputFailure("gone.txt", "gone.txt: no such file"), _report()], load_rules(load_registry()))
    log = sarif_log(document)
    (invocation,) = log.runs[0].invocations
    assert invocation.execution_successful is False
    (note,) = invocation.tool_execution_notifications
    assert note.level == "error" and note.message.text == "gone.txt: no such file"


def test_the_loader_rejects_what_the_model_does_not_know() -> None:
    with pytest.raises(AssertionError, match="no property 'colour'"):
        load(sarif_om.Region, {"startLine": 1, "colour": "red"})
    with pytest.raises(TypeError):
        load(sarif_om.Result, {"ruleId": "NC101"})  # a result needs a message
