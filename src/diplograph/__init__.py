"""diplograph: diplomatic press releases into a knowledge graph of bilateral diplomacy."""

__version__ = "0.1.0"
