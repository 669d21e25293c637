"""Signed, dated PDF editions (版次) of the documents current on a date (ARCHITECTURE.md §7).

The pure parts (``plan``, ``html``, ``sandbox``, ``manifest``, ``verify``, ``site``)
import none of WeasyPrint, pyHanko or MkDocs; ``pdf`` is the WeasyPrint adapter,
``sign`` the pyHanko adapter and ``gitio`` reads the objects an edition needs from
git. ``build`` and ``store`` are the shell that wires them for the commands.
"""
