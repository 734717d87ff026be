"""scrutiny-tui: council scrutiny minutes, resolutions and actions in the terminal."""

__version__ = "0.1.0"
