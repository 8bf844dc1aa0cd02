"""The performance benchmark: ``python -m diplograph.bench`` (``make bench``).

See :mod:`diplograph.bench.run` for what is measured and :mod:`diplograph.bench.synth` for
the synthetic corpus it measures on.
"""
