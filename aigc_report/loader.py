"""Read every data file into model records, collecting every problem on the way."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .bibfile import BibEntry
from .bibfile import parse as parse_bib
from .fields import Reader
from .model import (
    EVENT_RESULTS,
    Column,
    Court,
    Docket,
    Erratum,
    Event,
    Figure,
    Jurisdiction,
    Party,
    Rule,
    Ruling,
    Table,
    Term,
    Update,
    Where,
)
from .problems import Problem
from .yamlstrict import LList, LMap, YamlProblem, load_file


class Paths:
    """Where the data lives inside a checkout (or a temporary copy of one)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.data = self.root / "aigc_report" / "data"
        self.rulings = self.data / "rulings"
        self.tables = self.data / "tables"
        self.docs = self.root / "docs"
        self.cases = self.docs / "cases"
        self.bib = self.root / "references.bib"
        self.report = self.data / "report-source.txt"

    def show(self, file: Path) -> str:
        """The path as shown in messages: relative to the checkout root."""
        try:
            return file.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return file.as_posix()

    def data_files(self) -> list[Path]:
        """Every data file the site reads (for dependency tracking)."""
        files = [p for p in (self.data / n for n in ("jurisdictions.yaml", "courts.yaml", "glossary.yaml", "errata.yaml", "figures.yaml", "rules.yaml")) if p.exists()]
        files += sorted(self.rulings.glob("*.yaml")) + sorted(self.tables.glob("*.yaml"))
        return files + ([self.bib] if self.bib.exists() else [])


def _open(paths: Paths, file: Path, problems: list[Problem]) -> object | None:
    try:
        return load_file(file, paths.show(file))
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    except OSError as exc:
        problems.append(Problem(paths.show(file), 1, "(file)", f"cannot read: {exc.strerror}", "file"))
        return None


def _records(paths: Paths, name: str, problems: list[Problem], required: bool = True) -> tuple[Reader, LList] | None:
    file = paths.data / name
    if not file.exists():
        if required:
            problems.append(Problem(paths.show(file), 1, "(file)", "required data file is missing", "file"))
        return None
    doc = _open(paths, file, problems)
    if doc is None:
        return None
    reader = Reader(paths.show(file), problems)
    if not isinstance(doc, LList):
        reader.problem(getattr(doc, "line", 1), "(file)", "expected a YAML list of entries")
        return None
    return reader, doc


def _each(reader: Reader, doc: LList, spec: tuple) -> list[tuple[dict, Where]]:
    out = []
    for i, node in enumerate(doc):
        got = reader.read(node, spec, f"[{i}]", doc.line_of(i))
        if got is not None:
            out.append((got, Where(reader.path, doc.line_of(i))))
    return out


def load_jurisdictions(paths: Paths, problems: list[Problem]) -> dict[str, Jurisdiction]:
    got = _records(paths, "jurisdictions.yaml", problems)
    if not got:
        return {}
    reader, doc = got
    out: dict[str, Jurisdiction] = {}
    for v, where in _each(reader, doc, schemas.JURISDICTION):
        if v["id"] in out:
            reader.problem(where.line, "id", f"duplicate jurisdiction id {v['id']!r}", "duplicate")
        out[v["id"]] = Jurisdiction(v["id"], v["name_zh"], v["name_en"], v["stance"], where)
    return out


def load_courts(paths: Paths, problems: list[Problem]) -> dict[str, Court]:
    got = _records(paths, "courts.yaml", problems)
    if not got:
        return {}
    reader, doc = got
    out: dict[str, Court] = {}
    for v, where in _each(reader, doc, schemas.COURT):
        if v["id"] in out:
            reader.problem(where.line, "id", f"duplicate court id {v['id']!r}", "duplicate")
        out[v["id"]] = Court(v["id"], v["jurisdiction"], v["name_zh"], v["name_en"], v["name_original"], v["level"], where)
    return out


@dataclass(frozen=True)
class Known:
    """Ids a record may refer to: checked while the record's line numbers are at hand."""

    jurisdictions: frozenset[str]
    courts: frozenset[str]
    bib_keys: frozenset[str]


def _check_ruling_refs(reader: Reader, doc: LMap, v: dict, known: Known) -> None:
    def line(key: str) -> int:
        return doc.line_of(key)

    if v["jurisdiction"] and v["jurisdiction"] not in known.jurisdictions:
        reader.problem(line("jurisdiction"), "jurisdiction", f"unknown jurisdiction id {v['jurisdiction']!r}", "unknown-id")
    if v["court"] and v["court"] not in known.courts:
        reader.problem(line("court"), "court", f"unknown court id {v['court']!r}; add it to aigc_report/data/courts.yaml first", "unknown-id")
    numbers = set()
    for i, d in enumerate(v["dockets"]):
        if d["court"] and d["court"] not in known.courts:
            reader.problem(d["__line__"], f"dockets[{i}].court", f"unknown court id {d['court']!r}", "unknown-id")
        if d["number"] in numbers:
            reader.problem(d["__line__"], f"dockets[{i}].number", f"docket {d['number']!r} is listed twice", "duplicate")
        numbers.add(d["number"])
        _check_keys(reader, d["__line__"], f"dockets[{i}].sources", d["sources"], known)
    previous = ""
    newest = ""
    for i, e in enumerate(v["events"]):
        where = f"events[{i}]"
        if e["court"] and e["court"] not in known.courts:
            reader.problem(e["__line__"], f"{where}.court", f"unknown court id {e['court']!r}", "unknown-id")
        if e.get("docket") and e["docket"] not in numbers:
            reader.problem(e["__line__"], f"{where}.docket", f"docket {e['docket']!r} is not in this ruling's dockets", "unknown-id")
        if e.get("result") and e["result"] not in EVENT_RESULTS:
            reader.problem(e["__line__"], f"{where}.result", f"{e['result']!r} is not one of: {', '.join(EVENT_RESULTS)}", "value")
        if e["date"] and previous and e["date"] < previous[: len(e["date"])]:
            reader.problem(e["__line__"], f"{where}.date", f"events out of order: {e['date']} comes after {previous}; list events oldest first", "order")
        if e["date"]:
            previous = e["date"]
            newest = max(newest, e["date"])
        _check_keys(reader, e["__line__"], f"{where}.sources", e["sources"], known)
    if v["status_as_of"] and newest and v["status_as_of"] < newest:
        reader.problem(line("status_as_of"), "status_as_of", f"status as of {v['status_as_of']} is older than the newest event ({newest})", "order")
    if v["damages"] and not v["verification"].get("damages"):
        reader.problem(line("verification"), "verification.damages", "damages are given, so their verification level is required", "missing")
    _check_keys(reader, line("sources"), "sources", v["sources"], known)
    for i, u in enumerate(v["updates"]):
        _check_keys(reader, u["__line__"], f"updates[{i}].sources", u["sources"], known)


def _check_keys(reader: Reader, line: int, field: str, keys: tuple[str, ...], known: Known) -> None:
    for key in keys:
        if key not in known.bib_keys:
            hint = difflib.get_close_matches(key, known.bib_keys, n=1)
            tip = f"; did you mean {hint[0]!r}?" if hint else ""
            reader.problem(line, field, f"unknown bibliography key {key!r} (not in references.bib){tip}", "unknown-key")


def load_ruling(paths: Paths, file: Path, problems: list[Problem], known: Known) -> Ruling | None:
    doc = _open(paths, file, problems)
    if doc is None:
        return None
    reader = Reader(paths.show(file), problems)
    before = len(problems)
    v = reader.read(doc, schemas.RULING, "", getattr(doc, "line", 1))
    if v is None:
        return None
    if v["slug"] and v["slug"] != file.stem:
        reader.problem(doc.line_of("slug"), "slug", f"slug {v['slug']!r} must equal the file name {file.stem!r}", "value")
    _check_ruling_refs(reader, doc, v, known)
    if len(problems) > before:
        return None  # half-read records are never rendered
    names = v["names"]
    return Ruling(
        slug=v["slug"],
        kind=v["kind"],
        name_original=names["original"],
        name_zh=names["zh"],
        name_en=names["en"],
        short_zh=names.get("short_zh", ""),
        jurisdiction=v["jurisdiction"],
        court=v["court"],
        dockets=tuple(Docket(d["court"], d["number"], d["verification"], d["sources"]) for d in v["dockets"]),
        parties=tuple(Party(p["role"], p["name"], p.get("name_zh", "")) for p in v["parties"]),
        ai_tool=v["ai_tool"],
        work_kind=v["work_kind"],
        human_contribution=v["human_contribution"],
        question=v["question"],
        holding=v["holding"],
        outcome=v["outcome"],
        damages=v["damages"],
        status=v["status"],
        status_as_of=v["status_as_of"],
        summary_zh=v["summary_zh"],
        subsequent_history=v["subsequent_history"],
        events=tuple(
            Event(e["date"], e["kind"], e["court"], e["what"], e["verification"], e["sources"], e.get("docket", ""), e.get("result", ""))
            for e in v["events"]
        ),
        verification=tuple((k, val) for k, val in v["verification"].items() if val),
        sources=v["sources"],
        updates=tuple(Update(u["date"], u["what"], u["sources"]) for u in v["updates"]),
        where=Where(reader.path, 1),
        docket_lines=tuple(d["__line__"] for d in v["dockets"]),
    )


def load_rulings(paths: Paths, problems: list[Problem], known: Known) -> dict[str, Ruling]:
    """Rulings by slug; a ruling with any problem is left out (and the problem reported)."""
    out: dict[str, Ruling] = {}
    for file in sorted(paths.rulings.glob("*.yaml")):
        ruling = load_ruling(paths, file, problems, known)
        if ruling is not None:
            out[ruling.slug] = ruling
    for other in sorted(paths.rulings.iterdir()) if paths.rulings.exists() else []:
        if other.suffix != ".yaml" and not other.name.startswith("."):
            problems.append(Problem(paths.show(other), 1, "(file)", "ruling files must end in .yaml", "file"))
    return out


def load_terms(paths: Paths, problems: list[Problem]) -> tuple:
    got = _records(paths, "glossary.yaml", problems)
    if not got:
        return ()
    reader, doc = got
    return tuple(
        Term(v["id"], v["zh"], v["en"], v["aliases"], v["category"], v["definition"], v["relevance"], v["chapters"], where)
        for v, where in _each(reader, doc, schemas.TERM)
    )


def load_table(paths: Paths, file: Path, problems: list[Problem]) -> Table | None:
    doc = _open(paths, file, problems)
    if doc is None:
        return None
    reader = Reader(paths.show(file), problems)
    if not isinstance(doc, LMap):
        reader.problem(1, "(file)", "expected a mapping with name, title, chapter, source, columns, rows")
        return None
    before = len(problems)
    head = {k: val for k, val in doc.items() if k != "rows"}
    headmap = LMap(head)
    headmap.line, headmap.key_lines = doc.line, doc.key_lines
    v = reader.read(headmap, schemas.TABLE_HEAD, "", doc.line)
    if v is None:
        return None
    if v["name"] and v["name"] != file.stem:
        reader.problem(doc.line_of("name"), "name", f"name {v['name']!r} must equal the file name {file.stem!r}", "value")
    columns = tuple(Column(c["key"], c["label"], c.get("numeric") == "true") for c in v["columns"])
    keys = [c.key for c in columns]
    rows_node = doc.get("rows")
    rows: list[tuple[tuple[str, ...], ...]] = []
    row_errata: list[str] = []
    if not isinstance(rows_node, LList) or not rows_node:
        reader.problem(doc.line_of("rows"), "rows", "expected a non-empty list of rows", "missing" if rows_node is None else "type")
    else:
        for i, row in enumerate(rows_node):
            line = rows_node.line_of(i)
            if not isinstance(row, LMap):
                reader.problem(line, f"rows[{i}]", "expected a mapping of column keys to cells", "type")
                continue
            for key in row:
                if key not in keys and key != "erratum":
                    reader.problem(row.line_of(key), f"rows[{i}].{key}", f"unknown column {key!r}; columns are: {', '.join(keys)}", "unknown-field")
            cells = []
            for c in columns:
                cell = row.get(c.key)
                if cell is None:
                    reader.problem(line, f"rows[{i}].{c.key}", "missing cell", "missing")
                    cells.append(())
                elif isinstance(cell, str):
                    cells.append((cell.strip(),))
                elif isinstance(cell, LList) and all(isinstance(x, str) for x in cell):
                    cells.append(tuple(x.strip() for x in cell))
                else:
                    reader.problem(row.line_of(c.key), f"rows[{i}].{c.key}", "a cell is text or a list of text", "type")
                    cells.append(())
                if c.numeric and cells[-1] and not all(_is_number(x) for x in cells[-1]):
                    reader.problem(row.line_of(c.key), f"rows[{i}].{c.key}", f"expected a number, got {cells[-1][0]!r}", "value")
            erratum = row.get("erratum", "")
            row_errata.append(erratum if isinstance(erratum, str) else "")
            rows.append(tuple(cells))
    if len(problems) > before:
        return None
    return Table(v["name"], v["title"], v["chapter"], v["source"], columns, tuple(rows), tuple(row_errata), Where(reader.path, 1))


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def load_tables(paths: Paths, problems: list[Problem]) -> dict[str, Table]:
    out = {}
    for file in sorted(paths.tables.glob("*.yaml")):
        table = load_table(paths, file, problems)
        if table is not None:
            out[table.name] = table
    return out


def load_errata(paths: Paths, problems: list[Problem]) -> tuple[Erratum, ...]:
    got = _records(paths, "errata.yaml", problems)
    if not got:
        return ()
    reader, doc = got
    return tuple(
        Erratum(v["id"], v["location"], v["kind"], v["report_text"], v["correction"], v["explanation"], v["sources"], where)
        for v, where in _each(reader, doc, schemas.ERRATUM)
    )


def load_figures(paths: Paths, problems: list[Problem]) -> dict[str, Figure]:
    got = _records(paths, "figures.yaml", problems, required=False)
    if not got:
        return {}
    reader, doc = got
    return {v["id"]: Figure(v["id"], v["location"], v["report_lines"], v["description"], where) for v, where in _each(reader, doc, schemas.FIGURE)}


def load_rules(paths: Paths, problems: list[Problem]) -> tuple[Rule, ...]:
    got = _records(paths, "rules.yaml", problems, required=False)
    if not got:
        return ()
    reader, doc = got
    return tuple(
        Rule(v["id"], v["jurisdiction"], v["issuer"], v["title_zh"], v["title_original"], v["number"], v["made"], v["published"], v["in_force"], v["requires"], v["status"], v["status_as_of"], v["verification"], v["sources"], where)
        for v, where in _each(reader, doc, schemas.RULE)
    )


def load_bib(paths: Paths, problems: list[Problem]) -> list[BibEntry]:
    if not paths.bib.exists():
        problems.append(Problem(paths.show(paths.bib), 1, "(file)", "references.bib is missing", "file"))
        return []
    raw = paths.bib.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(paths.show(paths.bib), line, "(encoding)", "not UTF-8", "encoding"))
        return []
    if text.startswith("\ufeff"):
        problems.append(Problem(paths.show(paths.bib), 1, "(encoding)", "starts with a byte-order mark; save as UTF-8 without BOM", "encoding"))
        return []
    entries, found = parse_bib(text, paths.show(paths.bib))
    problems.extend(found)
    return entries
