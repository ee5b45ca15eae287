"""A real MySQL-protocol server for the tests: Debian's ``mariadb-server`` package, a data folder
made by ``mariadb-install-db`` in a temporary folder, a free port on 127.0.0.1 and a socket in
that folder, a user with a password, stopped and removed at the end."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

USER = "rfm"
PASSWORD = "rfm-test-pw"
DATABASE = "shop"


def binaries() -> tuple[str, str] | None:
    """The server and ``mariadb-install-db`` programs, or None when not installed."""
    server = shutil.which("mariadbd") or (
        "/usr/sbin/mariadbd" if Path("/usr/sbin/mariadbd").exists() else None
    )
    install = shutil.which("mariadb-install-db")
    return (server, install) if server and install else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def mysql_server() -> Iterator[str]:
    """Start a server; yield its URL (``mysql://rfm@127.0.0.1:PORT/shop``, the password in
    :data:`PASSWORD`, to be given through the environment)."""
    found = binaries()
    if found is None:
        raise RuntimeError("MariaDB is not installed (apt-get install mariadb-server)")
    server, install = found
    folder = Path(tempfile.mkdtemp(prefix="rfm-mysql-"))
    # The server refuses to run as root unless told to; as root it runs as the mysql user.
    user = ["--user=mysql"] if os.geteuid() == 0 else []
    process = None
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "mysql")
        data = folder / "data"
        subprocess.run(
            [
                install,
                "--no-defaults",
                f"--datadir={data}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                *user,
            ],
            check=True,
            capture_output=True,
        )
        init = folder / "init.sql"
        init.write_text(
            _utc_zone() + f"CREATE DATABASE IF NOT EXISTS {DATABASE};\n"
            f"CREATE USER IF NOT EXISTS '{USER}'@'127.0.0.1' IDENTIFIED BY '{PASSWORD}';\n"
            f"GRANT ALL ON *.* TO '{USER}'@'127.0.0.1';\n"
        )
        if os.geteuid() == 0:
            shutil.chown(init, "mysql")
        port = _free_port()
        process = subprocess.Popen(
            [
                server,
                "--no-defaults",
                *user,
                f"--datadir={data}",
                f"--socket={folder / 'sock'}",
                f"--pid-file={folder / 'pid'}",
                f"--port={port}",
                "--bind-address=127.0.0.1",
                # Debian's packaged defaults (its config file is skipped with --no-defaults).
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                f"--init-file={init}",
                "--skip-log-bin",
                "--innodb-flush-log-at-trx-commit=0",
                "--local-infile=1",
                f"--log-error={folder / 'log'}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_until_ready(port, process, folder / "log")
        yield f"mysql://{USER}@127.0.0.1:{port}/{DATABASE}"
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _utc_zone() -> str:
    """SQL that loads the time zone ``UTC`` (ibis sets it for each session; a fresh data folder
    has no time zones)."""
    tool = shutil.which("mariadb-tzinfo-to-sql") or shutil.which("mysql_tzinfo_to_sql")
    if tool is None or not Path("/usr/share/zoneinfo/UTC").exists():
        return ""
    made = subprocess.run(
        [tool, "/usr/share/zoneinfo/UTC", "UTC"], capture_output=True, text=True, check=False
    )
    return f"USE mysql;\n{made.stdout}\n" if made.returncode == 0 else ""


def _wait_until_ready(port: int, process: subprocess.Popen, log: Path) -> None:
    import MySQLdb

    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"MariaDB stopped: {log.read_text(errors='replace')[-500:]}")
        try:
            MySQLdb.connect(
                host="127.0.0.1", port=port, user=USER, password=PASSWORD, database=DATABASE
            ).close()
            return
        except MySQLdb.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
