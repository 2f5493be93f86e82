"""Branding for the printed plan: colours, consultancy name and logo, from a theme YAML file.

A theme names its logo relative to its own folder; the logo is read here, once,
and handed to the renderer as a bundled asset, so the renderer still fetches
nothing from the disk or the network.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from readiness.core.files import is_inside, read_bounded
from readiness.core.problems import ReadinessError
from readiness.core.safeyaml import load_yaml_file
from readiness.core.validation import validate_document
from readiness.resources import Folder, resource

MAX_LOGO_BYTES = 1_000_000
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
RASTER_TYPES = frozenset({"image/png", "image/jpeg"})
DEFAULT_THEME = "theme/default.yaml"

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Name = Annotated[str, StringConstraints(max_length=120, strip_whitespace=True)]


class Colours(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    primary: Colour
    """Headings, the cover band and chart bars."""
    accent: Colour
    """Highlights: the score, milestone markers, warnings."""
    ink: Colour
    muted: Colour
    surface: Colour
    """Tinted panels and table headers."""


class ThemeFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["theme"]
    name: Name
    consultancy: Name = ""
    tagline: Name = ""
    logo: str | None = None
    word_logo: str | None = None
    """A PNG or JPEG of the logo for the Word plan, which cannot show an SVG; a raster logo serves both."""
    colours: Colours


@dataclass(frozen=True)
class Logo:
    url: str
    body: bytes
    media_type: str


@dataclass(frozen=True)
class Theme:
    name: str
    consultancy: str
    tagline: str
    colours: Colours
    logo: Logo | None
    word_logo: Logo | None
    """The logo as Word shows it: the logo itself when it is a PNG or JPEG, else the theme's ``word_logo``."""


def load_theme(path: Path | None = None) -> Theme:
    """The theme in PATH, or the default theme shipped in assets."""
    path = path or resource(Folder.ASSETS, DEFAULT_THEME)
    theme = validate_document(ThemeFile, load_yaml_file(path), str(path))
    logo = _read_logo(path, theme.logo, "logo") if theme.logo else None
    word_logo = logo if logo is not None and logo.media_type in RASTER_TYPES else None
    if word_logo is None and theme.word_logo:
        word_logo = _read_logo(path, theme.word_logo, "word_logo", raster=True)
    return Theme(theme.name, theme.consultancy, theme.tagline, theme.colours, logo, word_logo)


def _read_logo(theme_path: Path, relative: str, field: str, *, raster: bool = False) -> Logo:
    def refuse(message: str) -> ReadinessError:
        return ReadinessError.single(theme_path, message, field=(field,))

    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts:
        raise refuse("the logo must be a file in the theme's folder (no absolute path, no '..')")
    media_type = LOGO_TYPES.get(parts.suffix.lower())
    allowed = {suffix for suffix, kind in LOGO_TYPES.items() if kind in RASTER_TYPES} if raster else set(LOGO_TYPES)
    if media_type is None or parts.suffix.lower() not in allowed:
        raise refuse(f"the {field} must be one of {', '.join(sorted(allowed))}")
    logo_path = theme_path.parent.joinpath(*parts.parts)
    if logo_path.exists() and not is_inside(logo_path, theme_path.parent):
        raise refuse(f"the logo {relative} is a link to a file outside the theme's folder")
    try:
        body = read_bounded(logo_path, MAX_LOGO_BYTES)
    except ReadinessError as error:
        raise refuse(f"the logo {relative}: {error.problems[0].message}") from None
    digest = hashlib.sha256(body).hexdigest()[:16]
    # The URL names the content: a warm renderer caches images by URL.
    return Logo(f"app:theme/logo-{digest}{parts.suffix.lower()}", body, media_type)
