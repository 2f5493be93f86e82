"""Helpdesk CSV exports: presets told from the header, tickets grouped and sorted, agents as the business."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from readiness.core.problems import ReadinessError
from readiness.core.transcripts import helpdesk
from readiness.core.transcripts.helpdesk import BUSINESS_SENDER, PRESETS, UNNAMED_CUSTOMER, ColumnMapping, read_helpdesk
from readiness.core.transcripts.model import Kind, Message, Platform

SPECIMENS = Path(__file__).parent / "specimens"
MEXICO_CITY = ZoneInfo("America/Mexico_City")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
SPANISH_MAPPING = ColumnMapping("Caso", "Fecha", "Quien", "Tipo", "Mensaje", frozenset({"Agente"}), "%d/%m/%Y %H:%M")
HEADER = "Ticket ID,Created at,Author,Author role,Body\n"


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 10, 1, hour, minute, second)


def read(path: Path, zone: ZoneInfo, mapping: ColumnMapping | None = None) -> list[tuple[str, list[Message]]]:
    return [(thread.key, list(thread.messages)) for thread in read_helpdesk(path, zone, mapping)]


def written(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def problem(path: Path, mapping: ColumnMapping | None = None) -> str:
    with pytest.raises(ReadinessError) as caught:
        read(path, MEXICO_CITY, mapping)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_zendesk_tickets_are_grouped_sorted_and_converted_to_the_zone() -> None:
    path = SPECIMENS / "zendesk.csv"  # a BOM, CRLF, a ticket's rows apart and out of order, offsets Z and -05:00
    threads = list(read_helpdesk(path, MEXICO_CITY))
    assert [(thread.platform, thread.source) for thread in threads] == [(Platform.HELPDESK, str(path))] * 2
    assert [(thread.key, list(thread.messages)) for thread in threads] == [
        (
            "1042",
            [
                Message(at(9, 15, 2), "María Fernández", "Hola, mi pedido #5531 no ha llegado."),
                Message(at(9, 20), "María Fernández", "", Kind.MEDIA),
                Message(at(9, 40), BUSINESS_SENDER, "Hola, María:\nya lo revisamos; llega mañana.\n\nSaludos 📦"),
            ],
        ),
        (
            "1043",
            [
                Message(at(10, 0), "Joaquín Ibáñez", "¿Puedo cambiar la talla de unas botas?"),
                Message(at(10, 5), BUSINESS_SENDER, "Claro, responda con la talla que necesita."),
            ],
        ),
    ]


def test_intercom_bots_and_admins_are_the_business_and_times_without_offset_are_local() -> None:
    assert read(SPECIMENS / "intercom.csv", MEXICO_CITY) == [
        (
            "215",
            [
                Message(at(9, 15, 2), "Thaís Araújo", "Oi! Meu boleto venceu. Posso pagar com Pix?"),
                Message(at(9, 15, 5), BUSINESS_SENDER, "Um atendente já vai falar com você."),
                Message(at(9, 31), BUSINESS_SENDER, "Pode sim, Thaís.\nVou gerar um novo código Pix."),
            ],
        ),
        ("216", [Message(at(10, 0), UNNAMED_CUSTOMER, "Vocês entregam em Florianópolis?")]),
    ]


def test_freshdesk_replies_not_incoming_are_the_business_and_its_time_format_is_read() -> None:
    assert read(SPECIMENS / "freshdesk.csv", SAO_PAULO) == [
        (
            "88",
            [
                Message(at(9, 15, 2), "Gonçalo Simões", "A minha encomenda chegou danificada."),
                Message(at(13, 5), BUSINESS_SENDER, "Lamentamos! Enviamos outra hoje."),
            ],
        )
    ]


def test_front_outbound_messages_are_the_business() -> None:
    assert read(SPECIMENS / "front.csv", SAO_PAULO) == [
        (
            "cnv_5x2",
            [
                Message(at(12, 15, 2), "Ana Beatriz", "Bom dia! Qual o prazo de entrega?"),
                Message(at(12, 40), BUSINESS_SENDER, "Até 3 dias úteis."),
            ],
        )
    ]


def test_a_generic_mapping_names_the_columns_and_the_time_format() -> None:
    assert read(SPECIMENS / "generic.csv", MEXICO_CITY, SPANISH_MAPPING) == [
        (
            "A-7",
            [
                Message(at(9, 15), "Sebastián Muñoz", "¿Hacen envíos a Valparaíso?"),
                Message(at(9, 40), BUSINESS_SENDER, "Sí, en 48 horas."),
            ],
        )
    ]


def test_each_preset_is_told_from_its_own_header() -> None:
    for name, preset in PRESETS.items():
        others = [other for other_name, other in PRESETS.items() if other_name != name]
        assert all(not set(preset.columns()) <= set(other.columns()) for other in others), name


def test_an_unknown_header_lists_its_columns() -> None:
    path = SPECIMENS / "generic.csv"
    assert problem(path) == (
        f'{path}:1: the header ("Caso", "Fecha", "Quien", "Tipo", "Mensaje") fits no preset '
        "(zendesk, intercom, freshdesk, front, front-extract): name its columns with a mapping"
    )


def test_a_mapping_whose_columns_are_missing_names_them(tmp_path: Path) -> None:
    path = SPECIMENS / "zendesk.csv"
    assert problem(path, SPANISH_MAPPING) == (
        f'{path}:1: the header has no column "Caso", "Fecha", "Quien", "Tipo", "Mensaje" '
        '(it has "Ticket ID", "Subject", "Created at", "Author", "Author role", "Public", "Body")'
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", ": file is empty"),
        (
            HEADER + '1,2026-10-01T09:00:00,Ana,end-user,"Hola\nsigo aquí"\n2,ayer,Ana,end-user,Hola\n',
            ":4: column \"Created at\": not a date and time: 'ayer'",
        ),
        (HEADER + " ,2026-10-01T09:00:00,Ana,end-user,Hola\n", ':2: no thread id in column "Ticket ID"'),
        (HEADER + "1,2026-10-01T09:00:00,Ana,end-user\n", ":2: 4 fields where the header has 5"),
        (HEADER + '1,2026-10-01T09:00:00,Ana,end-user,"Hola\n', ":2: not valid CSV: unexpected end of data"),
        (
            HEADER.encode() + b"1,2026-10-01T09:00:00,Ana,end-user,Hola\n2,2026-10-01T09:00:00,Ana,end-user,Ol\xe1\n",
            ":3: not UTF-8 text (invalid byte 0xe1)",
        ),
    ],
)
def test_a_broken_export_is_one_line_with_its_line(tmp_path: Path, content: str | bytes, expected: str) -> None:
    path = written(tmp_path, content)
    assert problem(path) == f"{path}{expected}"


def test_blank_rows_are_skipped(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + "\n,,,,\n1,2026-10-01T09:00:00,Ana,end-user,Hola\n")
    assert read(path, MEXICO_CITY) == [("1", [Message(at(9, 0), "Ana", "Hola")])]


def test_a_device_is_refused_unread() -> None:
    assert (
        problem(Path("/dev/null")) == "/dev/null: not a regular file (a device, a pipe or a folder): nothing was read"
    )


def test_an_export_over_the_cap_is_refused_where_it_passes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helpdesk, "MAX_BYTES", 1024**2)
    row = "1,2026-10-01T09:00:00,Ana,end-user," + "a" * 60 + "\n"  # 96 bytes
    path = written(tmp_path, HEADER + row * 11_000)
    assert problem(path) == f"{path}:10924: file is larger than 1 MB"


def test_intercom_bodies_are_read_as_text_and_its_own_parts_are_no_messages(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "Conversation ID,Part type,Created at,Author type,Author name,Body\n"
        '7,initial,2026-10-01T15:00:00Z,user,Ana Ruiz,"<p>Hola, &iquest;tienen envío?</p><p>Gracias</p>"\n'
        "7,assignment,2026-10-01T15:01:00Z,admin,Carla,\n"
        '7,note,2026-10-01T15:02:00Z,admin,Carla,"<p>cliente frecuente</p>"\n'
        '7,comment,2026-10-01T15:05:00Z,admin,Carla,"Sí,<br>mañana"\n'
        "7,close,2026-10-01T15:06:00Z,admin,Carla,\n",
    )
    ((_key, messages),) = read(path, MEXICO_CITY)
    assert [(m.sender, m.text, m.kind) for m in messages] == [
        ("Ana Ruiz", "Hola, ¿tienen envío?\nGracias", Kind.TEXT),
        ("", "", Kind.SYSTEM),
        ("", "cliente frecuente", Kind.SYSTEM),
        (BUSINESS_SENDER, "Sí,\nmañana", Kind.TEXT),
        ("", "", Kind.SYSTEM),
    ]


def test_fronts_message_export_with_its_extract_column_is_read(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "Conversation ID,Message date,Author,Direction,Extract\n"
        "c1,2026-10-01T09:00:00,Olivia Grant,inbound,Is Mochi due?\n"
        "c1,2026-10-01T09:10:00,Leah Kim,outbound,Yes: Tuesday\n",
    )
    ((_key, messages),) = read(path, MEXICO_CITY)
    assert [(m.sender, m.text) for m in messages] == [
        ("Olivia Grant", "Is Mochi due?"),
        (BUSINESS_SENDER, "Yes: Tuesday"),
    ]


def test_a_csv_saved_by_a_spreadsheet_with_semicolons_is_read(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "\ufeffTicket ID;Created at;Author;Author role;Body\n"
        '1;2026-10-01T09:00:00;Ana Souza;end-user;"Olá; preciso de ajuda, valor 1,5"\n'
        "1;2026-10-01T09:10:00;Carla;agent;Claro\n",
    )
    ((_key, messages),) = read(path, SAO_PAULO)
    assert [(m.sender, m.text) for m in messages] == [
        ("Ana Souza", "Olá; preciso de ajuda, valor 1,5"),
        (BUSINESS_SENDER, "Claro"),
    ]
