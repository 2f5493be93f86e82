"""Fontconfig configurations the tests own, so no result depends on the fonts of the machine.

Every test process renders under ``FONTCONFIG_FILE`` pointing at a configuration written here:
by default its only system font is the bundled Inter (so Qt has a font to draw with and WeasyPrint
finds nothing to fall back to). ``desktop_fonts`` adds what a stock Debian or Ubuntu desktop has
that once broke the plan: an emoji font that covers digits, a CJK font, and the standard rules of
fontconfig's own 45-generic.conf and 60-generic.conf that make "Noto Color Emoji" an emoji family.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from readiness.resources import Folder, resource

FIXTURE_FONTS = Path(__file__).parent / "fixtures" / "fonts"
EMOJI_FONT = FIXTURE_FONTS / "NotoColorEmoji-subset.ttf"
CJK_FONT = FIXTURE_FONTS / "NotoSansCJKjp-subset.otf"

_DESKTOP_RULES = """
  <alias binding="same"><family>Noto Color Emoji</family><default><family>emoji</family></default></alias>
  <match>
    <test name="family"><string>emoji</string></test>
    <edit name="lang" mode="prepend"><string>und-zsye</string></edit>
  </match>
  <match>
    <test name="lang"><string>und-zsye</string></test>
    <test qual="all" name="color" compare="not_eq"><bool>true</bool></test>
    <test qual="all" name="color" compare="not_eq"><bool>false</bool></test>
    <edit name="color" mode="append"><bool>true</bool></edit>
  </match>
  <alias binding="same"><family>emoji</family><prefer><family>Noto Color Emoji</family></prefer></alias>
"""


def write_config(folder: Path, fonts: Iterable[Path], *, desktop_rules: bool = False) -> Path:
    """A fonts.conf in ``folder`` whose only fonts are copies of ``fonts``; returns its path."""
    font_dir = folder / "fonts"
    font_dir.mkdir(parents=True, exist_ok=True)
    for font in fonts:
        shutil.copyfile(font, font_dir / font.name)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{font_dir}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        f"{_DESKTOP_RULES if desktop_rules else ''}</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def bundled_font() -> Path:
    return resource(Folder.ASSETS, "fonts/Inter-Regular.otf")


def desktop_fonts(folder: Path) -> Path:
    """A configuration like a stock Linux desktop's: an emoji font and a CJK font besides Inter."""
    return write_config(folder, (bundled_font(), EMOJI_FONT, CJK_FONT), desktop_rules=True)
