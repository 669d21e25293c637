"""The rules of document control over history (pure): findings and statuses, never output.

- :mod:`~doccontrol.rules.approval`: whether one change's approval counts.
- :mod:`~doccontrol.rules.control`: the replay of the release branch into revisions,
  dates, statuses and flags.
- :mod:`~doccontrol.rules.records`: filled records kept as evidence for their retention.
"""
