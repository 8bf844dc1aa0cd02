"""``python -m diplograph``: the same as the ``diplograph`` command."""

from .cli import main

main()
