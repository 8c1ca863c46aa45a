"""The command lines README promises, run through Click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsparse.cli import main

from conftest import FIXTURES, assert_valid_output

DEMO = FIXTURES / "demo" / "harbor-bridge.txt"
ARTICLE = "Council Approves New Budget\n\nBy Ana Ruiz\n\n“It is a fair budget,” Ruiz said on Monday.\n"


def run(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def test_extract_one_file_prints_one_json_object() -> None:
    res = run(["extract", str(DEMO)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert_valid_output(out, DEMO.read_text(encoding="utf-8"))
    assert out["headline"]["text"].startswith("Harbor Bridge Reopens")


def test_stdin_with_reference_date() -> None:
    res = run(["extract", "-", "--reference-date", "2024-02-07"], stdin=ARTICLE.encode())
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["reference_date"] == {"value": "2024-02-07", "source": "given", "evidence": None}
    assert_valid_output(out, ARTICLE)


def test_bad_reference_date_is_a_usage_error() -> None:
    res = run(["extract", "-", "--reference-date", "Feb 7"], stdin=ARTICLE.encode())
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_missing_path_is_a_usage_error() -> None:
    res = run(["extract", "no/such/file.txt"])
    assert res.exit_code == 2
    assert "does not exist" in res.output


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "a" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "c.txt").write_text(ARTICLE.replace("Ruiz", "Lee"), encoding="utf-8")
    (root / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "latin.txt").write_bytes("Caf\xe9 reopens\n\nIt is open.".encode("latin-1"))
    return root


def test_directory_to_output_dir_mirrors_tree_and_records_errors(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    res = run(["extract", str(root), "-o", str(out), "--jobs", "2"])
    assert res.exit_code == 1, res.output  # some inputs failed
    assert "2 ok, 2 errors" in res.stderr
    good = json.loads((out / "a" / "b.json").read_text(encoding="utf-8"))
    assert_valid_output(good, ARTICLE)
    assert json.loads((out / "bin.error.json").read_text())["error"]["kind"] == "binary"
    assert json.loads((out / "latin.error.json").read_text())["error"]["kind"] == "decode"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_skip_existing_resumes(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    run(["extract", str(root), "-o", str(out)])
    res = run(["extract", str(root), "-o", str(out), "--skip-existing"])
    assert "2 skipped" in res.stderr


def test_directory_without_output_streams_jsonl(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    res = run(["extract", str(root)])
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [Path(r["path"]).name for r in lines] == ["c.txt", "b.txt", "bin.txt", "latin.txt"] or len(lines) == 4
    assert sum("error" in r for r in lines) == 2
    assert all("path" in r for r in lines)


def test_jsonl_records_with_fields(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    recs = [
        {"id": "x1", "text": ARTICLE, "dct": "2024-02-07"},
        {"id": "x2", "body": "no text field"},
        {"id": "x3", "text": "Short piece\n\nIt happened yesterday.", "dct": "2024-03-01"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json\n", encoding="utf-8")
    res = run(["extract", str(src), "--text-field", "text", "--id-field", "id", "--reference-date-field", "dct"])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["id"] for r in out[:3]] == ["x1", "x2", "x3"]
    assert out[1]["error"]["kind"] == "bad_record"
    assert out[3]["error"]["kind"] == "bad_record"
    assert out[2]["reference_date"]["value"] == "2024-03-01"
    assert any(d["value"] == "2024-02-29" for d in out[2]["dates"])


def test_jsonl_to_output_file_is_atomic(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE}) + "\n", encoding="utf-8")
    dest = tmp_path / "res" / "out.jsonl"
    res = run(["extract", str(src), "--id-field", "id", "-o", str(dest)])
    assert res.exit_code == 0
    assert [json.loads(x)["id"] for x in dest.read_text().splitlines()] == [1]
    assert sorted(p.name for p in dest.parent.iterdir()) == ["out.jsonl"]


def test_utf16_input_decodes(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(ARTICLE.encode("utf-16"))
    out = json.loads(run(["extract", str(f)]).stdout)
    assert out["headline"]["text"] == "Council Approves New Budget"


def test_schema_command_prints_the_schema() -> None:
    res = run(["schema"])
    schema = json.loads(res.stdout)
    assert schema["properties"]["schema_version"] == {"const": "1"}


@pytest.mark.parametrize("args", [["--version"], ["extract", "--help"]])
def test_help_and_version(args: list[str]) -> None:
    assert run(args).exit_code == 0
