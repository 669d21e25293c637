"""The ``doccontrol`` command line (shell).

:mod:`~doccontrol.cli.main` parses arguments; each module of
:mod:`~doccontrol.cli.commands` is one command, a function that returns an exit code.
"""

from doccontrol.cli.main import main

__all__ = ["main"]
