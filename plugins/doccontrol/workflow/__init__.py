"""The owners' and approvers' workflow (pure): what a new document, a branch or CODEOWNERS will be.

- :mod:`~doccontrol.workflow.new_document`: the next free id and the new file.
- :mod:`~doccontrol.workflow.branch_status`: what a branch does when merged, and who may approve it.
- :mod:`~doccontrol.workflow.codeowners`: CODEOWNERS from the approvers, and its staleness.
- :mod:`~doccontrol.workflow.organisation`: what ``init`` writes for a new organisation.

``templates/`` holds the new documents' templates.
"""
