"""Tests that need a Debian package skip without it, naming the package — or fail, in CI.

On a fresh machine with only Python, ``make test`` passes: the browser tests (Debian's
``chromium``) and the server tests (``virtuoso-opensource-7-bin``) skip with a one-line
reason. ``.ci/run`` installs the packages (``.ci/install-system``, from
``.ci/apt-packages.txt``) and sets ``DIPLOGRAPH_REQUIRE_SERVER=1``: there a missing package
is a failure, so CI never passes without those tests.

Availability is looked up on ``PATH`` (``shutil.which``), so hiding a program from ``PATH``
shows what a machine without the package does.
"""

from __future__ import annotations

import os
import shutil

import pytest

PACKAGES = {  # Debian package -> (programs it provides that the tests run, what it is for)
    "chromium": (("chromium",), "the browser tests"),
    "virtuoso-opensource-7-bin": (("virtuoso-t", "isql-vt"), "the SPARQL server tests"),
}


def required() -> bool:
    """True when a missing package must fail the tests (CI: .ci/run sets it)."""
    return os.environ.get("DIPLOGRAPH_REQUIRE_SERVER") == "1"


def available(package: str) -> bool:
    programs, _what = PACKAGES[package]
    return all(shutil.which(p) for p in programs)


def require(package: str) -> None:
    """Skip the calling test (fail it under DIPLOGRAPH_REQUIRE_SERVER=1) when ``package`` is missing."""
    if available(package):
        return
    programs, what = PACKAGES[package]
    message = (f"Debian package {package} is not installed ({', '.join(programs)} not on PATH; "
               f"needed for {what}): apt-get install {package}, or .ci/install-system")
    if required():
        pytest.fail(message + "; DIPLOGRAPH_REQUIRE_SERVER=1 requires it", pytrace=False)
    pytest.skip(message)
