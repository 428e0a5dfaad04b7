"""Command line: ``python -m aigc_report check|tables|glossary|export``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import export
from .checker import collect, repo_root
from .glossary import Miss, lookup
from .problems import DataError


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root) if args.root else repo_root()


def cmd_check(args: argparse.Namespace) -> int:
    data, problems = collect(_root(args))
    if problems:
        for p in sorted(set(problems)):
            print(p)
        print(f"{len(set(problems))} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {len(data.rulings)} rulings, {len(data.terms)} glossary terms, {len(data.tables)} tables, "
          f"{len(data.errata)} errata, {len(data.rules)} rules, {len(data.bib_keys)} references; no problems.")
    return 0


def _load(args: argparse.Namespace):
    data, problems = collect(_root(args))
    if problems:
        raise DataError(problems)
    return data


def cmd_tables(args: argparse.Namespace) -> int:
    data = _load(args)
    if not args.name:
        for name in sorted(data.tables):
            t = data.tables[name]
            print(f"{name}\t{t.title}\t{len(t.rows)} rows")
        return 0
    if args.name not in data.tables:
        print(f"no table {args.name!r}; tables: {', '.join(sorted(data.tables))}", file=sys.stderr)
        return 1
    table = data.tables[args.name]
    if args.json:
        print(json.dumps({"name": table.name, "title": table.title, "columns": [c.key for c in table.columns], "rows": table.as_dicts()}, ensure_ascii=False, indent=2))
        return 0
    print(table.title)
    print("\t".join(c.label for c in table.columns))
    for row in table.rows:
        print("\t".join(" / ".join(cell) for cell in row))
    return 0


def cmd_glossary(args: argparse.Namespace) -> int:
    data = _load(args)
    found = lookup(args.term, data.terms)
    if isinstance(found, Miss):
        print(str(found), file=sys.stderr)
        if args.json:
            print(json.dumps({"query": args.term, "found": False, "suggestions": [export.term_record(t) for t in found.suggestions]}, ensure_ascii=False, indent=2))
        return 1
    if args.json:
        print(json.dumps(export.term_record(found), ensure_ascii=False, indent=2))
    else:
        aliases = f"（又称：{'、'.join(found.aliases)}）" if found.aliases else ""
        print(f"{found.zh} — {found.en}{aliases}\n{found.definition}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    data = _load(args)
    text = export.to_json(data, args.base_url) if args.format == "json" else export.to_csv(data)
    sys.stdout.write(text)
    return 0


def cmd_new_ruling(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_ruling

    try:
        data, page = new_ruling(_root(args), args.slug)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"created {data}\ncreated {page}\nfill in the facts, then run: python -m aigc_report check")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aigc_report", description="AIGC 版权认定参考：数据检查与查询")
    parser.add_argument("--root", help="checkout to read (default: this repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate all data; print every problem as path:line: field: message").set_defaults(func=cmd_check)
    p = sub.add_parser("tables", help="list tables, or print one")
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tables)
    p = sub.add_parser("glossary", help="look a term up by Chinese or English name or alias")
    p.add_argument("term")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_glossary)
    p = sub.add_parser("export", help="export rulings (and glossary) as JSON or CSV")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--base-url", default="", help="make page URLs absolute")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("new-ruling", help="scaffold a ruling's data file and page")
    p.add_argument("slug")
    p.set_defaults(func=cmd_new_ruling)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
