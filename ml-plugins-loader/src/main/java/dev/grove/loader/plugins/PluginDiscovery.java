package dev.grove.loader.plugins;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.LayerInstantiationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: those on the module path, plus those in the jars of
 * {@code --plugins} folders, which are loaded into a child module layer so a third-party family runs
 * without rebuilding Grove. A plugin that cannot be instantiated, reports an incompatible API
 * version, or throws while registering is skipped with a warning; the others still load.
 */
public final class PluginDiscovery {

    /** A plugin that loaded, and where it came from. */
    public record LoadedPlugin(String id, String apiVersion, String module, int components) {
    }

    /**
     * What discovery found.
     *
     * @param catalog  every component registered
     * @param plugins  the plugins that loaded, by id
     * @param warnings plugins skipped, and why
     */
    public record Result(ComponentCatalog catalog, List<LoadedPlugin> plugins, List<String> warnings) {
    }

    private PluginDiscovery() {
    }

    /**
     * Discovers plugins on the module path and in {@code pluginDirs}.
     *
     * @throws PluginException if a plugin folder cannot be read or its jars do not form valid modules,
     *                         or two plugins register the same component name
     */
    public static Result discover(List<Path> pluginDirs) {
        ModuleLayer layer = pluginDirs.isEmpty() ? ModuleLayer.boot() : childLayer(pluginDirs);
        ServiceLoader<Plugin> loader = layer == ModuleLayer.boot()
                ? ServiceLoader.load(Plugin.class, PluginDiscovery.class.getClassLoader())
                : ServiceLoader.load(layer, Plugin.class);
        ComponentCatalog catalog = new ComponentCatalog();
        List<LoadedPlugin> plugins = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ServiceLoader.Provider<Plugin>> providers = loader.stream()
                .sorted(Comparator.comparing(p -> p.type().getName()))
                .toList();
        for (ServiceLoader.Provider<Plugin> provider : providers) {
            String where = provider.type().getName() + " (module " + provider.type().getModule().getName() + ")";
            Plugin plugin;
            try {
                plugin = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warnings.add("plugin " + where + " could not be created and was skipped: " + describe(e));
                continue;
            }
            String id = safeId(plugin, where);
            String version = plugin.apiVersion();
            if (!GroveApi.isCompatible(version)) {
                warnings.add("plugin '" + id + "' from " + where + " targets API version " + version
                        + " but this Grove provides " + GroveApi.VERSION + "; it was skipped");
                continue;
            }
            List<Component<?>> registered = new ArrayList<>();
            try {
                plugin.register(registered::add);
            } catch (RuntimeException | LinkageError e) {
                warnings.add("plugin '" + id + "' from " + where + " failed while registering and was skipped: " + describe(e));
                continue;
            }
            registered.forEach(c -> catalog.registryFor(id).register(c));
            plugins.add(new LoadedPlugin(id, version, provider.type().getModule().getName(), registered.size()));
        }
        if (!catalog.conflicts().isEmpty()) {
            throw new PluginException("conflicting plugins: " + String.join("; ", catalog.conflicts()));
        }
        return new Result(catalog, List.copyOf(plugins), List.copyOf(warnings));
    }

    private static String safeId(Plugin plugin, String where) {
        try {
            String id = plugin.id();
            return id == null || id.isBlank() ? where : id;
        } catch (RuntimeException e) {
            return where;
        }
    }

    private static ModuleLayer childLayer(List<Path> pluginDirs) {
        List<Path> jars = new ArrayList<>();
        for (Path dir : pluginDirs) {
            if (!Files.isDirectory(dir)) {
                throw new PluginException("plugin folder " + dir + " does not exist or is not a folder");
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new PluginException("cannot read plugin folder " + dir + ": " + e.getMessage());
            }
        }
        ModuleLayer boot = ModuleLayer.boot();
        try {
            ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
            Set<String> roots = finder.findAll().stream()
                    .map(ModuleReference::descriptor)
                    .map(d -> d.name())
                    .filter(name -> boot.findModule(name).isEmpty())
                    .collect(Collectors.toSet());
            Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            return boot.defineModulesWithOneLoader(configuration, PluginDiscovery.class.getClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new PluginException("cannot load the plugin jars in " + pluginDirs + ": " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
