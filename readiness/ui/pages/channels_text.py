"""The channels panel's words, in English and Spanish."""

from __future__ import annotations

from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("Channels", "Canales"),
        "intro": (
            "Channels ranked for this profile: markets, audience, the gaps they close and what stands in the way. "
            "Pick one primary channel and any secondary ones.",
            "Canales ordenados para este perfil: mercados, público, brechas que cierran y lo que lo dificulta. "
            "Elegir un canal principal y, si se quiere, otros secundarios.",
        ),
        "table": ("&Recommended channels", "Canales &recomendados"),
        "table.name": ("Recommended channels", "Canales recomendados"),
        "col.rank": ("Rank", "Puesto"),
        "col.name": ("Channel", "Canal"),
        "col.score": ("Score", "Puntuación"),
        "col.choice": ("Choice", "Elección"),
        "tip.score": (
            "Out of 100: markets, audience, reach, gaps closed and current use, minus poor fit and late set-up",
            "Sobre 100: mercados, público, alcance, brechas cerradas y uso actual, "
            "menos mal encaje y preparación tardía",
        ),
        "role.primary": ("Primary", "Principal"),
        "role.secondary": ("Secondary", "Secundario"),
        "role.none": ("—", "—"),
        "has_constraints": ("Has constraints: see the details", "Tiene limitaciones: ver el detalle"),
        "make.primary": ("Make &primary", "Elegir como &principal"),
        "make.secondary": ("Make &secondary", "Elegir como sec&undario"),
        "make.none": ("Not &chosen", "&No elegido"),
        "tip.primary": (
            "The main channel of the launch; the current primary, if any, becomes secondary",
            "El canal principal del lanzamiento; el principal actual, si lo hay, pasa a secundario",
        ),
        "tip.secondary": ("Open it too, after or beside the primary", "Abrirlo también, junto al principal o después"),
        "tip.none": ("Leave it out of the plan", "Dejarlo fuera del plan"),
        "choice.group": ("Choice for the selected channel", "Elección para el canal seleccionado"),
        "reason": (
            "&Why this channel as the primary, although {top} ranks first? The plan prints your reason.",
            "¿&Por qué este canal como principal, si {top} queda en primer lugar? El plan recoge el motivo.",
        ),
        "reason.name": ("Why this primary channel", "Motivo del canal principal"),
        "promise": ("Reply-time pro&mise on this channel:", "Pla&zo de respuesta en este canal:"),
        "promise.team": ("the team's", "el del equipo"),
        "promise.suffix": (" min", " min"),
        "promise.tip": (
            "Leave it at the team's promise (Team tab), or set another for this channel, e.g. a slower one for a "
            "channel staffed by account managers. The plan prints each channel's own promise in its copy.",
            "Dejar el plazo del equipo (pestaña Equipo) o fijar otro para este canal, por ejemplo uno más largo "
            "para un canal que atienden los gestores de cuentas. El plan usa el plazo de cada canal en sus textos.",
        ),
        "reason.placeholder": (
            "For example: most customers already reach us here; the other channel needs a set-up we cannot finish "
            "before launch.",
            "Por ejemplo: la mayoría de los clientes ya nos escribe por aquí; el otro canal necesita una puesta en "
            "marcha que no llega a tiempo para el lanzamiento.",
        ),
        "summary": ("Rank {rank} · score {score} of 100", "Puesto {rank} · {score} puntos de 100"),
        "reasons": ("Why it ranks here", "Por qué ocupa este puesto"),
        "no_reasons": ("Nothing in its favour for this profile.", "Nada a su favor para este perfil."),
        "constraints": ("Constraints", "Limitaciones"),
        "cost_model": ("Cost model", "Modelo de costes"),
        "pricing": ("Pricing", "Precios"),
        "lead_time": ("Set-up lead time", "Plazo de puesta en marcha"),
        "lead_days": (("about 1 day", "about {count} days"), ("aproximadamente 1 día", "unos {count} días")),
        "service_window": ("Service window", "Ventana de servicio"),
        "opt_in": ("Opt-in", "Consentimiento (opt-in)"),
        "initiation": ("Who starts", "Quién inicia"),
        "cost.free": ("Free", "Gratuito"),
        "cost.per_message": ("Per message", "Por mensaje"),
        "cost.per_conversation": ("Per conversation", "Por conversación"),
        "cost.subscription": ("Subscription", "Suscripción"),
        "cost.per_seat": ("Per seat (user licence)", "Por puesto (licencia de usuario)"),
        "cost.mixed": ("Mixed", "Mixto"),
        "retired.heading": (
            "Still listed among the current channels, but discontinued:",
            "Figuran entre los canales actuales, pero se han retirado:",
        ),
        "retired.line": ("{name}: discontinued on {date}.", "{name}: retirado el {date}."),
        "empty": (
            "No channel can be recommended with the installed catalog.",
            "El catálogo instalado no recomienda ningún canal.",
        ),
    }
)
