"""Python packages of requirements.txt, and the Debian packages the commands need."""

import email.parser
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .console import Fail, say, step
from .settings import LOCAL, OCA_ADDON_PREFIX, OCA_DIR, PYTHON, REPO, REQUIREMENTS, is_root


def _requirement_class():
    try:
        from packaging.requirements import Requirement  # noqa: PLC0415
    except ImportError:  # pip always vendors packaging
        from pip._vendor.packaging.requirements import Requirement  # noqa: PLC0415
    return Requirement


def canonical(name):
    """Distribution name as pip compares them (PEP 503): odoo-addon-report_xlsx -> odoo-addon-report-xlsx."""
    return re.sub(r"[-_.]+", "-", name).lower()


def is_oca_addon(name):
    return canonical(name).startswith(OCA_ADDON_PREFIX)


def _satisfied(req, version):
    return version is not None and (not req.specifier or req.specifier.contains(version, prereleases=True))


def _applies(req):
    return not req.marker or req.marker.evaluate()


def read_requirements():
    """The requirements of requirements.txt that apply to this interpreter."""
    Requirement = _requirement_class()
    reqs = []
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            if _applies(req):
                reqs.append(req)
    return reqs


def ensure_requirements():
    """Install what requirements.txt lists and is missing or at a wrong version.

    Python packages go into the interpreter with pip. Odoo addons published as wheels
    (`odoo-addon-*`, OCA's report_xlsx, ...) never do: they go into .local/oca-addons, whose
    odoo/addons folder is on the generated addons_path (see ensure_oca_addons).
    """
    reqs = read_requirements()
    pip_install_missing([r for r in reqs if not is_oca_addon(r.name)])
    addon_python_deps = ensure_oca_addons([r for r in reqs if is_oca_addon(r.name)])
    pip_install_missing(addon_python_deps)


def pip_install_missing(reqs):
    """pip-install the requirements that this interpreter lacks or has at another version."""
    from importlib import metadata  # noqa: PLC0415

    missing = []
    for req in reqs:
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            version = None
        if not _satisfied(req, version) and str(req) not in missing:
            missing.append(str(req))
    if not missing:
        return
    step(f"Installing Python packages: {' '.join(missing)}")
    _pip(["install", *missing])


def _pip(args):
    cmd = [PYTHON, "-m", "pip", *args, "--disable-pip-version-check"]
    if subprocess.run(cmd).returncode != 0:
        raise Fail(
            "pip could not install the packages above.\n"
            "If this interpreter is managed by the system (externally-managed-environment),\n"
            "use a virtualenv that can import Odoo 18.0 and run:\n"
            "  make run PYTHON=/path/to/venv/bin/python"
        )


# ------------------------------------------------------------------ Odoo addons


def installed_oca_addons():
    """{canonical name: distribution} of the addon wheels installed in .local/oca-addons."""
    from importlib import metadata  # noqa: PLC0415

    if not OCA_DIR.is_dir():
        return {}
    return {canonical(d.metadata["Name"]): d for d in metadata.distributions(path=[str(OCA_DIR)])}


def _requires(requires_dist):
    Requirement = _requirement_class()
    return [req for req in (Requirement(line) for line in requires_dist or []) if _applies(req)]


def _oca_state(reqs, installed):
    """(True if .local/oca-addons holds exactly what `reqs` needs, Python requirements of the addons).

    An addon wheel names its Odoo addon dependencies as `odoo-addon-*` requirements (installed
    here too), Odoo itself as `odoo` (a prerequisite, ignored) and its Python libraries
    (installed into the interpreter).
    """
    ok, needed, python_deps = True, set(), []
    pending = list(reqs)
    while pending:
        req = pending.pop()
        name = canonical(req.name)
        dist = installed.get(name)
        if dist is None or not _satisfied(req, dist.version):
            ok = False
            continue
        if name in needed:
            continue
        needed.add(name)
        for dep in _requires(dist.requires):
            if is_oca_addon(dep.name):
                pending.append(dep)
            elif canonical(dep.name) != "odoo":
                python_deps.append(dep)
    return ok and needed == set(installed), python_deps


def ensure_oca_addons(reqs):
    """Install the `odoo-addon-*` requirements, and the addons they depend on, in .local/oca-addons.

    Never into the interpreter: an addon wheel installed there creates site-packages/odoo/,
    which turns `odoo` into a namespace package that hides an Odoo installed in editable mode.
    They are installed all together, without pip's dependency resolution (their metadata
    requires an `odoo` distribution, which an Odoo run from its source folder does not have):
    when one is missing or at another version, the folder is made anew beside the old one and
    replaces it. The wheels' metadata (dist-info) in the folder tells what is installed.
    Returns the Python requirements of the installed addons.
    """
    ok, python_deps = _oca_state(reqs, installed_oca_addons())
    if ok:
        return python_deps
    if not reqs:  # the last odoo-addon-* line was removed from requirements.txt
        shutil.rmtree(OCA_DIR)
        return []
    step(f"Installing Odoo addons in {OCA_DIR.relative_to(REPO)}: {' '.join(str(r) for r in reqs)}")
    LOCAL.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="oca-addons-", dir=LOCAL) as tmp:
        wheels, target = Path(tmp) / "wheels", Path(tmp) / "oca-addons"
        pending, seen = [str(r) for r in reqs], {canonical(r.name) for r in reqs}
        while pending:  # download the wheels, then those of the addons they depend on
            _pip(["download", "--quiet", "--no-deps", "--only-binary=:all:", "--dest", str(wheels), *pending])
            pending = []
            for wheel in sorted(wheels.glob("*.whl")):
                for dep in _requires(_wheel_metadata(wheel).get_all("Requires-Dist")):
                    if is_oca_addon(dep.name) and canonical(dep.name) not in seen:
                        seen.add(canonical(dep.name))
                        pending.append(str(dep))
                        say(f"    {wheel.name} needs {dep}")
        wheel_files = [str(w) for w in sorted(wheels.glob("*.whl"))]
        _pip(["install", "--quiet", "--no-deps", "--no-index", "--target", str(target), *wheel_files])
        if OCA_DIR.exists():
            OCA_DIR.rename(Path(tmp) / "previous")
        target.rename(OCA_DIR)
    ok, python_deps = _oca_state(reqs, installed_oca_addons())
    if not ok:
        raise Fail(f"the Odoo addons installed in {OCA_DIR} do not match requirements.txt")
    return python_deps


def _wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        return email.parser.BytesParser().parsebytes(zf.read(name))


# --------------------------------------------------------------- Debian packages


def apt_install(packages, why):
    """Install Debian packages when running as root; False when that is not possible here."""
    if not (is_root() and shutil.which("apt-get")):
        return False
    step(f"Installing {', '.join(packages)} (Debian) {why}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], env=env, check=False)
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages], env=env, check=False)
    return True


def ensure_wkhtmltopdf():
    """The standard forms print through wkhtmltopdf; one test renders a real PDF."""
    if shutil.which("wkhtmltopdf"):
        return
    apt_install(["wkhtmltopdf", "fonts-dejavu-core"], "to print the standard forms as PDF")
    if not shutil.which("wkhtmltopdf"):
        raise Fail(
            "wkhtmltopdf is required to print the standard forms and was not found.\n"
            "Install it, e.g. on Debian/Ubuntu: sudo apt-get install wkhtmltopdf (run `make test`\n"
            "as root and it is installed automatically)."
        )


def ensure_chromium():
    names = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if not found:
        apt_install(["chromium"], "for the browser tests")
        found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if not found:
        raise Fail(
            "Chromium (or Google Chrome) is required by the browser tests and was not found.\n"
            "Install it, e.g. on Debian/Ubuntu: sudo apt-get install chromium (run `make test`\n"
            "as root and it is installed automatically)."
        )
    proc = subprocess.run([PYTHON, "-c", "import websocket"], capture_output=True)
    if proc.returncode != 0:
        raise Fail("the Python package websocket-client is not importable (pip install websocket-client)")
    return found
