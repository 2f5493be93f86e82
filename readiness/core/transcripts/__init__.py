"""Chat transcripts read locally and measured: what customers lived, in figures a plan can rest on.

``model`` holds what every reader yields (threads of messages, streamed); ``readers`` turn each export format
into threads; ``redact`` removes personal data before anything is kept; ``measures`` computes the figures
defined in docs/transcript-measures.md. Nothing here stores or sends a transcript: only aggregates and redacted
snippets leave this package.
"""
