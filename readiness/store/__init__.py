"""Storage of the assessment library (SQLite through SQLModel); built by the storage issue."""
