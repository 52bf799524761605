package dev.grove.architecture;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module table of DESIGN §1 as data: which folder builds which module, which Grove modules
 * each one may require, and what the family modules must never read.
 */
final class ModuleTable {

    static final String GROVE_PREFIX = "dev.grove.";

    static final String TENSOR = "dev.grove.tensor";
    static final String API = "dev.grove.api";
    static final String CLASSICAL = "dev.grove.classical";
    static final String NEURAL = "dev.grove.neural";
    static final String NLP = "dev.grove.nlp";
    static final String GENERATIVE = "dev.grove.generative";
    static final String LOADER = "dev.grove.loader";

    static final String GUICE = "com.google.guice";
    static final String SNAKEYAML = "org.yaml.snakeyaml";
    static final String PICOCLI = "info.picocli";
    /** Guice 7's injection annotations (Guice itself is an automatic module that declares no requires). */
    static final String JAKARTA_INJECT = "jakarta.inject";

    /** Maven module folder (and artifactId) to JPMS module name. */
    static final Map<String, String> MODULE_BY_FOLDER = Map.of(
            "ml-tensor", TENSOR,
            "ml-api", API,
            "ml-classical", CLASSICAL,
            "ml-neural", NEURAL,
            "ml-nlp", NLP,
            "ml-generative", GENERATIVE,
            "ml-plugins-loader", LOADER);

    /** The arrows of DESIGN §1, one step each. */
    private static final Map<String, Set<String>> GROVE_ARROWS = Map.of(
            TENSOR, Set.of(),
            API, Set.of(TENSOR),
            CLASSICAL, Set.of(API),
            NEURAL, Set.of(API),
            NLP, Set.of(NEURAL),
            GENERATIVE, Set.of(NEURAL),
            LOADER, Set.of(API));

    /** Non-platform, non-Grove modules a Grove module may require; absent means none. */
    private static final Map<String, Set<String>> LIBRARIES = Map.of(
            LOADER, Set.of(GUICE, JAKARTA_INJECT, SNAKEYAML, PICOCLI));

    /** The modules an embedder takes without the runtime. */
    static final Set<String> FAMILIES = Set.of(TENSOR, API, CLASSICAL, NEURAL, NLP, GENERATIVE);

    /** What only the runtime may read: an embedder who takes a family gets no DI, YAML or CLI. */
    static final Set<String> RUNTIME_ONLY = Set.of(LOADER, GUICE, JAKARTA_INJECT, SNAKEYAML, PICOCLI);

    private ModuleTable() {}

    /**
     * The Grove modules {@code module} may require: everything downstream of it along the arrows.
     * Listing a module that is already reachable (nlp naming tensor) adds no new arrow to the graph,
     * so it is allowed.
     */
    static Set<String> groveModulesAllowedFor(String module) {
        var allowed = new TreeSet<String>();
        var pending = new ArrayDeque<>(GROVE_ARROWS.getOrDefault(module, Set.of()));
        while (!pending.isEmpty()) {
            var next = pending.pop();
            if (allowed.add(next)) {
                pending.addAll(GROVE_ARROWS.getOrDefault(next, Set.of()));
            }
        }
        return allowed;
    }

    /** Third-party modules {@code module} may require. */
    static Set<String> librariesAllowedFor(String module) {
        return new TreeSet<>(LIBRARIES.getOrDefault(module, Set.of()));
    }

    static boolean isGrove(String module) {
        return module.startsWith(GROVE_PREFIX);
    }

    /** Modules of the JDK itself ({@code java.*}, {@code jdk.*}), which any module may require. */
    static boolean isPlatform(String module) {
        return module.startsWith("java.") || module.startsWith("jdk.");
    }
}
