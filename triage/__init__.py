"""triage: the first conversation at a Danish drug-treatment centre, as data and a small engine."""

__version__ = "0.1.0"
