"""doccontrol: document control for quality documents kept as Markdown in git."""

__version__ = "0.1.0"
