"""The desktop app: a library of assessments and the wizard that fills one in (PySide6).

``app.run`` starts it. The UI thread never waits on the disk or on PDF layout:
library work runs on ``service.LibraryService``'s thread, rendering in the
report package's child process, driven from ``render.RenderJobRunner``.

What the first window needs is all start-up loads. PySide builds a Python type, with its enums, the first time
it is named, so a dialog's type is imported where the dialog is shown (messages.py), and the modules that build
the first window do not name the ``Qt`` namespace at import time: its ~90 enums cost 11 ms on Python 3.11, a
tenth of start-up. They import it inside the function that needs it, and avoid the calls whose overloads make
PySide build it (``QAction.setShortcut``, a QKeySequence copied from another: ``setShortcuts([QKeySequence(key)])``
with key a text or a standard key does not). tests/ui/test_start_up.py keeps it so.
"""
