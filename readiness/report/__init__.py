"""Rendering the plan to PDF, HTML, CSV and ICS; built by the report issue."""
