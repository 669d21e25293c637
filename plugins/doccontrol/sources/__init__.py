"""From text to the typed model (pure): every file doccontrol reads, parsed with positions.

YAML with line numbers, front matter, a document's fields, roles.yml, the
clause list, the external documents, the plugin options, ``[[ID]]`` links,
and the :class:`~doccontrol.sources.catalog.Catalog` that gathers them with
its cross-document checks (:mod:`~doccontrol.sources.consistency`); Chinese
typography in the text (:mod:`~doccontrol.sources.typography`). These
modules take text, never paths: the shell reads the files.
"""
