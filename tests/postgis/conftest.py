"""A throw-away PostgreSQL + PostGIS server for the database tests (marker ``postgis``).

Nothing is mocked: the session fixture ``pg_server`` runs Debian's ``initdb`` into a new temp
directory, starts the server with ``pg_ctl`` on a free 127.0.0.1 port (unix socket in the same temp
directory, trust authentication, fsync off), creates the database ``sozialmonitor_test`` with
``CREATE EXTENSION postgis`` and yields the connection info. Afterwards the server is stopped and
the directory deleted, also when tests fail.

PostgreSQL refuses to run as root: as root, the server commands run as the OS user ``postgres``
(created by Debian's package) through ``runuser``; as any other user they run as that user.
Missing server binaries make the tests FAIL, not skip: ``make test`` installs them
(``scripts/bootstrap.sh``), so a missing server means the test run was not started that way.
"""
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

DBNAME = "sozialmonitor_test"
SUPERUSER = "postgres"
INSTALL_HINT = ("run `make test` (scripts/bootstrap.sh installs Debian's meta packages postgresql and "
                "postgresql-postgis, i.e. PostgreSQL 15 + PostGIS 3.3 on Debian 12, PostgreSQL 17 + PostGIS 3.5 "
                "on Debian 13) or install them yourself")


def _bindir():
    """The newest PostgreSQL server bin directory with initdb, pg_ctl and psql, or None.

    SOZIALMONITOR_PG_BINDIR overrides the search (e.g. another PostgreSQL installation)."""
    if os.environ.get("SOZIALMONITOR_PG_BINDIR"):
        path = os.environ["SOZIALMONITOR_PG_BINDIR"]
        return path if all(os.access(os.path.join(path, t), os.X_OK) for t in ("initdb", "pg_ctl", "psql")) else None
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                        key=lambda p: [int(x) for x in re.findall(r"\d+", p)] or [0], reverse=True)
    for found in (shutil.which("initdb"), shutil.which("pg_ctl")):
        if found:
            candidates.append(os.path.dirname(found))
    for path in candidates:
        if all(os.access(os.path.join(path, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "psql")):
            return path
    return None


def _as_server_user(cmd):
    """cmd run as the OS user owning the cluster: ``postgres`` when we are root, else ourselves."""
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", SUPERUSER, "--"] + cmd
    return ["su", SUPERUSER, "-s", "/bin/sh", "-c", " ".join("'{}'".format(c.replace("'", "'\\''")) for c in cmd)]


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(cmd, what, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kwargs)
    if proc.returncode != 0:
        raise RuntimeError("{} failed ({}):\n{}\n{}".format(what, " ".join(cmd), proc.stdout, proc.stderr))
    return proc


class PgServer:
    """Connection info of the running test server."""

    def __init__(self, bindir, root, port):
        self.bindir, self.root, self.port = bindir, root, port
        self.host, self.dbname, self.user = "127.0.0.1", DBNAME, SUPERUSER
        self.socket_dir = os.path.join(root, "socket")

    @property
    def uri(self):
        """libpq/QGIS connection string (TCP on loopback, trust authentication)."""
        return f"host={self.host} port={self.port} dbname={self.dbname} user={self.user} sslmode=disable"

    def psql(self, sql, dbname=None):
        """Run SQL through psql (as the test harness, not through the plugin); returns stdout (unaligned)."""
        cmd = [os.path.join(self.bindir, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
               "-h", self.host, "-p", str(self.port), "-U", self.user, "-d", dbname or self.dbname, "-c", sql]
        return _run(cmd, "psql", env=dict(os.environ, PGCONNECT_TIMEOUT="10")).stdout.strip()


def _start(bindir):
    root = tempfile.mkdtemp(prefix="sozialmonitor-pg-")
    os.chmod(root, 0o700)
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SUPERUSER)
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            pytest.fail(f"PostGIS tests: the OS user '{SUPERUSER}' does not exist; {INSTALL_HINT}.",
                        pytrace=False)
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data, sockdir, log = os.path.join(root, "data"), os.path.join(root, "socket"), os.path.join(root, "server.log")
    server = None
    try:
        _run(_as_server_user(["mkdir", "-m", "700", sockdir]), "mkdir")
        _run(_as_server_user([os.path.join(bindir, "initdb"), "-D", data, "-U", SUPERUSER, "--auth=trust",
                              "-E", "UTF8", "--no-locale", "--no-sync"]), "initdb", cwd=root)
        for _attempt in range(3):  # another process may grab the free port between probe and start
            port = _free_port()
            opts = (f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                    "-c full_page_writes=off")
            start = subprocess.run(_as_server_user([os.path.join(bindir, "pg_ctl"), "-D", data, "-l", log, "-w",
                                                    "-t", "60", "-o", opts, "start"]),
                                   capture_output=True, text=True, timeout=120, cwd=root)
            if start.returncode == 0:
                server = PgServer(bindir, root, port)
                break
            time.sleep(0.5)
        if server is None:
            with open(log, encoding="utf-8", errors="replace") as fh:
                raise RuntimeError("pg_ctl start failed:\n" + fh.read()[-3000:])
        server.psql(f"CREATE DATABASE {DBNAME}", dbname="postgres")
        try:
            server.psql("CREATE EXTENSION postgis")
        except RuntimeError as err:
            major = os.path.basename(os.path.dirname(bindir))
            major = major if major.isdigit() else "<major>"
            raise RuntimeError(f"CREATE EXTENSION postgis failed (is postgresql-{major}-postgis-3 installed for the "
                               f"server in {bindir}? {INSTALL_HINT}):\n{err}") from None
        return server
    except BaseException:
        _stop(bindir, root)
        raise


def _stop(bindir, root):
    data = os.path.join(root, "data")
    try:
        if os.path.isfile(os.path.join(data, "postmaster.pid")):
            subprocess.run(_as_server_user([os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "-w",
                                            "stop"]), capture_output=True, timeout=60, cwd=root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """A running PostgreSQL + PostGIS server on 127.0.0.1 for this test session (see the module docstring)."""
    bindir = _bindir()
    if bindir is None:
        pytest.fail("PostGIS tests need the PostgreSQL server binaries (initdb, pg_ctl, psql), which were not "
                    f"found in /usr/lib/postgresql/*/bin, on PATH or in $SOZIALMONITOR_PG_BINDIR: {INSTALL_HINT}.",
                    pytrace=False)
    try:
        server = _start(bindir)
    except RuntimeError as err:
        pytest.fail(f"Could not start the PostGIS test server: {err}", pytrace=False)
    try:
        yield server
    finally:
        _stop(bindir, server.root)
