"""``reviewapp framework list|export|import``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reviewapp.domain.errors import ReviewAppError
from reviewapp.services.container import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("framework", help="competency frameworks", parents=[common])
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list frameworks and versions", parents=[common])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)
    export = actions.add_parser("export", help="write a framework file", parents=[common])
    export.add_argument("key")
    export.add_argument("--version", type=int, help="version (default: newest)")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.set_defaults(handler=_export)
    imp = actions.add_parser("import", help="add a framework from a file", parents=[common])
    imp.add_argument("file")
    imp.set_defaults(handler=_import)


def _list(args: argparse.Namespace, services: Services) -> int:
    frameworks = services.frameworks.list()
    if args.json:
        print(json.dumps([asdict(f) for f in frameworks], indent=2, ensure_ascii=False))
        return 0
    print(f"{'ID':>4}  {'KEY':<28} {'VER':>3}  {'COMP':>4} {'IND':>4} {'REVIEWS':>7}  TITLE")
    for f in frameworks:
        print(
            f"{f.id:>4}  {f.key:<28} {f.version:>3}  {f.competency_count:>4} "
            f"{f.indicator_count:>4} {f.review_count:>7}  {f.title}"
        )
    return 0


def _export(args: argparse.Namespace, services: Services) -> int:
    text = services.frameworks.export_text(args.key, args.version)
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReviewAppError(f"Cannot write {args.output}: {exc.strerror}") from exc
    print(f"Wrote {args.output}")
    return 0


def _import(args: argparse.Namespace, services: Services) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewAppError(f"Cannot read {args.file}: {exc}") from exc
    try:
        framework, added = services.frameworks.import_text(text)
    except ReviewAppError as exc:
        print(f"reviewapp: {args.file}: {exc}", file=sys.stderr)
        return 1
    state = "Imported" if added else "Already present, unchanged:"
    print(f"{state} {framework.key} version {framework.version} ({framework.title})")
    return 0
