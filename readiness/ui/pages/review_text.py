"""The review page's words, in English and Spanish, shared by the scores, the lists and the plan."""

from __future__ import annotations

from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("Review & generate", "Revisar y generar"),
        "scores": ("Readiness scores", "Puntuaciones de preparación"),
        "column.dimension": ("Dimension", "Dimensión"),
        "column.score": ("Score", "Puntuación"),
        "column.bar": ("", ""),
        "column.band": ("Band", "Nivel"),
        "overall": ("Overall", "Global"),
        "steps": ("Steps", "Pasos"),
        "reasons": ("Reasons", "Razones"),
        "score.of": ("{label}: {score} of 100, {band}", "{label}: {score} sobre 100, {band}"),
        "counts": (
            "{scored} scored, {na} N/A, {unanswered} unanswered, {skipped} skipped",
            "{scored} puntuadas, {na} N/A, {unanswered} sin responder, {skipped} omitidas",
        ),
        "how": (
            "How the scores are computed: each answered question scores 0–100 from the answer chosen (or the range "
            "a number falls in). A score is the weighted mean of the scored answers, Σ(weight × score) ÷ Σ weight; "
            "questions marked N/A or skipped by earlier answers leave the calculation, and unanswered questions are "
            "listed instead of counting as zero.",
            "Cómo se calculan las puntuaciones: cada pregunta respondida puntúa de 0 a 100 según la respuesta elegida "
            "(o el tramo en que cae una cifra). Una puntuación es la media ponderada de las respuestas puntuadas, "
            "Σ(peso × puntuación) ÷ Σ peso; las preguntas marcadas N/A u omitidas por respuestas anteriores quedan "
            "fuera del cálculo, y las que están sin responder se listan en lugar de contar como cero.",
        ),
        "how.mean_of_steps": (
            " The overall score is the plain mean of the step scores.",
            " La puntuación global es la media simple de las puntuaciones de los pasos.",
        ),
        "overall.weighted": (
            "Overall: {counts}; Σ(weight × score) ÷ Σ weight = {sum} ÷ {weight} = {score}.",
            "Global: {counts}; Σ(peso × puntuación) ÷ Σ peso = {sum} ÷ {weight} = {score}.",
        ),
        "overall.mean": (
            "Overall: {counts}; mean of the step scores = {sum} ÷ {steps} = {score}.",
            "Global: {counts}; media de las puntuaciones de los pasos = {sum} ÷ {steps} = {score}.",
        ),
        "overall.none": (
            "Overall: {counts}; no scored answers yet.",
            "Global: {counts}; aún no hay respuestas puntuadas.",
        ),
        "bands": ("Bands: {bands}.", "Niveles: {bands}."),
        "band.from": ("{label} from {min}", "{label} desde {min}"),
        "unanswered": ("&Unanswered ({count})", "&Sin responder ({count})"),
        "flagged": ("&Flagged ({count})", "&Marcadas ({count})"),
        "blockers": ("Launch &blockers ({count})", "&Bloqueos de lanzamiento ({count})"),
        "unanswered.none": ("Every visible question is answered.", "Todas las preguntas visibles están respondidas."),
        "flagged.none": ("No question is flagged for follow-up.", "Ninguna pregunta está marcada para revisar."),
        "blockers.none": (
            "No launch blockers for the chosen channels.",
            "No hay bloqueos de lanzamiento para los canales elegidos.",
        ),
        "blockers.no_channels": (
            "No channels chosen yet: choose channels to see what must be done before launch.",
            "Aún no se han elegido canales: elegirlos para ver qué hay que resolver antes del lanzamiento.",
        ),
        "question.activate": ("Double-click to go to the question.", "Doble clic para ir a la pregunta."),
        "status.todo": ("to do", "pendiente"),
        "status.doing": ("in progress", "en curso"),
        "status.done": ("done", "hecho"),
        "status.dropped": ("dropped", "descartado"),
        "late": ("starts late", "empieza con retraso"),
        "generate": ("&Generate plan", "&Generar plan"),
        "generate.help": (
            "Build the plan from the current answers and preview it here.",
            "Crear el plan con las respuestas actuales y previsualizarlo aquí.",
        ),
        "cancel": ("&Cancel", "&Cancelar"),
        "progress": ("Generation progress", "Progreso de la generación"),
        "placeholder": (
            "The plan appears here once it is generated.",
            "El plan aparecerá aquí una vez generado.",
        ),
        "preview": ("Plan preview", "Vista previa del plan"),
        "generating": ("Preparing the plan…", "Preparando el plan…"),
        "step.1": ("Reading the plan…", "Leyendo el plan…"),
        "step.2": ("Reading the styles…", "Leyendo los estilos…"),
        "step.3": ("Applying the styles…", "Aplicando los estilos…"),
        "step.4": ("Building the layout…", "Construyendo la maquetación…"),
        "step.5": ("Laying out page {page}…", "Maquetando la página {page}…"),
        "step.5.again": ("Laying out the pages again…", "Volviendo a maquetar las páginas…"),
        "step.6": ("Writing the PDF…", "Escribiendo el PDF…"),
        "step.7": ("Adding the document details…", "Añadiendo los datos del documento…"),
        "cancelling": ("Cancelling…", "Cancelando…"),
        "cancelled": ("Generation cancelled.", "Generación cancelada."),
        "busy_elsewhere": (
            "Another plan is being generated; try again in a moment.",
            "Ya se está generando otro plan; volver a intentarlo en un momento.",
        ),
        "ready": (
            ("Plan ready: 1 page in {seconds} s.", "Plan ready: {count} pages in {seconds} s."),
            ("Plan listo: 1 página en {seconds} s.", "Plan listo: {count} páginas en {seconds} s."),
        ),
        "stale": (
            "The answers changed after this plan was generated; generate it again to update it.",
            "Las respuestas cambiaron después de generar este plan; volver a generarlo para actualizarlo.",
        ),
        "failed": ("The plan could not be generated: {message}", "No se pudo generar el plan: {message}"),
        "preview_failed": ("The PDF could not be shown.", "No se pudo mostrar el PDF."),
        "error.title": ("Readiness", "Readiness"),
        "save.pdf": ("Save &PDF…", "Guardar &PDF…"),
        "save.csv": ("Save &task list (CSV)…", "Guardar lista de &tareas (CSV)…"),
        "save.ics": ("Save ca&lendar (ICS)…", "Guardar ca&lendario (ICS)…"),
        "save.exchange": ("Save &assessment file…", "Guardar archivo de &evaluación…"),
        "save.pdf.help": ("Save the generated plan.", "Guardar el plan generado."),
        "save.csv.help": (
            "Every task with owner and due date, for spreadsheets and task tools.",
            "Todas las tareas con responsable y fecha, para hojas de cálculo y gestores de tareas.",
        ),
        "save.ics.help": ("The plan's milestones, for any calendar.", "Los hitos del plan, para cualquier calendario."),
        "save.exchange.help": (
            "The whole assessment as one file, to share it or open it on another computer.",
            "Toda la evaluación en un archivo, para compartirla o abrirla en otro equipo.",
        ),
        "filter.pdf": ("PDF documents (*.pdf)", "Documentos PDF (*.pdf)"),
        "filter.csv": ("CSV files (*.csv)", "Archivos CSV (*.csv)"),
        "filter.ics": ("Calendar files (*.ics)", "Archivos de calendario (*.ics)"),
        "filter.exchange": ("Readiness assessments (*.yaml *.yml)", "Evaluaciones de Readiness (*.yaml *.yml)"),
        "name.pdf": ("{stem}-plan.pdf", "{stem}-plan.pdf"),
        "name.csv": ("{stem}-tasks.csv", "{stem}-tareas.csv"),
        "name.ics": ("{stem}-calendar.ics", "{stem}-calendario.ics"),
        "name.exchange": ("{stem}.readiness.yaml", "{stem}.readiness.yaml"),
        "saved": ("Saved {name}.", "Guardado: {name}."),
    }
)
