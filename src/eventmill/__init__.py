"""eventmill: political event data from news text, every event traceable to its sentence."""

__version__ = "0.1.0"
