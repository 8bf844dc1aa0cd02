"""``python -m diplograph``: the same command as ``diplograph``."""

from .cli import main

main(prog_name="diplograph")
