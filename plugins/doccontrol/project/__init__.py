"""Loading a repository (shell): the wiring from files and git to the pure core.

- :mod:`~doccontrol.project.load`: :func:`~doccontrol.project.load.load_project`, the one
  place that reads the working tree and the history and evaluates them.
- :mod:`~doccontrol.project.worktree`: the controlled files of the working tree.
- :mod:`~doccontrol.project.mkdocs_yml`: mkdocs.yml from the disk.
- :mod:`~doccontrol.project.site_links`: ``check``'s link pass, with mkdocs.yml's toc slugify.
- :mod:`~doccontrol.project.gc_pause`: the garbage collector paused while a history loads.
"""
