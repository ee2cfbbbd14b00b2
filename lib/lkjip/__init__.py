"""lkjip: the annual performance report (LKjIP) of every kecamatan, computed from one source of truth."""

__version__ = "0.1.0"
