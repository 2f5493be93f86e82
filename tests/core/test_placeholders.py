"""Filling the client's own facts into content sentences: punctuation and contractions read right."""

from __future__ import annotations

import pytest

from readiness.core.lang import LANGUAGES, Lang
from readiness.core.placeholders import ANY_ITEM, Placeholder, fill, for_bot, require_fillable
from readiness.core.text import LocalText


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


def test_a_bot_clause_is_printed_only_when_a_bot_answers_and_may_hold_placeholders() -> None:
    text = "Reply within {promise}{?bot:, and let the {organisation} bot take the rest}."
    assert for_bot(text, bot=False) == "Reply within {promise}."
    assert for_bot(text, bot=True) == "Reply within {promise}, and let the {organisation} bot take the rest."


@pytest.mark.parametrize(
    "broken", ["Reply{?bot:, and the bot.", "Reply{?robot:, and the bot}.", "Reply{?bot:, {?bot:x}}."]
)
def test_a_clause_that_is_not_a_whole_bot_clause_is_refused(broken: str) -> None:
    text = LocalText.model_validate({lang.value: broken for lang in LANGUAGES})
    with pytest.raises(ValueError, match="clause"):
        require_fillable([text], ANY_ITEM)
