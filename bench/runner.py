"""Run by ``scripts/dev.py bench`` inside ``odoo shell`` on a benchmark database.

The command prepends ``OPTIONS = {...}``. With ``OPTIONS["generate"]`` it fills the database
(bench/generate.py) and commits; otherwise it runs each suite of ``OPTIONS["suites"]``
(``bench/suites/<name>.py``, ``run(env, options) -> list[dict]``), rolls back what the suite did,
and prints each row as one ``PA-BENCH-ROW <json>`` line for the command to tabulate.
"""

import importlib.util
import json
import sys
import time
import traceback
from pathlib import Path


def _load(path):
    spec = importlib.util.spec_from_file_location(f"pa_bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _main(env, options):
    bench_dir = Path(options["bench_dir"])
    sys.path.insert(0, str(bench_dir))
    if options.get("generate"):
        generate = _load(bench_dir / "generate.py")
        seconds = generate.generate(env, options["size"])
        env.cr.commit()
        row = {
            "suite": "generate",
            "measure": "data generation",
            "value": seconds,
            "unit": "s",
            "baseline": "",
            "baseline_value": 0.0,
            "ratio": 0.0,
        }
        print("PA-BENCH-ROW " + json.dumps(row), flush=True)
        return
    for name in options["suites"]:
        path = bench_dir / "suites" / f"{name}.py"
        t0 = time.time()
        try:
            rows = _load(path).run(env, options)
        except Exception:  # noqa: BLE001 - one broken suite must not hide the others' results
            env.cr.rollback()
            print(f"PA-BENCH-ERROR {name}: " + json.dumps(traceback.format_exc()), flush=True)
            continue
        env.cr.rollback()
        env.invalidate_all()
        for row in rows:
            print("PA-BENCH-ROW " + json.dumps(dict(row, suite=name)), flush=True)
        print(f"PA-BENCH-DONE {name} {time.time() - t0:.1f}", flush=True)


_main(env, OPTIONS)  # noqa: F821 - `env` is given by odoo shell, OPTIONS by the command
