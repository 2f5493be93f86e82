"""The desktop app: a library of assessments and the wizard that fills one in (PySide6).

``app.run`` starts it. The UI thread never waits on the disk or on PDF layout:
library work runs on ``service.LibraryService``'s thread, rendering in the
report package's child process, driven from ``render.RenderJobRunner``.
"""
