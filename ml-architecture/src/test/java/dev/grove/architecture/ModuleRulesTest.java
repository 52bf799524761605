package dev.grove.architecture;

import static dev.grove.architecture.ModuleTable.API;
import static dev.grove.architecture.ModuleTable.CLASSICAL;
import static dev.grove.architecture.ModuleTable.GENERATIVE;
import static dev.grove.architecture.ModuleTable.GUICE;
import static dev.grove.architecture.ModuleTable.LOADER;
import static dev.grove.architecture.ModuleTable.NEURAL;
import static dev.grove.architecture.ModuleTable.NLP;
import static dev.grove.architecture.ModuleTable.PICOCLI;
import static dev.grove.architecture.ModuleTable.SNAKEYAML;
import static dev.grove.architecture.ModuleTable.TENSOR;
import static java.lang.module.ModuleDescriptor.Requires.Modifier.STATIC;
import static java.lang.module.ModuleDescriptor.Requires.Modifier.TRANSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ModuleRules} on hand-built descriptors: a set shaped like DESIGN §1, then that set
 * with one thing broken, which must be reported and be the only thing reported.
 */
class ModuleRulesTest {

    private static final String FAMILY_RULE =
            "; a family module must not depend on the runtime, Guice, SnakeYAML or picocli";

    @Test
    void theDesignItselfIsClean() {
        assertThat(checkDesignWith()).isEmpty();
    }

    @Test
    void packageOutsideTheRootPackage() {
        var classical = module(CLASSICAL).requires(API).packages(Set.of(CLASSICAL, "dev.grove.classic.kmeans"));

        assertThat(checkDesignWith(classical.build())).singleElement(STRING)
                .startsWith(CLASSICAL + ": ").contains("dev.grove.classic.kmeans", "outside the root package");
    }

    @Test
    void missingModule() {
        var modules = design();
        modules.remove(NLP);

        assertThat(ModuleRules.check(modules.values())).singleElement(STRING)
                .startsWith(NLP + ": ").contains("not found", "ml-nlp");
    }

    @Test
    void groveModuleOutsideTheTable() {
        var extras = module("dev.grove.extras").requires(API).build();

        assertThat(checkDesignWith(extras)).singleElement(STRING)
                .startsWith("dev.grove.extras: ").contains("not in the module table");
    }

    @Test
    void groveModuleFoundTwice() {
        var modules = new ArrayList<>(design().values());
        modules.add(module(API).requires(Set.of(TRANSITIVE), TENSOR).build());

        assertThat(ModuleRules.check(modules)).singleElement(STRING)
                .startsWith(API + ": ").contains("more than once");
    }

    @Test
    void packageSplitAcrossGroveModules() {
        var api = module(API).requires(Set.of(TRANSITIVE), TENSOR).exports(API + ".data");
        var neural = module(NEURAL).requires(Set.of(TRANSITIVE), API).packages(Set.of(API + ".data"));

        assertThat(checkDesignWith(api.build(), neural.build()))
                .filteredOn(violation -> violation.contains("split"))
                .singleElement(STRING)
                .contains(API + ".data", "[" + API + ", " + NEURAL + "]");
    }

    @Test
    void packageSplitWithALibrary() {
        var classical = module(CLASSICAL).requires(API).exports(CLASSICAL + ".svm");
        var extras = ModuleDescriptor.newAutomaticModule("acme.grove.extras")
                .packages(Set.of(CLASSICAL + ".svm"))
                .build();

        assertThat(checkDesignWith(classical.build(), extras)).singleElement(STRING)
                .startsWith(CLASSICAL + ": ").contains(CLASSICAL + ".svm", "split", "acme.grove.extras");
    }

    @Test
    void internalPackageExportedToEveryone() {
        var tensor = tensor().exports(TENSOR + ".internal.simd");

        assertThat(checkDesignWith(tensor.build())).singleElement(STRING)
                .startsWith(TENSOR + ": ").contains("exports internal package " + TENSOR + ".internal.simd");
    }

    @Test
    void internalPackageExportedToASiblingIsAllowed() {
        var tensor = tensor().exports(TENSOR + ".internal.simd", Set.of(API));

        assertThat(checkDesignWith(tensor.build())).isEmpty();
    }

    @Test
    void internalPackageOpenedToEveryone() {
        var loader = loader().opens(LOADER + ".internal.config");

        assertThat(checkDesignWith(loader.build())).singleElement(STRING)
                .startsWith(LOADER + ": ").contains("opens internal package " + LOADER + ".internal.config");
    }

    @Test
    void openModuleOpensItsInternalPackages() {
        var tensor = ModuleDescriptor.newOpenModule(TENSOR)
                .requires(Set.of(STATIC), "jdk.incubator.vector")
                .exports(TENSOR)
                .packages(Set.of(TENSOR + ".internal.simd"));

        assertThat(checkDesignWith(tensor.build())).singleElement(STRING)
                .startsWith(TENSOR + ": ").contains("open module", TENSOR + ".internal.simd");
    }

    @Test
    void familyRequiringGuiceDirectly() {
        var classical = module(CLASSICAL).requires(API).requires(GUICE);

        assertThat(checkDesignWith(classical.build())).singleElement(STRING)
                .startsWith(CLASSICAL + ": reads " + GUICE + " (" + CLASSICAL + " -> " + GUICE + ")");
    }

    @Test
    void familyReadingGuiceThroughRequiresTransitive() {
        var api = module(API).requires(Set.of(TRANSITIVE), TENSOR).requires(Set.of(TRANSITIVE), GUICE);

        assertThat(checkDesignWith(api.build())).contains(
                API + ": reads " + GUICE + " (" + API + " -> " + GUICE + ")" + FAMILY_RULE,
                CLASSICAL + ": reads " + GUICE + " (" + CLASSICAL + " -> " + API + " -> " + GUICE + ")" + FAMILY_RULE,
                NLP + ": reads " + GUICE + " (" + NLP + " -> " + NEURAL + " -> " + API + " -> " + GUICE + ")"
                        + FAMILY_RULE);
    }

    @Test
    void plainRequiresIsNotReadFurtherUp() {
        var api = module(API).requires(Set.of(TRANSITIVE), TENSOR).requires(GUICE);

        assertThat(checkDesignWith(api.build())).singleElement(STRING)
                .startsWith(API + ": reads " + GUICE + " (" + API + " -> " + GUICE + ")");
    }

    @Test
    void familyRequiringTheLoader() {
        var generative = module(GENERATIVE).requires(NEURAL).requires(LOADER);

        assertThat(checkDesignWith(generative.build())).singleElement(STRING)
                .startsWith(GENERATIVE + ": reads " + LOADER);
    }

    @Test
    void groveRequirementAgainstTheArrows() {
        var classical = module(CLASSICAL).requires(API).requires(NEURAL);

        assertThat(checkDesignWith(classical.build())).singleElement(STRING)
                .startsWith(CLASSICAL + ": requires " + NEURAL).contains("does not allow");
    }

    @Test
    void libraryTheTableDoesNotList() {
        var tensor = tensor().requires("org.ejml.simple");

        assertThat(checkDesignWith(tensor.build())).singleElement(STRING)
                .startsWith(TENSOR + ": requires org.ejml.simple").contains("does not list");
    }

    @Test
    void incubatorModuleRequiredWithoutStatic() {
        var tensor = module(TENSOR).requires("jdk.incubator.vector").exports(TENSOR);

        assertThat(checkDesignWith(tensor.build())).singleElement(STRING)
                .startsWith(TENSOR + ": requires incubator module jdk.incubator.vector").contains("static");
    }

    /** The design's descriptors with {@code replacements} put in place of (or next to) them. */
    private static List<String> checkDesignWith(ModuleDescriptor... replacements) {
        var modules = design();
        for (var replacement : replacements) {
            modules.put(replacement.name(), replacement);
        }
        return ModuleRules.check(modules.values());
    }

    /** Descriptors that follow DESIGN §1, with the loader's libraries as automatic modules. */
    private static Map<String, ModuleDescriptor> design() {
        var modules = new TreeMap<String, ModuleDescriptor>();
        for (var descriptor : List.of(
                tensor().build(),
                module(API).requires(Set.of(TRANSITIVE), TENSOR).exports(API).build(),
                module(CLASSICAL).requires(API).exports(CLASSICAL).build(),
                module(NEURAL).requires(Set.of(TRANSITIVE), API).exports(NEURAL).build(),
                // Naming tensor as well is allowed: nlp reads it through neural and api anyway.
                module(NLP).requires(NEURAL).requires(TENSOR).exports(NLP).build(),
                module(GENERATIVE).requires(NEURAL).exports(GENERATIVE).build(),
                loader().build(),
                library(GUICE, "com.google.inject"),
                library(SNAKEYAML, "org.yaml.snakeyaml"),
                library(PICOCLI, "picocli"))) {
            modules.put(descriptor.name(), descriptor);
        }
        return modules;
    }

    private static ModuleDescriptor.Builder module(String name) {
        return ModuleDescriptor.newModule(name);
    }

    private static ModuleDescriptor.Builder tensor() {
        return module(TENSOR)
                .requires(Set.of(STATIC), "jdk.incubator.vector")
                .exports(TENSOR)
                .packages(Set.of(TENSOR + ".internal.simd"));
    }

    private static ModuleDescriptor.Builder loader() {
        return module(LOADER)
                .requires(API)
                .requires(GUICE)
                .requires(SNAKEYAML)
                .requires(PICOCLI)
                .requires("jdk.unsupported")
                .packages(Set.of(LOADER))
                .opens(LOADER + ".internal.wiring", Set.of(GUICE));
    }

    private static ModuleDescriptor library(String name, String pkg) {
        return ModuleDescriptor.newAutomaticModule(name).packages(Set.of(pkg)).build();
    }
}
