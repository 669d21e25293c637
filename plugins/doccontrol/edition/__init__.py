"""Signed, dated PDF editions (版次) of the documents current on a date (ARCHITECTURE.md §7).

The pure parts (``plan``, ``html``, ``markup``, ``preflight``, ``sandbox``,
``manifest``, ``verify``) import none of WeasyPrint, pyHanko or MkDocs. ``pdf``
is the WeasyPrint adapter, ``layout`` reads its boxes for overflow, ``fonts``
finds and pins the embedded fonts, ``sign`` is the pyHanko adapter;
``build``, ``store``, ``site`` and ``printcheck`` are the shell that wires them
for the commands. Git objects come through :mod:`doccontrol.history.trees`.
"""
