"""Text the site, the edition and the terminal share (pure).

- :mod:`~doccontrol.rendering.page_text`: a document's Markdown with links resolved and
  the roles table filled in.
- :mod:`~doccontrol.rendering.control_block`: the control block and banners of a page.
- :mod:`~doccontrol.rendering.redline`: the one diff: redlines between two texts, by
  character for Chinese, for ``doccontrol diff`` and the site alike.
- :mod:`~doccontrol.rendering.display_text`: a document's Markdown as a reader sees it,
  line by line, for the site's redlines.
- :mod:`~doccontrol.rendering.escape`: front-matter values as HTML text.
- :mod:`~doccontrol.rendering.trust`: what each approval rests on (``check --explain-trust``).
"""
