"""``python -m doccontrol``: the same as the ``doccontrol`` command."""

from doccontrol.cli.main import main

main()
