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
                out.printf("  %-20s %-14s %-12s %-22s %s%n", "PARAM", "TYPE", "DEFAULT", "CONSTRAINT", "DESCRIPTION");
                for (ParamsDescriber.ParamInfo p : params) {
                    out.printf("  %-20s %-14s %-12s %-22s %s%n", p.key(), p.type(),
                            p.defaultValue() == null ? "(required)" : p.defaultValue(),
                            p.constraint() == null || p.constraint().isEmpty() ? "-" : p.constraint(), p.doc());
                }
            }
            out.println();
            out.println("  Example:");
            ParamsDescriber.yamlSnippet(entry.component()).lines().forEach(l -> out.println("    " + l));
            out.println();
        }
        out.flush();
        return 0;
    }
}
