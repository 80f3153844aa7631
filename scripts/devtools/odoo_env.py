"""Odoo 18.0 on this machine: is it importable, where are the addons, which settings.

Odoo is never downloaded or built here: it is a prerequisite that must be importable as
``odoo`` by the interpreter running the commands (``$PYTHON``).
"""

import ast
import configparser
import json
import subprocess
from pathlib import Path

from .console import Fail, warn
from .settings import (
    DATA_DIR,
    EXTRA_ADDONS,
    LAUNCHER,
    LOCAL_CONF,
    MODULES,
    OCA_ADDONS_DIR,
    OCA_DIR,
    ODOO_CONF,
    ODOO_DOC,
    PYTHON,
    REPO,
)

# Run by $PYTHON: what `import odoo` gives. Prints one JSON line; never raises for a
# namespace package (a folder named odoo without __init__.py, e.g. site-packages/odoo left by
# an addon wheel, which hides an Odoo installed in editable mode).
ODOO_PROBE = """
import json, os
import odoo
if getattr(odoo, "__file__", None) is None:
    from importlib import metadata
    wheels = sorted({d.metadata["Name"] for d in metadata.distributions()
                     if (d.metadata["Name"] or "").lower().replace("_", "-").startswith("odoo-addon-")})
    print(json.dumps({"namespace": [os.path.abspath(p) for p in odoo.__path__], "wheels": wheels}))
    raise SystemExit(0)
import odoo.release, odoo.addons
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
print(json.dumps({
    "version": odoo.release.version,
    "version_info": list(odoo.release.version_info[:2]),
    "root": root,
    "addons": [os.path.abspath(p) for p in odoo.addons.__path__],
}))
"""


def check_odoo():
    """Odoo 18.0 must be importable; stop at once with a clear message otherwise."""
    try:
        proc = subprocess.run([PYTHON, "-c", ODOO_PROBE], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        proc = None
        detail = str(exc)
    if proc is not None and proc.returncode == 0:
        info = json.loads(proc.stdout.strip().splitlines()[-1])
        if "namespace" in info:
            raise Fail(namespace_message(info))
        if info["version_info"][0] != 18:
            detail = f"`odoo` is Odoo {info['version']} from {info['root']}, not 18.0"
        else:
            warn_foreign_addons(info)
            return info
    elif proc is not None:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        detail = lines[-1] if lines else f"exit code {proc.returncode}"
    raise Fail(
        "Odoo 18.0 Community is a prerequisite and is not importable as `odoo` by\n"
        f"  {PYTHON}\n"
        f"  ({detail})\n"
        "Install Odoo 18.0 from source as README.md says (Prerequisites) and documented at\n"
        f"  {ODOO_DOC}\n"
        "so that `python3 -c 'import odoo'` works, or point PYTHON at an interpreter that has it:\n"
        "  make run PYTHON=/path/to/venv/bin/python"
    )


def namespace_message(info):
    folders = "\n".join(f"  {p}" for p in info["namespace"]) or "  (no folder)"
    remedy = (
        f"  {PYTHON} -m pip uninstall {' '.join(info['wheels'])}\nthen delete what is left of the folder above."
        if info["wheels"]
        else "Delete the folder above (move its addons elsewhere first if you need them)."
    )
    return (
        "`odoo` resolves to a namespace package (a folder named odoo without __init__.py) made of\n"
        f"{folders}\n"
        "A folder site-packages/odoo left there by Odoo addon wheels (`pip install odoo-addon-...`)\n"
        "hides the real Odoo, installed in editable mode or elsewhere. Remove it:\n"
        f"{remedy}\n"
        f"The commands keep Odoo addon wheels in {OCA_DIR} and never install them into the interpreter."
    )


def warn_foreign_addons(info):
    """Addons that Odoo finds in odoo.addons.__path__ outside its own source and our folders.

    Addon wheels once pip-installed into the interpreter land in site-packages/odoo/addons; with
    Odoo on a .pth file they still import, and they come before the addons_path, so they win over
    the copies in .local/oca-addons.
    """
    own = {Path(info["root"]) / "odoo" / "addons", Path(info["root"]) / "addons", OCA_ADDONS_DIR}
    for path in map(Path, info["addons"]):
        if path in own or not path.is_dir():
            continue
        addons = sorted(p.parent.name for p in path.glob("*/__manifest__.py"))
        if addons:
            warn(
                f"{path}\nholds Odoo addons left by addon wheels installed into the interpreter; Odoo loads\n"
                f"them before those of the addons_path: {', '.join(addons)}. Remove them with\n"
                f"  {PYTHON} -m pip uninstall " + " ".join(f"odoo-addon-{a}" for a in addons)
            )


def addons_path(odoo_info):
    """Our addons, EXTRA_ADDONS_PATH, Odoo's own addons, and the addon wheels of .local/oca-addons."""
    root = Path(odoo_info["root"])
    paths = [REPO / "addons"]
    paths += [Path(p).resolve() for p in EXTRA_ADDONS]
    for candidate in (root / "addons", root / "odoo" / "addons", OCA_ADDONS_DIR):
        if candidate.is_dir():
            paths.append(candidate)
    return ",".join(str(p) for p in paths)


def module_dirs():
    """Directory of each suite module (repo addons first, then EXTRA_ADDONS_PATH)."""
    found = {}
    for base in [REPO / "addons"] + [Path(p).resolve() for p in EXTRA_ADDONS]:
        for mod in MODULES:
            if mod not in found and (base / mod / "__manifest__.py").is_file():
                found[mod] = base / mod
    missing = [m for m in MODULES if m not in found]
    if missing:
        raise Fail(f"addon(s) not found under addons/: {', '.join(missing)}")
    return [found[m] for m in MODULES]


def suite_dependencies():
    """Modules our addons depend on, minus our own addons."""
    deps = []
    for path in module_dirs():
        manifest = ast.literal_eval((path / "__manifest__.py").read_text(encoding="utf-8"))
        for dep in manifest.get("depends", []):
            if dep not in MODULES and dep not in deps:
                deps.append(dep)
    return deps or ["base"]


def read_odoo_conf():
    parser = configparser.RawConfigParser()
    if ODOO_CONF.is_file():
        parser.read(ODOO_CONF, encoding="utf-8")
    return dict(parser.items("options")) if parser.has_section("options") else {}


def conf_value(conf, key):
    value = (conf.get(key) or "").strip()
    return None if value.lower() in ("", "false", "none") else value


def write_local_conf(pg, odoo_info):
    """.local/odoo-local.conf = odoo.conf + machine-specific settings."""
    parser = configparser.RawConfigParser()
    if ODOO_CONF.is_file():
        parser.read(ODOO_CONF, encoding="utf-8")
    if not parser.has_section("options"):
        parser.add_section("options")
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    values = {
        "addons_path": addons_path(odoo_info),
        "data_dir": str(DATA_DIR),
        # demo data in the demo database; `make test` passes --without-demo=all
        "without_demo": "False",
        **pg.conf,
    }
    for key, value in values.items():
        parser.set("options", key, value)
    LOCAL_CONF.touch(mode=0o600)
    with LOCAL_CONF.open("w", encoding="utf-8") as fh:
        fh.write("; Generated by scripts/dev.py from odoo.conf on every run: edit odoo.conf instead.\n")
        parser.write(fh)
    return LOCAL_CONF


def odoo_cmd(*args):
    """Command line of an Odoo process: through scripts/odoo_launcher.py, so that its reload works."""
    return [PYTHON, str(LAUNCHER), *args]
