"""The command line: thin commands over the library. stdout carries JSON only; all else goes to stderr."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__, batch
from .decode import DEFAULT_MAX_BYTES
from .schema import article_schema_text


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-02-07") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsparse")
def main() -> None:
    """Turn the plain text of news articles into structured JSON."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Directory to mirror the input tree into, or a file for JSONL/single input. Default: stdout.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True, help="Worker processes.")
@click.option("--reference-date", callback=_check_date, metavar="YYYY-MM-DD", help="Resolve relative dates against this date.")
@click.option("--text-field", default="text", show_default=True, help="JSONL input: the field holding the article text.")
@click.option("--id-field", default=None, help="JSONL input: the field copied to each output record as `id`.")
@click.option("--reference-date-field", default=None, help="JSONL input: the field holding each record's reference date.")
@click.option("--skip-existing", is_flag=True, help="Directory output: skip inputs whose output file already exists (resume).")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse larger inputs with a too_large error record.")
@click.option("--doc-timeout", type=click.FloatRange(0.01), default=10.0, show_default=True, help="Seconds one document may take before it becomes a timeout error record.")
@click.option("--encoding", default=None, help="Decode inputs with this codec instead of UTF-8/UTF-16 detection.")
@click.option("--pretty/--compact", default=None, help="Indent JSON (default: indented for one article, JSON Lines for many).")
def extract(inputs: tuple[str, ...], output: Path | None, jobs: int, reference_date: str | None,
            text_field: str, id_field: str | None, reference_date_field: str | None, skip_existing: bool,
            max_bytes: int, doc_timeout: float, encoding: str | None, pretty: bool | None) -> None:
    """Parse articles: files, directories, JSONL files of records, or - for stdin.

    \b
      newsparse extract article.txt | jq .quotes
      newsparse extract corpus/ -o out/ --jobs 8
      cat article.txt | newsparse extract - --reference-date 2024-02-07
      newsparse extract records.jsonl --text-field text --id-field id > out.jsonl
    """
    for inp in inputs:
        if inp != "-" and not os.path.lexists(inp):
            raise click.BadParameter(f"{inp!r} does not exist", param_hint="PATH")
    opts = batch.Options(reference_date, max_bytes, encoding, doc_timeout, text_field, id_field, reference_date_field)
    tasks = batch.iter_tasks(inputs, opts, sys.stdin.buffer)

    if batch.is_single(inputs, opts):
        result = next(batch.run(tasks, opts, 1))
        text = batch.dumps(result.record, pretty=True if pretty is None else pretty) + "\n"
        if output is not None:
            target = output / batch.output_name(os.path.basename(inputs[0])) if output.is_dir() else output
            batch.write_atomic(target, text)
        else:
            _stdout().write(text)
        sys.exit(0 if result.ok else 1)

    try:
        sink = batch.choose_sink(inputs, output, _stdout(), bool(pretty), skip_existing)
    except batch.OutputPlanError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        with _stderr_progress("{task.completed} docs", "{task.fields[rate]:.1f} docs/s",
                              "[red]{task.fields[errors]} errors", rate=0.0, errors=0) as update:
            summary = batch.run_batch(tasks, sink, opts, jobs, None if update is None else _batch_progress(update))
    except batch.OutputFailed as exc:
        click.echo(f"newsparse: {exc}", err=True)
        sys.exit(1)
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.errors else 0)


def _batch_progress(update: Callable[..., None]) -> Callable[[batch.Result, batch.Summary], None]:
    def on_result(result: batch.Result, summary: batch.Summary) -> None:
        done = summary.ok + summary.errors
        update(completed=done, rate=done / max(time.monotonic() - summary.started, 1e-9), errors=summary.errors)

    return on_result


def _stdout() -> Any:
    """stdout as UTF-8 text whatever the locale: JSON consumers expect UTF-8."""
    out = sys.stdout
    if (out.encoding or "").lower().replace("-", "") != "utf8" and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    return out


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output (schema version 1)."""
    _stdout().write(article_schema_text())


@main.command("eval")
@click.argument("task", type=click.Choice(["articles", "quotes", "dates"]))
@click.option("--corpus", type=click.Path(path_type=Path), help="Gold JSONL. Default: $NEWSPARSE_CORPORA/<task>/<task>.jsonl, else ../shared/corpora/<task>/<task>.jsonl.")
@click.option("--lang", default=None, help="Only documents in this language (articles: the record's `lang`).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Score N documents spread evenly over the corpus.")
@click.option("--only", default=None, metavar="TEXT", help="Only documents whose id or source contains TEXT (e.g. postlight/, nyt, one id).")
@click.option("--errors", "errors", type=click.IntRange(0), default=20, show_default=True, help="Show the worst N error cases, across the biggest error classes.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=min(2, os.cpu_count() or 1), show_default=True, help="Worker processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (stable keys) instead of tables.")
@click.option("--lenient-values", is_flag=True, help="dates: also ignore case and week zero-padding in values.")
@click.option("--types", default=None, metavar="DATE,TIME", help="dates: score only these TimeML types.")
@click.option("--save-errors", type=click.Path(dir_okay=False, path_type=Path), help="Write every error case to FILE (JSONL) for a later --compare-errors.")
@click.option("--compare-errors", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Show which error cases saved in FILE are fixed and which are new.")
def eval_(task: str, corpus: Path | None, lang: str | None, limit: int | None, only: str | None, errors: int,
          jobs: int, as_json: bool, lenient_values: bool, types: str | None, save_errors: Path | None,
          compare_errors: Path | None) -> None:
    """Score newsparse against a gold corpus: articles, quotes or dates.

    \b
      newsparse eval articles --lang en --errors 10
      newsparse eval quotes --only nyt --errors 30
      newsparse eval dates --limit 60 --json | jq .summary
      newsparse eval dates --save-errors before.jsonl   # then change a rule, and:
      newsparse eval dates --compare-errors before.jsonl
    """
    from . import evaluate
    from .evaluate.report import render

    try:
        options = evaluate.scorer_options(task, lenient_values, types)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        with _stderr_progress(f"{task}: {{task.completed}} docs") as update:
            report = evaluate.evaluate(task, corpus, lang=lang, limit=limit, only=only, jobs=jobs, errors=errors,
                                       on_doc=None if update is None else lambda: update(advance=1), options=options, all_errors=bool(save_errors or compare_errors))
    except evaluate.CorpusMissing as exc:
        click.echo(f"newsparse eval: {exc}", err=True)
        sys.exit(2)
    if compare_errors:
        report["compared"] = {"file": str(compare_errors), **evaluate.compare_errors(compare_errors, report)}
    if save_errors:
        evaluate.save_errors(save_errors, report)
    report.pop("all_errors", None)
    if as_json:
        _stdout().write(batch.dumps(report, pretty=True) + "\n")
    else:
        from rich.console import Console
        render(report, Console(width=None if sys.stdout.isatty() else 180))


@contextlib.contextmanager
def _stderr_progress(*columns: str, **fields: Any) -> Iterator[Callable[..., None] | None]:
    """A transient rich progress line on stderr when it is a terminal; ``None`` otherwise.

    Yields ``update(**kw)`` (rich's ``Progress.update`` for the one task), so each command only says
    what it counts; stdout stays JSON only.
    """
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), *(TextColumn(c) for c in columns), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    with progress:
        task_id = progress.add_task("", total=None, **fields)
        yield lambda **kw: progress.update(task_id, **kw)
