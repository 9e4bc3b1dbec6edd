"""hikitsugi: operating knowledge that survives staff rotation."""

__version__ = "0.1.0"
