"""``python -m diplograph.bench``: see :mod:`diplograph.bench.run`."""

from .run import main

raise SystemExit(main())
