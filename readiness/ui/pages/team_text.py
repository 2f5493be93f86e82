"""The team panel's words, in English and Spanish."""

from __future__ import annotations

from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("Team", "Equipo"),
        "people": ("People and promise", "Personas y compromiso"),
        "sponsor": ("Executive &sponsor:", "&Patrocinador ejecutivo:"),
        "sponsor.tip": (
            "The executive who backs the channel as a company initiative",
            "El directivo que respalda el canal como iniciativa de empresa",
        ),
        "owner": ("Channel &owner:", "Responsable del &canal:"),
        "owner.tip": (
            "The person accountable for the channel day to day",
            "La persona que responde del canal en el día a día",
        ),
        "promise": ("Response-time pro&mise:", "Plazo de &respuesta prometido:"),
        "promise.tip": (
            "The first-reply time the business promises customers on messaging",
            "El tiempo de primera respuesta que la empresa promete a sus clientes por mensajería",
        ),
        "promise.none": ("No promise yet", "Sin compromiso aún"),
        "minutes": (" min", " min"),
        "roles": ("&Roles", "&Funciones"),
        "roles.name": ("Roles and responsibilities", "Funciones y responsabilidades"),
        "col.role": ("Role", "Función"),
        "col.person": ("Person", "Persona"),
        "col.responsibilities": ("Responsibilities", "Responsabilidades"),
        "cell.name": ("{column}, {row}", "{column}, {row}"),
        "coverage": ("Coverage", "Cobertura"),
        "coverage.own": ("Cover &different hours from the business hours", "Cubrir un &horario distinto del comercial"),
        "coverage.tip": (
            "When off, the channel is staffed during the business hours given in the profile",
            "Si no se marca, el canal se atiende en el horario comercial indicado en el perfil",
        ),
        "coverage.profile": ("Business hours: {hours}", "Horario comercial: {hours}"),
        "days": ("Days", "Días"),
        "day.name": ("Covered on {day}", "Se atiende el {day}"),
        "opens": ("Op&ens:", "Abr&e:"),
        "closes": ("&Closes:", "C&ierra:"),
        "timezone": ("&Time zone:", "&Zona horaria:"),
        "bot": ("Bot", "Bot"),
        "bot.enabled": ("A bot ans&wers customers", "Un bot a&tiende a los clientes"),
        "bot.scope": ("Bot sco&pe:", "A&lcance del bot:"),
        "bot.scope.tip": (
            "What the bot answers on its own, and what always goes to a person",
            "Qué responde el bot por sí solo y qué pasa siempre a una persona",
        ),
        "bot.handoff": ("Hand-off to a h&uman:", "Traspas&o a una persona:"),
        "bot.handoff.tip": (
            "When and how a conversation passes from the bot to a person",
            "Cuándo y cómo pasa una conversación del bot a una persona",
        ),
        "bot.rules": ("The plan adds these rules:", "El plan añade estas reglas:"),
    }
)
