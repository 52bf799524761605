package dev.grove.loader.report;

import java.util.List;

/**
 * The HTML around a report's sections: one self-contained file with its style sheet inline (screen
 * and print), a table of contents, and — for pages with sortable tables only — a few lines of
 * inline script. Nothing is loaded from anywhere at view time.
 */
final class Page {

    /** A part of the page: its anchor, its heading in the table of contents, and its HTML. */
    record Section(String id, String title, String html) {
    }

    private static final String STYLE = """
            :root { --ink: #1d2430; --muted: #5b6675; --rule: #d9dee5; --accent: #1f77b4; --soft: #f4f6f9; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: var(--ink); background: #fff; }
            header.page { padding: 18px 32px 12px; border-bottom: 1px solid var(--rule); background: var(--soft); }
            header.page h1 { margin: 0 0 4px; font-size: 24px; }
            header.page .where { color: var(--muted); font-size: 13px; word-break: break-all; }
            nav.toc { padding: 8px 32px; border-bottom: 1px solid var(--rule); font-size: 14px; }
            nav.toc a { margin-right: 16px; color: var(--accent); text-decoration: none; white-space: nowrap; }
            main { padding: 8px 32px 40px; max-width: 1400px; }
            section { margin-top: 24px; }
            h2 { font-size: 19px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 16px; margin: 16px 0 6px; }
            p.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
            .headline { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 10px; align-items: center; }
            .figure-box { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 4px 10px; font-size: 14px; }
            .figure-box b { font-size: 16px; }
            .verdict { display: inline-block; border-radius: 6px; padding: 4px 12px; font-weight: 600; font-size: 15px;
                       border: 1px solid transparent; }
            .verdict.underfitting { background: #fff4e0; border-color: #f0b45a; color: #7a4a00; }
            .verdict.overfitting { background: #fde8e8; border-color: #e08a8a; color: #8a1c1c; }
            .verdict.about-right, .verdict.not-overfitting { background: #e6f4ea; border-color: #8cc79b; color: #1e5e2f; }
            .verdict.none { background: var(--soft); border-color: var(--rule); color: var(--muted); }
            ul.evidence li, ul.remedies li { margin: 2px 0; }
            .problems { background: #fff8e1; border: 1px solid #f0d58a; border-radius: 6px; padding: 6px 14px; margin-top: 14px; }
            table { border-collapse: collapse; font-size: 14px; margin: 6px 0 12px; }
            th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.sortable th { cursor: pointer; user-select: none; }
            table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
            table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
            tr.best td { background: #e6f4ea; font-weight: 600; }
            .table-wrap { overflow-x: auto; }
            pre { background: var(--soft); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px;
                  font-size: 12.5px; line-height: 1.4; overflow-x: auto; max-height: 560px; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 16px; }
            figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 2px; }
            svg.chart { width: 100%; height: auto; max-width: 720px; display: block; font-family: inherit; }
            svg.chart .chart-title { font-size: 15px; font-weight: 600; fill: var(--ink); }
            svg.chart .tick { font-size: 11px; fill: var(--muted); }
            svg.chart .axis-label { font-size: 12px; fill: var(--ink); }
            svg.chart .legend-text { font-size: 11px; fill: var(--ink); }
            svg.chart line.grid { stroke: #eceff3; }
            svg.chart line.axis { stroke: #9aa4b1; }
            svg.chart line.marker { stroke: #d62728; stroke-dasharray: 4 3; }
            svg.chart .marker-text { font-size: 11px; fill: #d62728; }
            svg.chart line.reference { stroke: #9aa4b1; stroke-dasharray: 2 3; }
            svg.chart path.series { stroke-width: 2; }
            svg.chart .cell { stroke: #fff; stroke-width: 1; }
            svg.chart .cell-text { fill: var(--ink); }
            svg.chart .cell-text.on-dark { fill: #fff; }
            svg.chart .points circle { fill-opacity: 0.7; }
            svg.chart path.centre { stroke-width: 3; fill: none; }
            svg.chart path.centre-outline { stroke: #000; stroke-width: 6; fill: none; }
            svg.chart path.edge { stroke: #9aa4b1; stroke-width: 1.3; fill: none; }
            svg.chart line.stub { stroke: #9aa4b1; stroke-width: 1.3; stroke-dasharray: 3 3; }
            svg.chart .edge-label { font-size: 11px; fill: var(--muted); }
            svg.chart .node-text { font-size: 12px; font-weight: 600; fill: var(--ink); }
            svg.chart .node-samples { font-size: 11px; fill: var(--muted); }
            svg.chart .node.cut rect { stroke-dasharray: 4 3; }
            .small-multiples { display: flex; flex-wrap: wrap; gap: 8px; }
            .small-multiples figure { flex: 0 1 220px; }
            details > summary { cursor: pointer; color: var(--accent); font-size: 14px; margin: 6px 0; }
            img.artifact { width: 100%; max-width: 560px; height: auto; image-rendering: pixelated; border: 1px solid var(--rule); }
            @media (max-width: 700px) { main, header.page, nav.toc { padding-left: 12px; padding-right: 12px; }
                                        .charts { grid-template-columns: 1fr; } }
            @media print {
              body { font-size: 10pt; }
              nav.toc { display: none; }
              header.page { background: none; padding: 0 0 6px; }
              main { padding: 0; max-width: none; }
              section { break-inside: auto; }
              h2 { break-after: avoid; }
              .charts { grid-template-columns: 1fr 1fr; gap: 8px; }
              pre { max-height: none; white-space: pre-wrap; }
              a { color: inherit; text-decoration: none; }
              table.sortable th[aria-sort]::after { content: ""; }
            }
            """;

    /**
     * Sorts a table.sortable by the column whose header is clicked (again: the other way): numbers
     * by value (a cell's data-value when it has one), other text alphabetically.
     */
    private static final String SORT_SCRIPT = """
            (function () {
              function key(cell) {
                var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
                var number = parseFloat(raw);
                return { text: raw, number: (raw !== '' && isFinite(raw)) ? number : NaN };
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var headers = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(headers, function (th, column) {
                  th.tabIndex = 0;
                  function sort() {
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = key(a.cells[column]);
                      var y = key(b.cells[column]);
                      var order;
                      if (isNaN(x.number) || isNaN(y.number)) {
                        order = isNaN(x.number) === isNaN(y.number) ? x.text.localeCompare(y.text) : (isNaN(x.number) ? 1 : -1);
                      } else {
                        order = x.number - y.number;
                      }
                      return ascending ? order : -order;
                    });
                    rows.forEach(function (row) { body.appendChild(row); });
                  }
                  th.addEventListener('click', sort);
                  th.addEventListener('keydown', function (event) {
                    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); }
                  });
                });
              });
            })();
            """;

    private Page() {
    }

    /**
     * The whole document.
     *
     * @param title     the page title and main heading
     * @param subtitle  a line under the heading (where the run is)
     * @param headline  HTML shown in the header under the subtitle (verdict, key figures), may be empty
     * @param sections  the parts, in order
     * @param sortable  whether to include the script that sorts {@code table.sortable}
     */
    static String render(String title, String subtitle, String headline, List<Section> sections, boolean sortable) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"grove\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                // An empty inline icon keeps the browser from asking for favicon.ico (a failed request it would log).
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<header class=\"page\">\n<h1>").append(Html.escape(title)).append("</h1>\n<div class=\"where\">")
                .append(Html.escape(subtitle)).append("</div>\n").append(headline).append("</header>\n");
        sb.append("<nav class=\"toc\" aria-label=\"contents\">\n");
        for (Section s : sections) {
            sb.append("<a href=\"#").append(Html.escape(s.id())).append("\">").append(Html.escape(s.title())).append("</a>\n");
        }
        sb.append("</nav>\n<main>\n");
        for (Section s : sections) {
            sb.append(Html.section(s.id(), s.title(), s.html()));
        }
        sb.append("</main>\n");
        if (sortable) {
            sb.append("<script>\n").append(SORT_SCRIPT).append("</script>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }
}
