"""Sentences the plan builder writes itself, in every language.

Parameters are filled with plain values (ids, names, whole numbers); anything
that needs locale formatting stays out of these sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

from readiness.core.text import Lang, Wording, worded

_MESSAGES: dict[str, tuple[Wording, Wording]] = {
    # Labels of fixed vocabularies
    "frequency.rare": ("rare", "esporádica"),
    "frequency.monthly": ("monthly", "mensual"),
    "frequency.weekly": ("weekly", "semanal"),
    "frequency.daily": ("daily", "diaria"),
    "frequency.constant": ("constant", "constante"),
    "severity.low": ("low", "baja"),
    "severity.medium": ("medium", "media"),
    "severity.high": ("high", "alta"),
    "severity.critical": ("critical", "crítica"),
    "touchpoint.sales": ("sales", "ventas"),
    "touchpoint.support": ("support", "soporte"),
    "touchpoint.billing": ("billing", "facturación"),
    "touchpoint.delivery": ("delivery", "entrega"),
    "touchpoint.marketing": ("marketing", "marketing"),
    "audience.b2c": ("consumers (B2C)", "consumidores (B2C)"),
    "audience.b2b": ("businesses (B2B)", "empresas (B2B)"),
    "cadence.daily": ("daily", "diaria"),
    "cadence.weekly": ("weekly", "semanal"),
    "cadence.monthly": ("monthly", "mensual"),
    "cadence.quarterly": ("quarterly", "trimestral"),
    "day.mon": ("Mon", "lun"),
    "day.tue": ("Tue", "mar"),
    "day.wed": ("Wed", "mié"),
    "day.thu": ("Thu", "jue"),
    "day.fri": ("Fri", "vie"),
    "day.sat": ("Sat", "sáb"),
    "day.sun": ("Sun", "dom"),
    # Fit for messaging, read from the four reasons
    "fit.strong": ("Strong fit for messaging", "Muy adecuada para la mensajería"),
    "fit.good": ("Good fit for messaging", "Adecuada para la mensajería"),
    "fit.partial": ("Partial fit for messaging", "Parcialmente adecuada para la mensajería"),
    "fit.weak": ("Weak fit for messaging", "Poco adecuada para la mensajería por ahora"),
    "fit.unknown": ("Fit not yet known", "Adecuación aún desconocida"),
    "fit.summary": (
        "Strongest reason: {strongest} ({high}/100). Weakest: {weakest} ({low}/100).",
        "Razón más sólida: {strongest} ({high}/100). Más débil: {weakest} ({low}/100).",
    ),
    "fit.no_answers": (
        "Answer the questions tagged with the four reasons to see how well messaging fits.",
        "Responda las preguntas asociadas a las cuatro razones para ver cuánto encaja la mensajería.",
    ),
    "answer.yes": ("Yes", "Sí"),
    "answer.no": ("No", "No"),
    "band.none": ("Not scored yet", "Sin puntuación todavía"),
    # Gap priority
    "gap.base": (
        "Frequency '{frequency}' ({f}) × severity '{severity}' ({s}) = {base}.",
        "Frecuencia «{frequency}» ({f}) × gravedad «{severity}» ({s}) = {base}.",
    ),
    "gap.measured_poor": (
        "The measured figure ({measured}) is worse than the poor threshold ({poor}): priority × 1.5.",
        "La cifra medida ({measured}) es peor que el umbral deficiente ({poor}): prioridad × 1,5.",
    ),
    "gap.measured_good": (
        "The measured figure ({measured}) already meets the good benchmark ({good}): priority × 0.75.",
        "La cifra medida ({measured}) ya cumple la referencia buena ({good}): prioridad × 0,75.",
    ),
    "gap.measured_middle": (
        "The measured figure ({measured}) lies between good ({good}) and poor ({poor}): no adjustment.",
        "La cifra medida ({measured}) está entre lo bueno ({good}) y lo deficiente ({poor}): sin ajuste.",
    ),
    "gap.measured_no_threshold": (
        "The measured figure ({measured}) has no published threshold to be judged against, so it leaves the priority "
        "as it is; track it from this baseline.",
        "La cifra medida ({measured}) no tiene un umbral publicado con el que valorarla, así que no cambia la "
        "prioridad; conviene seguirla a partir de esta línea base.",
    ),
    "gap.not_measured": (
        "No measured figure yet: measure it to confirm the priority.",
        "Aún no hay una cifra medida: conviene medirla para confirmar la prioridad.",
    ),
    # Channel ranking
    "channel.region_strong": (
        ("Strong in your market ({countries}).", "Strong in {matched} of your {count} markets ({countries})."),
        (
            "Tiene fuerte implantación en su mercado ({countries}).",
            "Tiene fuerte implantación en {matched} de sus {count} mercados ({countries}).",
        ),
    ),
    "channel.region_strong_b2b": (
        (
            "Business buyers use it widely in your market ({countries}).",
            "Business buyers use it widely in {matched} of your {count} markets ({countries}).",
        ),
        (
            "Los compradores profesionales lo usan mucho en su mercado ({countries}).",
            "Los compradores profesionales lo usan mucho en {matched} de sus {count} mercados ({countries}).",
        ),
    ),
    "channel.region_strong_all": (
        "Strong in all {count} of your markets ({countries}).",
        "Tiene fuerte implantación en sus {count} mercados ({countries}).",
    ),
    "channel.region_strong_b2b_all": (
        "Business buyers use it widely in all {count} of your markets ({countries}).",
        "Los compradores profesionales lo usan mucho en sus {count} mercados ({countries}).",
    ),
    "channel.region_weak": (
        "Not a leading channel in your markets.",
        "No es un canal de referencia en sus mercados.",
    ),
    "channel.all": ("All channels", "Todos los canales"),
    "channel.global": ("Has global reach.", "Tiene alcance mundial."),
    "channel.not_suited": (
        "A poor fit in {countries}.",
        "Encaja mal en {countries}.",
    ),
    "channel.audience_ok": (
        "Serves your audience: {audience}.",
        "Atiende a su público: {audience}.",
    ),
    "channel.audience_no": (
        "Does not serve your audience: {audience}.",
        "No atiende a su público: {audience}.",
    ),
    "channel.closes_gaps": (
        ("Closes one of your gaps: {gaps}.", "Closes {count} of your gaps: {gaps}."),
        ("Cierra una de sus brechas: {gaps}.", "Cierra {count} de sus brechas: {gaps}."),
    ),
    "channel.in_use": (
        "Your team already uses it, so there is little to learn.",
        "Su equipo ya lo usa, así que la curva de aprendizaje es mínima.",
    ),
    "channel.lead_time_late": (
        "Needs about {lead} to set up, but launch is {days} away.",
        "Necesita unos {lead} de preparación, pero el lanzamiento es dentro de {days}.",
    ),
    "channel.not_top": (
        "Chosen as the primary channel although {top} ranks higher for this profile. The team's reason: {reason}",
        "Elegido como canal principal aunque {top} puntúa más alto para este perfil. Motivo del equipo: {reason}",
    ),
    "channel.not_top_no_reason": (
        "Chosen as the primary channel although {top} ranks higher for this profile; no reason was recorded.",
        "Elegido como canal principal aunque {top} puntúa más alto para este perfil; no se ha indicado el motivo.",
    ),
    "duration.days": (("{count} day", "{count} days"), ("{count} día", "{count} días")),
    "duration.working_days": (
        ("{count} working day", "{count} working days"),
        ("{count} día hábil", "{count} días hábiles"),
    ),
    "duration.minutes": (("{count} minute", "{count} minutes"), ("{count} minuto", "{count} minutos")),
    "duration.hours": (("{count} hour", "{count} hours"), ("{count} hora", "{count} horas")),
    "list.and": (" and ", " y "),
    "promise.not_set": ("[reply time not set yet]", "[plazo de respuesta aún sin definir]"),
    "promise.on": ("{promise} on {channel}", "{promise} en {channel}"),
    "hours.every_day": ("every day", "todos los días"),
    "hours.weekdays": ("{first} to {last}", "de {first} a {last}"),
    "weekday.mon": ("Monday", "lunes"),
    "weekday.tue": ("Tuesday", "martes"),
    "weekday.wed": ("Wednesday", "miércoles"),
    "weekday.thu": ("Thursday", "jueves"),
    "weekday.fri": ("Friday", "viernes"),
    "weekday.sat": ("Saturday", "sábado"),
    "weekday.sun": ("Sunday", "domingo"),
    "channel.live_agents": (
        "Requires live agents during business hours; a bot-only service is not allowed.",
        "Exige agentes en directo durante el horario comercial; no se admite un servicio solo con bot.",
    ),
    "channel.no_support_team": (
        "Your profile lists no support staff to answer it.",
        "Su perfil no indica personal de atención que pueda responder.",
    ),
    # Team and bot
    "team.coverage": (
        "{opens}–{closes} {zone} time, {days}",
        "de {opens} a {closes}, hora de {zone}, {days}",
    ),
    "bot.disclose": (
        "Tell people they are talking to a bot at the start of every conversation.",
        "Avisar al cliente de que habla con un bot al inicio de cada conversación.",
    ),
    "bot.handoff": (
        "Always offer the way to reach a person that you set up (a keyword or a button), and hand over the "
        "conversation history.",
        "Ofrecer siempre la vía para hablar con una persona que se haya configurado (una palabra clave o un botón) "
        "y traspasar el historial.",
    ),
    "bot.no_dead_end": (
        "At every transcript review, read the bot's conversations for loops and dead ends.",
        "En cada revisión de conversaciones, leer las del bot en busca de bucles y callejones sin salida.",
    ),
    "training.basics.title": (
        "Channel basics, tone and response-time promise for the whole team",
        "Fundamentos del canal, tono y compromiso de respuesta para todo el equipo",
    ),
    "training.bot.title": (
        "Bot hand-off drill: from bot to a person without losing context",
        "Simulacro de traspaso: del bot a una persona sin perder el contexto",
    ),
    "training.detail": (
        "Audience: {audience}.",
        "Participantes: {audience}.",
    ),
    # Compliance
    "compliance.notice": (
        "These checklists are guidance drawn from public sources, not legal advice. "
        "Confirm what applies to your business with counsel in each market before launch.",
        "Estas listas son una orientación basada en fuentes públicas, no asesoramiento jurídico. "
        "Confirme con un abogado de cada mercado qué se aplica a su empresa antes del lanzamiento.",
    ),
    # Milestones
    "milestone.start": ("Plan starts", "Arranque del plan"),
    "milestone.blockers": ("All launch blockers cleared", "Todos los bloqueos de lanzamiento resueltos"),
    "milestone.training": ("Team training complete", "Formación del equipo completada"),
    "milestone.launch": ("Launch", "Lanzamiento"),
    "milestone.promotion": ("Promotion checklist complete", "Lista de promoción completada"),
    "milestone.first_review": ("First transcript review", "Primera revisión de transcripciones"),
    "milestone.kpi_review": ("First KPI review", "Primera revisión de KPI"),
    "milestone.kpi_deadline": ("KPI targets due", "Vencimiento de los objetivos de KPI"),
    "milestone.reassessment": ("Re-assessment", "Nueva evaluación"),
    # Refine routine
    "refine.pull": (
        "Pull the transcripts of the period from every chosen channel.",
        "Extraer las transcripciones del periodo de cada canal elegido.",
    ),
    "refine.resolved": (
        "Check whether each question was resolved inside the channel, without sending the customer elsewhere.",
        "Comprobar si cada consulta se resolvió dentro del canal, sin derivar al cliente a otro sitio.",
    ),
    "refine.steps": (
        "Note every step the conversation added (forms, call-backs, 'email us') and remove it where possible.",
        "Anotar cada paso que añadió la conversación (formularios, devoluciones de llamada, «escríbanos un correo») "
        "y eliminarlo cuando sea posible.",
    ),
    "refine.kpis": (
        "Compare the KPIs with their targets and agree one change for the next period.",
        "Comparar los KPI con sus objetivos y acordar un cambio para el siguiente periodo.",
    ),
    "refine.restart": (
        "Listen for new customer pain points and restart the cycle with the next gap.",
        "Detectar nuevos puntos de fricción del cliente y reiniciar el ciclo con la siguiente brecha.",
    ),
}


def message(key: str, lang: Lang | str, **params: object) -> str:
    """One sentence in ``lang``; a sentence with plural forms takes the form its ``count`` asks for."""
    english, spanish = _MESSAGES[key]
    return worded(spanish if Lang(lang) is Lang.ES else english, lang, params)


def join_names(names: Iterable[str], lang: Lang | str) -> str:
    """ "A", "A and B", "A, B and C" (the Spanish "y" likewise)."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + message("list.and", lang) + items[-1]


def label(vocabulary: str, value: str, lang: Lang | str) -> str:
    """The display label of a fixed vocabulary value, e.g. label("severity", "high", "es")."""
    return message(f"{vocabulary}.{value}", lang)


def message_templates() -> dict[str, tuple[Wording, Wording]]:
    """Every sentence as (English, Spanish) templates, for checks."""
    return dict(_MESSAGES)
