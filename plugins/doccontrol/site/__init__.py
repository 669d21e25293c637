"""The intranet site: the MkDocs plugin ``doc-control`` and the pages it adds.

:mod:`~doccontrol.site.plugin` is the shell: a thin adapter from MkDocs events
to the core. Every other module here is pure: it takes the loaded project and
returns Markdown, HTML or navigation (``build``, ``pages``, ``nav``, ``start``,
``redlines``, ``urls``, ``forge``, ``search_words``, ``html_stash``, ``search_view``). ``assets/`` holds the
site's CSS and scripts.
"""
