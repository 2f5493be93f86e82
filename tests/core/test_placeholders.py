"""Filling the client's own facts into content sentences: punctuation and contractions read right."""

from __future__ import annotations

import pytest

from readiness.core.lang import Lang
from readiness.core.placeholders import Placeholder, fill


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lanhai Tools (Ningbo) Co., Ltd.", "el asistente de Lanhai Tools (Ningbo) Co., Ltd. Puede escribir."),
        ("Casa Jacaranda", "el asistente de Casa Jacaranda. Puede escribir."),
    ],
)
def test_a_name_ending_in_a_full_stop_does_not_double_the_sentences_own(name: str, expected: str) -> None:
    text = "el asistente de {organisation}. Puede escribir."
    assert fill(text, {Placeholder.ORGANISATION: name}, Lang.ES) == expected


def test_a_full_stop_inside_the_sentence_stays() -> None:
    text = "{organisation} answers."
    assert fill(text, {Placeholder.ORGANISATION: "Acme Inc."}, Lang.EN) == "Acme Inc. answers."


def test_spanish_and_portuguese_contract_after_a_filled_article() -> None:
    assert (
        fill("Escriba de {channels}", {Placeholder.CHANNELS: "el chat de la web"}, Lang.ES)
        == "Escriba del chat de la web"
    )
    assert fill("Fale em {channels}", {Placeholder.CHANNELS: "o chat do site"}, Lang.PT_BR) == "Fale no chat do site"
