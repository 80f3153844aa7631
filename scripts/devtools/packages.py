"""Python packages of requirements.txt, and the Debian packages the commands need."""

import os
import shutil
import subprocess
from pathlib import Path

from .console import Fail, step
from .settings import PYTHON, REQUIREMENTS, is_root


def _requirement_tools():
    try:
        from packaging.requirements import Requirement  # noqa: PLC0415
    except ImportError:  # pip always vendors packaging
        from pip._vendor.packaging.requirements import Requirement  # noqa: PLC0415
    return Requirement


def ensure_requirements():
    """pip-install what requirements.txt lists and is missing or at a wrong version."""
    from importlib import metadata  # noqa: PLC0415

    Requirement = _requirement_tools()
    missing, missing_nodeps = [], []
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker and not req.marker.evaluate():
            continue
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            version = None
        if version is not None and (not req.specifier or req.specifier.contains(version, prereleases=True)):
            continue
        # odoo-addon-* wheels require an `odoo` distribution that pip cannot find:
        # Odoo is installed by hand, so they go in without their dependencies.
        (missing_nodeps if req.name.lower().startswith("odoo-addon") else missing).append(line)
    if not missing and not missing_nodeps:
        return
    for reqs, extra in ((missing, []), (missing_nodeps, ["--no-deps"])):
        if not reqs:
            continue
        step(f"Installing Python packages: {' '.join(reqs)}")
        cmd = [PYTHON, "-m", "pip", "install", "--disable-pip-version-check", *extra, *reqs]
        if subprocess.run(cmd).returncode != 0:
            raise Fail(
                "pip could not install the packages above.\n"
                "If this interpreter is managed by the system (externally-managed-environment),\n"
                "use a virtualenv that can import Odoo 18.0 and run:\n"
                "  make run PYTHON=/path/to/venv/bin/python"
            )


# --------------------------------------------------------------------- PostgreSQL


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


def script(name):
    """A console script installed next to $PYTHON (virtualenv), else on PATH."""
    beside = Path(PYTHON).parent / name
    return str(beside) if beside.is_file() else (shutil.which(name) or name)
