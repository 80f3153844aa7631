"""`make bench`: the suite at scale, side by side with a baseline measured in the same run.

    make bench                       # 2,000 dossiers, a quick run
    make bench SIZE=10000            # one size
    make bench SIZE=10000,100000,1000000 REPEAT=3
    python3 scripts/dev.py bench --sizes 10000 --suites reception,crons --no-load

For each size: a fresh copy of the benchmark template database (scripts/devtools/benchdb.py,
with OCA helpdesk_mgmt), filled by bench/generate.py in bulk SQL; the suites of bench/suites/
(`run(env, options) -> rows`: reception, crons, and reports when present) run in an odoo shell
on it, each rolled back; then the load part (scripts/devtools/benchload.py: a production-mode
server and wrk). Prints, per size, the median of each measure with its baseline and ratio, and a
last table with how each measure grows from one size to the next. The rows are also written to
.local/logs/bench/last-run.json.
"""

import json
import os
import platform
import subprocess
import time

from .benchdb import BENCH_CONF, ensure_helpdesk, ensure_template, fresh_copy, write_bench_conf
from .benchload import ensure_wrk, run_load
from .console import Fail, say, step, warn
from .odoo_env import check_odoo, odoo_cmd, write_local_conf
from .packages import ensure_requirements
from .postgres import ensure_postgres
from .settings import LOG_DIR, REPO

DEFAULT_SIZE = 2000
SUITES_DIR = REPO / "bench" / "suites"


def add_arguments(parser):
    parser.add_argument(
        "--sizes",
        default=os.environ.get("SIZE") or str(DEFAULT_SIZE),
        help=f"comma-separated numbers of dossiers (default $SIZE or {DEFAULT_SIZE})",
    )
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT") or 3), help="runs per measure")
    parser.add_argument(
        "--suites", default=os.environ.get("SUITES") or "", help="bench/suites/ to run (default: all found)"
    )
    parser.add_argument("--no-load", action="store_true", help="skip the server under wrk")
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("DURATION") or 5), help="seconds per wrk run"
    )
    parser.add_argument("--reception-count", type=int, default=200, help="dossiers received per measured run")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure again on the database kept (--keep) by an earlier run at that size, without regenerating",
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="measure nothing: print the tables of the latest runs at --sizes (saved in .local/logs/bench/)",
    )


def discover_suites(wanted):
    found = sorted(p.stem for p in SUITES_DIR.glob("*.py") if not p.stem.startswith("_"))
    if not wanted:
        return found
    names = [n.strip() for n in wanted.split(",") if n.strip()]
    unknown = [n for n in names if n not in found]
    if unknown:
        raise Fail(f"unknown suite(s) {', '.join(unknown)}; found in bench/suites/: {', '.join(found)}")
    return names


def shell(conf, db, options, logfile, nice=False):
    """Run bench/runner.py in odoo shell on db; returns (rows, errors)."""
    code = f"OPTIONS = {json.dumps(options)!r}\nimport json as _j\nOPTIONS = _j.loads(OPTIONS)\n"
    code += (REPO / "bench" / "runner.py").read_text(encoding="utf-8")
    cmd = odoo_cmd("shell", "-c", str(conf), "-d", db, "--no-http", "--log-level=warn")
    if nice:
        cmd = ["nice", "-n", "10", *cmd]
    proc = subprocess.run(cmd, input=code, text=True, capture_output=True, check=False)
    logfile.parent.mkdir(parents=True, exist_ok=True)
    logfile.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    rows, errors = [], []
    for line in proc.stdout.splitlines():
        if line.startswith("PA-BENCH-ROW "):
            rows.append(json.loads(line[len("PA-BENCH-ROW ") :]))
        elif line.startswith("PA-BENCH-ERROR "):
            name, trace = line[len("PA-BENCH-ERROR ") :].split(": ", 1)
            errors.append((name, json.loads(trace)))
        elif line.startswith("    generate:"):
            say(line)
    if proc.returncode != 0 and not rows:
        raise Fail(f"odoo shell failed on {db} (log: {logfile}):\n{(proc.stderr or proc.stdout)[-3000:]}")
    return rows, errors


def fmt_value(value, unit):
    if unit == "s":
        return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"
    if unit in ("req/s",):
        return f"{value:.0f} req/s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "queries":
        return f"{value:.1f} q"
    return f"{value:.3g} {unit}"


def print_table(size, rows):
    say(f"\n=== {size:,} dossiers ===")
    say(f"{'measure':<66} {'median':>12}  {'baseline':>12}  {'ratio':>6}  baseline is")
    for row in rows:
        value = fmt_value(row["value"], row.get("unit", "s"))
        base = fmt_value(row["baseline_value"], row.get("unit", "s")) if row.get("baseline") else ""
        ratio = f"{row['ratio']:.2f}" if row.get("baseline") else ""
        say(f"{row['measure'][:66]:<66} {value:>12}  {base:>12}  {ratio:>6}  {row.get('baseline', '')}")


def print_scaling(sizes, by_size):
    if len(sizes) < 2:
        return
    say("\n=== Scaling: each measure at each size (ratio to its baseline), growth from the smallest size ===")
    head = "".join(f"{s:>22,}" for s in sizes)
    say(f"{'measure':<60}{head}  growth")
    measures = []
    for size in sizes:
        for row in by_size[size]:
            key = (row["suite"], _stable(row["measure"]))
            if key not in measures:
                measures.append(key)
    for key in measures:
        cells, values = [], []
        for size in sizes:
            row = next((r for r in by_size[size] if (r["suite"], _stable(r["measure"])) == key), None)
            cell = fmt_value(row["value"], row.get("unit", "s")) if row else "-"
            if row and row.get("baseline") and row.get("ratio"):
                cell += f" ({row['ratio']:.2f})"
            cells.append(cell)
            values.append(row["value"] if row else None)
        growth = f"x{values[-1] / values[0]:.2f}" if values[0] and values[-1] else ""
        say(f"{key[1][:60]:<60}" + "".join(f"{c:>22}" for c in cells) + f"  {growth}")


def _stable(measure):
    """A measure's name without the figures in parentheses (which vary with the size)."""
    import re  # noqa: PLC0415

    return re.sub(r"\s*\([^)]*\)", "", re.sub(r": \d+ dossiers in \d+ batches", "", measure))


def save_rows(size, rows, machine):
    """.local/logs/bench/size-<size>.json: the rows of the latest run of each suite at this size."""
    path = LOG_DIR / "bench" / f"size-{size}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        measured = {row["suite"] for row in rows}
        kept = [r for r in json.loads(path.read_text(encoding="utf-8"))["rows"] if r["suite"] not in measured]
        rows = kept + rows
    path.write_text(json.dumps({"machine": machine, "size": size, "rows": rows}, indent=1), encoding="utf-8")


def report(sizes):
    """The tables of the latest run at each size, from .local/logs/bench/size-<size>.json."""
    by_size = {}
    for size in sizes:
        path = LOG_DIR / "bench" / f"size-{size}.json"
        if not path.is_file():
            raise Fail(f"no saved run at {size} dossiers ({path}): run `make bench SIZE={size}` first")
        saved = json.loads(path.read_text(encoding="utf-8"))
        by_size[size] = saved["rows"]
        print_table(size, saved["rows"])
        say(f"Machine: {saved['machine']}")
    print_scaling(sizes, by_size)
    return 0


def cmd_bench(args):
    """The suite at the sizes asked, side by side with baselines measured in the same run."""
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.report:
        return report(sizes)
    suites = discover_suites(args.suites)
    step("Checking Odoo 18.0")
    info = check_odoo()
    ensure_requirements()
    pg = ensure_postgres()
    write_local_conf(pg, info)
    with_helpdesk = ensure_helpdesk()
    conf = write_bench_conf(with_helpdesk)
    ensure_template(pg, conf, with_helpdesk)
    load = not args.no_load and ensure_wrk()
    logdir = LOG_DIR / "bench"
    by_size, all_errors = {}, []
    machine = f"{platform.node()}: {os.cpu_count()} cores, {platform.processor() or platform.machine()}"
    with open("/proc/meminfo", encoding="utf-8") as fh:
        machine += f", {int(fh.readline().split()[1]) // 1024 // 1024} GB RAM"
    for size in sizes:
        t0 = time.time()
        step(f"{size:,} dossiers: new database from the template, data generation")
        options = {"bench_dir": str(REPO / "bench"), "size": size, "repeat": args.repeat}
        db = f"public_admin_bench_{size}"
        if args.reuse and pg.database_exists(db):
            say(f"    reusing {db} as an earlier run left it")
            generation = None
        else:
            db = fresh_copy(pg, size)
            rows, _errors = shell(conf, db, dict(options, generate=True), logdir / f"generate-{size}.log", nice=True)
            generation = rows[0]["value"] if rows else 0.0
        step(f"{size:,} dossiers: suites {', '.join(suites)}")
        options.update(reception_count=args.reception_count)
        rows, errors = shell(conf, db, dict(options, suites=suites), logdir / f"suites-{size}.log")
        for name, trace in errors:
            warn(f"suite {name} failed at {size} dossiers:\n{trace}")
        all_errors += errors
        if load:
            step(f"{size:,} dossiers: production-mode server under wrk")
            rows += [dict(r, suite="load") for r in run_load(pg, BENCH_CONF, db, logdir, args.repeat, args.duration)]
        if generation is not None:
            rows.insert(
                0,
                {
                    "suite": "generate",
                    "measure": "data generation (bulk SQL)",
                    "value": generation,
                    "unit": "s",
                    "baseline": "",
                    "baseline_value": 0.0,
                    "ratio": 0.0,
                },
            )
        rows.append(
            {
                "suite": "total" if generation is not None else "total (reused database)",
                "measure": "whole run at this size"
                + (" (generation included)" if generation is not None else " (database reused)"),
                "value": time.time() - t0,
                "unit": "s",
                "baseline": "",
                "baseline_value": 0.0,
                "ratio": 0.0,
            }
        )
        by_size[size] = rows
        save_rows(size, rows, machine)
        print_table(size, rows)
        if not args.keep:
            pg.query(f'DROP DATABASE IF EXISTS "{db}"')
    print_scaling(sizes, by_size)
    say(f"\nMachine: {machine}; PostgreSQL {pg.query('SHOW server_version')[0][0]}; repeat {args.repeat}")
    (logdir / "last-run.json").write_text(
        json.dumps({"machine": machine, "sizes": {str(k): v for k, v in by_size.items()}}, indent=1), encoding="utf-8"
    )
    return 1 if all_errors else 0
