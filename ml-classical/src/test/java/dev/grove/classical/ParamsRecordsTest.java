package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.linear.LogisticRegressionParams;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** The params records: documented, their {@code @Default} texts agree with {@code defaults()}, bad values named. */
class ParamsRecordsTest {

    @Test
    void everyParamIsDocumentedAndItsDefaultTextIsTheDefaultValue() throws ReflectiveOperationException {
        for (Component<?> component : ClassicalPluginTest.registered()) {
            Class<? extends Record> type = component.paramsType();
            Object defaults = type.getMethod("defaults").invoke(null);
            for (RecordComponent param : type.getRecordComponents()) {
                String where = component.name() + "." + Params.kebab(param.getName());
                assertThat(param.getAnnotation(Doc.class)).as(where + " @Doc").isNotNull();
                Default text = param.getAnnotation(Default.class);
                assertThat(text).as(where + " @Default").isNotNull();
                assertThat(param.getAccessor().invoke(defaults)).as(where + " default")
                        .isEqualTo(parse(text.value(), param.getType()));
            }
            assertThat(Params.validate((Record) defaults)).isSameAs(defaults);
        }
    }

    private static Object parse(String yaml, Class<?> type) {
        if (type == double.class) {
            return Double.parseDouble(yaml);
        }
        if (type == int.class) {
            return Integer.parseInt(yaml);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(yaml);
        }
        return yaml;
    }

    @Test
    void badLogisticRegressionParamsAreRejectedByName() {
        var d = LogisticRegressionParams.defaults();
        assertThatThrownBy(() -> d.withC(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("c must be > 0, got -1");
        assertThatThrownBy(() -> d.withC(0)).hasMessage("c must be > 0, got 0");
        assertThatThrownBy(() -> d.withC(Double.NaN)).hasMessageStartingWith("c must be > 0");
        assertThatThrownBy(() -> d.withMaxIter(0)).hasMessage("max-iter must be >= 1, got 0");
        assertThatThrownBy(() -> d.withTol(0)).hasMessage("tol must be > 0, got 0");
        assertThatThrownBy(() -> d.withPenalty("l3")).hasMessage("penalty must be one of l1, l2, elastic-net, none, got 'l3'");
        assertThatThrownBy(() -> d.withPenalty(null)).hasMessageStartingWith("penalty must be one of l1, l2, elastic-net, none");
    }

    @Test
    void badGaussianNaiveBayesParamsAreRejectedByName() {
        assertThatThrownBy(() -> new GaussianNaiveBayesParams(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("var-smoothing must be >= 0, got -1");
        assertThat(new GaussianNaiveBayesParams(0).varSmoothing()).isZero();
    }
}
