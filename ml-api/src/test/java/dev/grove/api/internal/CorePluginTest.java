package dev.grove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.DataSource;
import dev.grove.api.metric.Metric;
import dev.grove.api.model.Estimator;
import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Params;
import dev.grove.api.source.CsvParams;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Plugin;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core plugin registers each shared component once, with documented, defaulted params. */
class CorePluginTest {

    private static final Map<Kind, Set<String>> EXPECTED = Map.of(
            Kind.DATA_SOURCE, Set.of("csv", "synthetic"),
            Kind.TRANSFORMER, Set.of("standard-scaler", "min-max-scaler", "one-hot-encoder", "simple-imputer"),
            Kind.METRIC, Set.of("accuracy", "precision-macro", "precision-weighted", "recall-macro", "recall-weighted",
                    "f1-macro", "f1-weighted", "confusion-matrix", "log-loss", "perplexity", "roc-auc", "mse", "rmse", "mae", "r2",
                    "silhouette", "inertia"));

    private static List<Component<?>> registered() {
        List<Component<?>> components = new ArrayList<>();
        new CorePlugin().register(components::add);
        return components;
    }

    @Test
    void identifiesItselfWithTheCurrentApiVersion() {
        Plugin plugin = new CorePlugin();
        assertThat(plugin.id()).isEqualTo("grove-core");
        assertThat(plugin.apiVersion()).isEqualTo(GroveApi.VERSION);
        assertThat(GroveApi.isCompatible(plugin.apiVersion())).isTrue();
    }

    @Test
    void registersEveryNameExactlyOnce() {
        List<Component<?>> components = registered();
        assertThat(components).hasSize(23);
        for (Kind kind : EXPECTED.keySet()) {
            List<String> names = components.stream().filter(c -> c.kind() == kind).map(Component::name).toList();
            assertThat(names).doesNotHaveDuplicates();
            assertThat(Set.copyOf(names)).isEqualTo(EXPECTED.get(kind));
        }
        assertThat(components.stream().map(Component::kind).collect(Collectors.toSet())).isEqualTo(EXPECTED.keySet());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void factoriesBuildTheRightKindOfObjectFromDefaults() throws ReflectiveOperationException {
        for (Component<?> c : registered()) {
            assertThat(c.doc()).as(c.name()).isNotBlank();
            Record params = c.paramsType() == CsvParams.class ? CsvParams.of("a.csv", "y") : defaults(c.paramsType());
            Object made = ((Component) c).create(params);
            switch (c.kind()) {
                case DATA_SOURCE -> assertThat(made).as(c.name()).isInstanceOf(DataSource.class);
                case TRANSFORMER -> {
                    assertThat(made).as(c.name()).isInstanceOf(Estimator.class);
                    assertThat(c.restorer()).as(c.name()).isNotNull();
                }
                case METRIC -> {
                    assertThat(made).as(c.name()).isInstanceOf(Metric.class);
                    assertThat(c.paramsType()).isEqualTo(NoParams.class);
                }
                default -> throw new AssertionError("unexpected kind " + c.kind() + " of " + c.name());
            }
        }
    }

    @Test
    void paramsRecordsDocumentEveryParamAndHaveValidDefaults() throws ReflectiveOperationException {
        for (Component<?> c : registered()) {
            if (c.paramsType() == NoParams.class) {
                continue;
            }
            for (RecordComponent rc : c.paramsType().getRecordComponents()) {
                String where = c.name() + "." + Params.kebab(rc.getName());
                assertThat(rc.getAnnotation(Doc.class)).as(where + " @Doc").isNotNull();
                assertThat(rc.getAnnotation(Default.class)).as(where + " @Default").isNotNull();
            }
            if (c.paramsType() != CsvParams.class) {
                Params.validate(defaults(c.paramsType()));
            }
        }
    }

    @Test
    void moduleProvidesThePluginAndKeepsInternalClosed() {
        ModuleDescriptor descriptor = CorePlugin.class.getModule().getDescriptor();
        // Null when the tests run on the class path; Surefire runs them on the module path.
        if (descriptor != null) {
            assertThat(descriptor.provides()).anySatisfy(p -> {
                assertThat(p.service()).isEqualTo(Plugin.class.getName());
                assertThat(p.providers()).contains(CorePlugin.class.getName());
            });
            assertThat(descriptor.exports()).map(ModuleDescriptor.Exports::source)
                    .contains("dev.grove.api.source", "dev.grove.api.preprocess")
                    .doesNotContain("dev.grove.api.internal");
        }
    }

    private static Record defaults(Class<? extends Record> type) throws ReflectiveOperationException {
        if (type == NoParams.class) {
            return new NoParams();
        }
        Method factory = type.getMethod("defaults");
        assertThat(Modifier.isStatic(factory.getModifiers())).isTrue();
        return (Record) factory.invoke(null);
    }
}
