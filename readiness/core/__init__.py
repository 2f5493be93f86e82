"""The pure core: content models, scoring, plan building and the exchange file.

Imports neither Qt, nor SQL, nor templates or PDF libraries (an import-linter
contract checks this), so it runs and is tested without a display.
"""
