"""Personal data out of message texts: what is redacted, what is left, and the pseudonyms."""

from __future__ import annotations

import pytest

from readiness.core.transcripts.folding import folded
from readiness.core.transcripts.redact import Redactor


@pytest.mark.parametrize(
    ("text", "redacted", "kind"),
    [
        ("call +1 (555) 201-3344 today", "call [phone] today", "phone"),
        ("ligue (11) 98765-4321", "ligue [phone]", "phone"),
        ("al 55 1234 5678 por favor", "al [phone] por favor", "phone"),
        ("write to care@example.com.", "write to [email].", "email"),
        ("card 4539 1488 0343 6467 ok", "card [card] ok", "card"),
        ("cartão 4539-1488-0343-6467", "cartão [card]", "card"),
        ("CPF 529.982.247-25", "CPF [cpf]", "cpf"),
        ("meu cpf é 52998224725", "meu cpf é [cpf]", "cpf"),
        ("CURP GODE561231HDFRRN09", "CURP [curp]", "curp"),
    ],
)
def test_each_kind_is_replaced_and_counted(text: str, redacted: str, kind: str) -> None:
    redactor = Redactor()
    assert redactor.text(text) == redacted
    assert redactor.counts == {kind: 1}


@pytest.mark.parametrize(
    "text",
    [
        "order 12345 ships on 2026-10-01",  # short numbers and dates are not personal
        "4539 1488 0343 6468 is no card",  # fails the Luhn check: 16 digits, too long for a phone
        "10:30 a 18:00, $1,250.00",
    ],
)
def test_what_is_not_personal_is_left_as_written(text: str) -> None:
    redactor = Redactor()
    assert redactor.text(text) == text and not redactor.counts


def test_an_invalid_cpf_is_still_a_number_of_phone_length() -> None:
    redactor = Redactor()
    assert redactor.text("529.982.247-26") == "[phone]", "wrong check digits: not a CPF, but 11 digits stay hidden"


def test_customers_become_stable_pseudonyms_and_their_names_are_replaced() -> None:
    redactor = Redactor()
    customers = ("Lucía Pérez", "+52 55 1234 5678")
    assert [redactor.pseudonym(c) for c in (*customers, customers[0])] == ["Customer 1", "Customer 2", "Customer 1"]
    assert redactor.counts == {"phone": 1}, "a phone number as a sender counts once"
    said = redactor.text("Gracias Lucía; LUCÍA PÉREZ ya tiene su pedido, Lucíano no")
    assert said == "Gracias Customer 1; Customer 1 ya tiene su pedido, Lucíano no"
    assert redactor.counts["name"] == 2


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        ("Lucía Pérez", "Hola Lucia Perez, soy lucia"),
        ("Lucia Perez", "Hola Lucía Pérez, soy LUCÍA"),
        ("João Conceição", "Oi Joao Conceicao, aqui é JOÃO"),
        ("Lucía Pérez", "Hola Luci\u0301a Pe\u0301rez, soy Lucía"),
    ],
)
def test_a_name_is_found_whether_or_not_its_accents_are_written(sender: str, text: str) -> None:
    redactor = Redactor()
    redactor.pseudonym(sender)
    said = redactor.text(text)
    assert said.count("Customer 1") == 2 and redactor.counts["name"] == 2, said
    assert not any(part in folded(said) for part in folded(sender).split()), "no spelling of the name is left"


def test_japanese_numbers_and_names_are_found_with_no_space_around_them() -> None:
    redactor = Redactor()
    redactor.pseudonym("佐藤美咲")
    said = redactor.text("佐藤美咲様、携帯は090-4821-7736です。カード番号は3528 7104 9263 0158です")
    assert said == "Customer 1様、携帯は[phone]です。カード番号は[card]です"
    assert redactor.counts == {"name": 1, "phone": 1, "card": 1}


def test_a_name_is_redacted_whoever_wrote_first_and_in_any_thread() -> None:
    redactor = Redactor()
    for sender in ("Dana Whitfield", "Bob Stone"):
        redactor.pseudonym(sender)
    assert redactor.text("Hi Dana, the recall covers your order; Bob Stone asked too") == (
        "Hi Customer 1, the recall covers your order; Customer 2 asked too"
    )


def test_many_customers_are_looked_for_by_their_first_word() -> None:
    redactor = Redactor()
    letters = "abcdefghijklmnopqrstuvwxyz"
    senders = [
        f"Cli{letters[n // 26 // 26 % 26]}{letters[n // 26 % 26]}{letters[n % 26]} Apellido" for n in range(2000)
    ]
    for sender in senders:
        redactor.pseudonym(sender)
    said = f"hola {senders[1999].lower()}, y {senders[7].split()[0]}"
    assert redactor.text(said) == "hola Customer 2000, y Customer 8"
    assert redactor.text("nada que ver") == "nada que ver"
