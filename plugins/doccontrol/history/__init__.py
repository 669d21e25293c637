"""Everything that runs git (shell): the only package that does.

- :mod:`~doccontrol.history.reader`: one pass over the release branch's history, and a branch.
- :mod:`~doccontrol.history.trees`: trees, blobs and tags that editions read and write.
- :mod:`~doccontrol.history.repository`: what ``init`` and ``adopt`` ask of git.
- :mod:`~doccontrol.history.demo`: writes the demo's year of history.

Every call passes ``--no-replace-objects``: the recorded history is the one judged.
"""
