"""``python -m doccontrol``: the same as the ``doccontrol`` command."""

from .cli import main

main()
