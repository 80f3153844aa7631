"""The PostgreSQL server used by Odoo.

Either a server named by the standard PG* variables or by odoo.conf, when it answers, or
the private cluster of this checkout, created on first use and started when needed.
"""

import contextlib
import functools
import hashlib
import os
import secrets
import shlex
import shutil
import subprocess
import time
from pathlib import Path

from .console import Fail, say, step
from .network import find_free_port
from .odoo_env import conf_value, read_odoo_conf
from .settings import (
    LOCAL,
    PG_OS_USER_DEFAULT,
    PG_PASSWORD_FILE,
    PG_ROLE,
    REPO,
    ROOT_CLUSTERS_DIR,
    is_root,
)

# A unix socket path holds at most 107 bytes; the socket file is .s.PGSQL.<port> in the folder.
SOCKET_PATH_MAX = 107 - len("/.s.PGSQL.65535")


class Postgres:
    """Connection to the PostgreSQL server used by Odoo."""

    def __init__(self, kind, params, conf, started=False):
        self.kind = kind  # "external" or "private"
        self.params = params  # for psycopg2
        self.conf = conf  # db_* options for Odoo
        self.started = started  # the private cluster was started by this command

    def connect(self, dbname="postgres"):
        import psycopg2  # noqa: PLC0415  (an Odoo dependency, present once Odoo imports)

        conn = psycopg2.connect(dbname=dbname, connect_timeout=5, **self.params)
        conn.autocommit = True
        return conn

    def query(self, sql, args=(), dbname="postgres"):
        with contextlib.closing(self.connect(dbname)) as conn, conn.cursor() as cr:
            cr.execute(sql, args)
            return cr.fetchall() if cr.description else []

    def database_exists(self, name):
        return bool(self.query("SELECT 1 FROM pg_database WHERE datname = %s", (name,)))

    def describe(self):
        if self.kind == "private":
            port, host = self.params["port"], self.params["host"]
            return f"private cluster {cluster().folder} (port {port}, socket {host})"
        where = self.params.get("host") or os.environ.get("PGHOST") or "default socket"
        port = self.params.get("port") or os.environ.get("PGPORT") or "5432"
        return f"server named by PG* variables / odoo.conf ({where}, port {port})"


def named_server():
    """A server named by the PG* variables or odoo.conf, if it answers."""
    conf = read_odoo_conf()
    mapping = {"host": "db_host", "port": "db_port", "user": "db_user", "password": "db_password"}
    params = {k: conf_value(conf, v) for k, v in mapping.items() if conf_value(conf, v)}
    sslmode = conf_value(conf, "db_sslmode")
    named_by_env = any(os.environ.get(v) for v in ("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGSERVICE"))
    if not params and not named_by_env:
        return None
    if sslmode:
        params["sslmode"] = sslmode
    pg = Postgres("external", params, {})
    try:
        pg.query("SELECT 1")
    except Exception as exc:  # noqa: BLE001
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        say(
            f"    PostgreSQL named by PG* variables / odoo.conf does not answer ({first}); "
            "using the private cluster instead."
        )
        return None
    return pg


def pg_bin(name):
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]) / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        candidates.append(base / name)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
            candidates.append(Path(bindir) / name)
    for cand in candidates:
        if cand.is_file() and os.access(cand, os.X_OK):
            return str(cand)
    raise Fail(
        f"PostgreSQL server program `{name}` not found, and no server named by PG* variables or\n"
        "odoo.conf answers. Install PostgreSQL (Debian: apt-get install postgresql), or set\n"
        "PG_BINDIR to the directory holding initdb/pg_ctl/postgres, or point the PG* variables"
        " at a server."
    )


class Cluster:
    """Where the private cluster of this checkout lives: data, unix socket, log.

    A normal user keeps it in .local/postgres. PostgreSQL refuses to run as root, so when the
    commands run as root the cluster runs as an unprivileged user (odoo-pg), who must be able to
    reach its folder; a checkout in root's home (/root is mode 700) is out of that user's reach.
    So root's clusters live outside the checkout, in
        /var/lib/public-admin-centre/<hash of the checkout's path>/postgres
    owned by that user, and .local/postgres is a symbolic link to it (followed on later runs,
    so the cluster stays with the checkout if it is moved). A cluster that an earlier version
    of these commands made as root in .local/postgres itself is kept there.
    """

    def __init__(self):
        link = LOCAL / "postgres"
        self.link = None
        if link.is_symlink():
            self.folder, self.link = link.resolve(), link
        elif not is_root() or (link / "data" / "PG_VERSION").is_file():
            self.folder = link
        else:
            digest = hashlib.sha256(str(REPO).encode()).hexdigest()[:12]
            self.folder, self.link = ROOT_CLUSTERS_DIR / digest / "postgres", link
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self.log = self.folder / "postgres.log"

    def prepare(self, user):
        """Create the folders, owned by `user`, and (as root) the link in .local and a note."""
        LOCAL.mkdir(exist_ok=True)
        if self.link is not None:
            parent = self.folder.parent
            parent.mkdir(parents=True, exist_ok=True)
            for path in (parent.parent, parent):
                os.chmod(path, 0o755)
            (parent / "checkout").write_text(
                f"Private PostgreSQL of the checkout {REPO} (its .local/postgres links here).\n"
                "Stop it with `make stop` there; delete this folder once the checkout is gone.\n"
            )
            if not self.link.is_symlink():
                if self.link.exists():  # left by a failed earlier attempt, without a cluster
                    shutil.rmtree(self.link)
                self.link.symlink_to(self.folder, target_is_directory=True)
        self.folder.mkdir(exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        for path in (self.folder, self.socket_dir):
            user.chown(path)
            os.chmod(path, 0o700)


@functools.cache
def cluster():
    return Cluster()


class PgUser:
    """The OS user that owns and runs the private cluster."""

    def __init__(self):
        import pwd  # noqa: PLC0415

        if not is_root():
            entry = pwd.getpwuid(os.geteuid())
        else:
            name = os.environ.get("PG_OS_USER")
            data = cluster().data
            if not name and data.exists() and data.stat().st_uid != 0:
                name = pwd.getpwuid(data.stat().st_uid).pw_name
            name = name or PG_OS_USER_DEFAULT
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                say(f"    creating system user '{name}' to run the private PostgreSQL (it refuses to run as root)")
                subprocess.run(
                    [
                        "useradd",
                        "--system",
                        "--user-group",
                        "--no-create-home",
                        "--home-dir",
                        "/nonexistent",
                        "--shell",
                        "/usr/sbin/nologin",
                        name,
                    ],
                    check=True,
                )
                entry = pwd.getpwnam(name)
            if entry.pw_uid == 0:
                raise Fail(f"PG_OS_USER must not be root (got '{name}')")
        self.name, self.uid, self.gid = entry.pw_name, entry.pw_uid, entry.pw_gid

    def run(self, cmd, **kwargs):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update({"HOME": str(cluster().folder), "LC_ALL": "C", "LANG": "C"})
        kwargs.setdefault("env", env)
        kwargs.setdefault("cwd", str(cluster().folder) if cluster().folder.is_dir() else "/")
        if is_root() and self.uid != 0:
            kwargs.update(user=self.uid, group=self.gid, extra_groups=[])
        return subprocess.run(cmd, **kwargs)

    def chown(self, path):
        if is_root():
            os.chown(path, self.uid, self.gid)


def private_running():
    """(pid, port, socket_dir) of the private cluster if its postmaster is alive."""
    pidfile = cluster().data / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
        pid, port, sockdir = int(lines[0]), int(lines[3]), lines[4]
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by another user
    with contextlib.suppress(OSError):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"postgres" not in cmdline:
            return None
    return pid, port, sockdir


def private_password():
    if PG_PASSWORD_FILE.is_file():
        return PG_PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(18)
    LOCAL.mkdir(exist_ok=True)
    PG_PASSWORD_FILE.touch(mode=0o600)
    PG_PASSWORD_FILE.write_text(password + "\n")
    return password


def private_postgres(start=True):
    """Reuse the running private cluster, or create/start it (see Cluster for where)."""
    where = cluster()
    password = private_password()
    params = {"host": str(where.socket_dir), "user": PG_ROLE, "password": password}
    running = private_running()
    if running:
        pid, port, sockdir = running
        params.update(host=sockdir or str(where.socket_dir), port=port)
        say(f"    reusing the private PostgreSQL already running (pid {pid}, port {port})")
        return Postgres("private", params, _private_conf(params))
    if not start:
        return None
    if len(str(where.socket_dir).encode()) > SOCKET_PATH_MAX:
        raise Fail(
            f"the path of the PostgreSQL unix socket folder is too long (at most {SOCKET_PATH_MAX} bytes):\n"
            f"  {where.socket_dir}\nMove the repository to a shorter path."
        )
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    user = PgUser()
    where.prepare(user)
    if user.run(["test", "-w", str(where.folder)]).returncode != 0:
        raise Fail(
            f"the private PostgreSQL runs as the unprivileged user '{user.name}', "
            "who cannot reach\n"
            f"  {where.folder}\n"
            "Give the parent directories execute permission for others (chmod o+x), move the\n"
            "repository, or point the PG* variables at an existing PostgreSQL server."
        )
    if not (where.data / "PG_VERSION").is_file():
        step(f"Creating the private PostgreSQL cluster in {where.folder} (OS user {user.name})")
        if where.data.exists():
            shutil.rmtree(where.data)
        pwfile = where.folder / ".pwfile"
        pwfile.write_text(password + "\n")
        user.chown(pwfile)
        os.chmod(pwfile, 0o600)
        try:
            proc = user.run(
                [
                    initdb,
                    "-D",
                    str(where.data),
                    "-U",
                    PG_ROLE,
                    f"--pwfile={pwfile}",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                ],
                capture_output=True,
                text=True,
            )
        finally:
            pwfile.unlink(missing_ok=True)
        if proc.returncode != 0:
            raise Fail(f"initdb failed:\n{proc.stdout}{proc.stderr}")
    port = find_free_port(int(os.environ.get("PRIVATE_PG_PORT", "5433")))
    step(f"Starting the private PostgreSQL on port {port} (unix socket in {where.socket_dir})")
    opts = (
        f"-p {port} -k {shlex.quote(str(where.socket_dir))} -c listen_addresses=127.0.0.1 "
        "-c synchronous_commit=off"  # faster, and a crash loses at most the last commits
    )
    proc = user.run(
        [pg_ctl, "-D", str(where.data), "-l", str(where.log), "-o", opts, "-w", "-t", "60", "start"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = where.log.read_text(errors="replace").splitlines()[-15:] if where.log.exists() else []
        raise Fail("pg_ctl start failed:\n" + proc.stdout + proc.stderr + "\n".join(tail))
    params["port"] = port
    pg = Postgres("private", params, _private_conf(params), started=True)
    for _ in range(30):
        try:
            pg.query("SELECT 1")
            break
        except Exception:  # noqa: BLE001
            time.sleep(0.5)
    else:
        pg.query("SELECT 1")
    return pg


def _private_conf(params):
    return {
        "db_host": params["host"],
        "db_port": str(params["port"]),
        "db_user": PG_ROLE,
        "db_password": params["password"],
    }


def ensure_postgres():
    step("Finding PostgreSQL")
    pg = named_server() or private_postgres()
    say(f"    using the {pg.describe()}")
    return pg


def stop_private_postgres():
    running = private_running()
    if not running:
        say("Private PostgreSQL is not running.")
        return
    pid, port, _ = running
    step(f"Stopping the private PostgreSQL (pid {pid}, port {port})")
    proc = PgUser().run(
        [pg_bin("pg_ctl"), "-D", str(cluster().data), "-m", "fast", "-w", "stop"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise Fail(f"pg_ctl stop failed:\n{proc.stdout}{proc.stderr}")
