package dev.grove.loader.cli;

import dev.grove.loader.config.ParamsDescriber;
import dev.grove.loader.plugins.ComponentCatalog;
import dev.grove.loader.plugins.PluginDiscovery;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grove describe NAME}: a component's params with type, default, constraint and doc, and a YAML snippet. */
@Command(name = "describe", description = "Show a component's params (type, default, constraint, doc) and a YAML example.")
final class DescribeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "A component name, e.g. logistic-regression.")
    String name;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        List<ComponentCatalog.Entry> entries = discovered.catalog().named(name);
        if (entries.isEmpty()) {
            List<String> all = discovered.catalog().all().stream().map(e -> e.component().name()).distinct().toList();
            String suggestion = dev.grove.loader.config.NearestNames.suggest(name, all);
            throw new UsageException("no component named '" + name + "'" + suggestion + "; 'grove list' shows them all");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ComponentCatalog.Entry entry : entries) {
            out.println(entry.component().name() + " (" + entry.component().kind().label() + ", plugin "
                    + entry.pluginId() + ")");
            out.println("  " + entry.component().doc());
            List<ParamsDescriber.ParamInfo> params = ParamsDescriber.describe(entry.component());
            out.println();
            if (params.isEmpty()) {
                out.println("  No params.");
            } else {
                List<String[]> rows = new java.util.ArrayList<>();
                rows.add(new String[] {"PARAM", "TYPE", "DEFAULT", "CONSTRAINT", "DESCRIPTION"});
                for (ParamsDescriber.ParamInfo p : params) {
                    rows.add(new String[] {p.key(), p.type(), p.defaultValue() == null ? "(required)" : p.defaultValue(),
                            p.constraint() == null || p.constraint().isEmpty() ? "-" : p.constraint(), p.doc()});
                }
                printTable(out, rows);
            }
            out.println();
            out.println("  Example:");
            ParamsDescriber.yamlSnippet(entry.component()).lines().forEach(l -> out.println("    " + l));
            out.println();
        }
        out.flush();
        return 0;
    }

    /** Columns as wide as their widest cell, separated by two spaces; the last column is not padded. */
    private static void printTable(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns - 1; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
            }
            out.println(line.append(row[columns - 1]));
        }
    }
}
