"""The plan in print and on disk: PDF, HTML, CSV task list, ICS milestones and JSON, from one plan model.

``outputs.write_plan`` is the entry point. HTML comes from the Jinja templates in
report_templates/ (``html``); the PDF is laid out by WeasyPrint in a child
process (``worker`` → ``child`` → ``pdf``), whose URL fetcher serves bundled
assets only (``fetcher``). Only ``pdf`` and ``fetcher`` import WeasyPrint.
"""
