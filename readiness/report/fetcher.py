"""The only way WeasyPrint may load anything: bundled assets by their app: URL, nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse

Asset = tuple[bytes, str]
"""An asset's body and media type."""


class BundledAssetFetcher(URLFetcher):  # type: ignore[misc]
    """Serves the assets it was given and refuses every other URL: file:, http(s):, data:, ftp: and the rest."""

    def __init__(self, assets: Mapping[str, Asset]) -> None:
        super().__init__(timeout=1, allowed_protocols=set(), allow_redirects=False, fail_on_errors=False)
        self._assets = dict(assets)
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        asset = self._assets.get(url)
        if asset is None:
            self.refused.append(url[:200])
            raise ValueError(f"refused to load {url[:80]!r}: a plan may use bundled assets only")
        body, media_type = asset
        self.served.append(url)
        return URLFetcherResponse(url, body, {"Content-Type": media_type})
