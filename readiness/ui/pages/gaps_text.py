"""The gap register's words, in English and Spanish."""

from __future__ import annotations

from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("Gap register", "Registro de brechas"),
        "intro": (
            "List every place where customers struggle to reach the business or get an answer. "
            "Each gap is ranked by frequency × severity, adjusted by the measured figure against its benchmark.",
            "Anotar cada punto en el que a los clientes les cuesta contactar con la empresa u obtener respuesta. "
            "Cada brecha se ordena por frecuencia × gravedad, ajustada según la cifra medida frente a su referencia.",
        ),
        "table": ("&Gaps", "Bre&chas"),
        "table.name": ("Gap register", "Registro de brechas"),
        "add": ("&Add gap", "Aña&dir brecha"),
        "remove": ("&Remove gap", "&Quitar brecha"),
        "add.tip": ("Add a row to the register", "Añadir una fila al registro"),
        "remove.tip": ("Remove the selected gap", "Quitar la brecha seleccionada"),
        "col.rank": ("Rank", "Puesto"),
        "col.priority": ("Priority", "Prioridad"),
        "col.type": ("Type", "Tipo"),
        "col.touchpoint": ("Touchpoint", "Punto de contacto"),
        "col.channel": ("Current channel", "Canal actual"),
        "col.frequency": ("Frequency", "Frecuencia"),
        "col.severity": ("Severity", "Gravedad"),
        "col.measured": ("Measured value", "Valor medido"),
        "col.evidence": ("Evidence", "Evidencia"),
        "col.notes": ("Notes", "Notas"),
        "tip.rank": ("Position in the ranking (1 = fix first)", "Posición en la clasificación (1 = resolver primero)"),
        "tip.priority": (
            "Frequency points × severity points, × 1.5 when the measured figure is poor, × 0.75 when it is good",
            "Puntos de frecuencia × puntos de gravedad; × 1,5 si la cifra medida es deficiente y × 0,75 si es buena",
        ),
        "tip.type": ("The kind of gap, from the gap taxonomy", "El tipo de brecha, según la taxonomía"),
        "tip.touchpoint": (
            "Where in the customer journey it happens",
            "En qué momento del recorrido del cliente ocurre",
        ),
        "tip.channel": ("The channel where it happens today", "El canal en el que ocurre hoy"),
        "tip.frequency": ("How often customers run into it", "Con qué frecuencia la encuentran los clientes"),
        "tip.severity": ("How much it hurts when it happens", "Cuánto perjudica cuando ocurre"),
        "tip.measured": (
            "The figure measured today, in the unit of the type's benchmark; leave empty if not measured",
            "La cifra medida hoy, en la unidad de la referencia del tipo; dejar vacío si no se ha medido",
        ),
        "tip.evidence": ("Where the facts come from", "De dónde salen los datos"),
        "tip.notes": ("Anything else worth remembering", "Cualquier otra cosa que convenga recordar"),
        "cell.name": ("{column}, gap {row}", "{column}, brecha {row}"),
        "no_channel": ("— none —", "— ninguno —"),
        "not_measured": ("—", "—"),
        "no_unit": ("(no benchmark unit)", "(sin unidad de referencia)"),
    }
)
