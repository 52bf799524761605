package dev.grove.loader.report;

/** The fit diagnosis in words: the verdict, the figures that led to it, and the course's remedies. */
final class DiagnosisSection {

    private DiagnosisSection() {
    }

    /** The section for {@code diagnosis}. */
    static Page.Section render(FitDiagnosis.Diagnosis diagnosis) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(badge(diagnosis.verdict())).append("</p>\n<ul class=\"evidence\">\n");
        for (String sentence : diagnosis.evidence()) {
            html.append("<li>").append(Html.escape(sentence)).append("</li>\n");
        }
        html.append("</ul>\n");
        if (!diagnosis.remedies().isEmpty()) {
            html.append("<h3>What the course suggests</h3>\n<ul class=\"remedies\">\n");
            for (String remedy : diagnosis.remedies()) {
                html.append("<li>").append(Html.escape(remedy)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append(Html.note("Following the course's bias/variance table: underfitting is a high training error close to the"
                + " held-out error; overfitting is a training error much lower than the held-out error; about right is a"
                + " low training error slightly below it. The thresholds are rules of thumb: a training error of "
                + Format.percent(FitDiagnosis.HIGH_ERROR) + " or more is high; a held-out error at least "
                + Format.percent(FitDiagnosis.GAP).replace("%", "") + " points higher and at least "
                + Format.number(FitDiagnosis.GAP_RATIO) + " times the training error is much higher."));
        return new Page.Section("diagnosis", "Fit diagnosis", html.toString());
    }

    /** The verdict as a coloured label. */
    static String badge(FitDiagnosis.Verdict verdict) {
        String css = verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return "<span class=\"verdict " + css + "\" data-verdict=\"" + css + "\">" + Html.escape(verdict.label()) + "</span>";
    }
}
