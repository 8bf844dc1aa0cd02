"""A throwaway Virtuoso Open Source server for the tests: own ini, own data directory, loopback only.

Started once per test session (see the ``virtuoso`` fixture in conftest.py):
``virtuoso-t +foreground`` on free ports in a temporary directory, a fresh dba
password, ready when ``/sparql?query=ASK{}`` answers; stopped with SIGTERM at
the end. ``ResultSetMaxRows`` is small on purpose, so that result paging is
exercised by the ordinary tests.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

MAX_ROWS = 500

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 10
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
"""


def available() -> bool:
    import system_packages

    return system_packages.available("virtuoso-opensource-7-bin")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.user, self.password = "dba", "t-" + secrets.token_urlsafe(12)
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self, timeout: float = 90) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        ini = self.dir / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.dir, sql_port=self.sql_port, http_port=self.http_port, max_rows=MAX_ROWS))
        log = open(self.dir / "stdout.log", "wb")
        self.process = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=self.dir,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        url = self.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                time.sleep(0.3)
        else:
            self.stop()
            raise RuntimeError(f"Virtuoso did not answer within {timeout:.0f} s: {self.log_tail()}")
        self.isql(f'SET PASSWORD "dba" "{self.password}";', password="dba")

    def isql(self, sql: str, password: str | None = None) -> str:
        result = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", self.user, password or self.password,
                                 f"exec={sql}"], capture_output=True, text=True, timeout=60)
        out = result.stdout + result.stderr
        if "*** Error" in out or result.returncode != 0:  # isql-vt exits 0 on SQL errors
            raise RuntimeError(f"isql-vt failed: {out}")
        return out

    def log_tail(self) -> str:
        log = self.dir / "virtuoso.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
