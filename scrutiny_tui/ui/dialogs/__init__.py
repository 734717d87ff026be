"""Dialogs: modal screens pushed over a screen, each dismissed with a value (or ``None``).

They never import ``ui.screens`` or ``ui.app``; screens open them and take their answer."""
