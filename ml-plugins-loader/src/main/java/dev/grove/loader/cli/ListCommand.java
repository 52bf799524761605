package dev.grove.loader.cli;

import dev.grove.loader.plugins.ComponentCatalog;
import dev.grove.loader.plugins.PluginDiscovery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code grove list}: the plugins found and their components, by kind. */
@Command(name = "list", description = "List plugins and their components.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Plugins:");
        for (PluginDiscovery.LoadedPlugin p : discovered.plugins()) {
            out.printf("  %-20s API %-5s module %s, %d components%n", p.id(), p.apiVersion(), p.module(), p.components());
        }
        String kind = null;
        for (ComponentCatalog.Entry e : discovered.catalog().all()) {
            String label = e.component().kind().label();
            if (!label.equals(kind)) {
                kind = label;
                out.println();
                out.println(label.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + label.substring(1) + "s:");
            }
            out.printf("  %-24s %s  [%s]%n", e.component().name(), e.component().doc(), e.pluginId());
        }
        out.flush();
        return 0;
    }
}
