"""Everything that runs git (shell): the only package that does.

- :mod:`~doccontrol.history.reader`: one pass over the release branch's history, and a branch.
- :mod:`~doccontrol.history.trees`: trees, blobs and tags that editions read and write.
- :mod:`~doccontrol.history.demo`: writes the demo's year of history.
"""
