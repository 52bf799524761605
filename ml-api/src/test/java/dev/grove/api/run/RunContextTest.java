package dev.grove.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RunContextTest {

    @Test
    void randomStreamsDependOnSeedScopeAndPurposeOnly() {
        RunContext a = RunContext.withSeed(1);
        RunContext b = RunContext.withSeed(1);
        long first = a.scoped("fold-1").rng("init").nextLong();
        b.rng("something-else").nextLong();
        assertThat(b.scoped("fold-1").rng("init").nextLong()).isEqualTo(first);
        assertThat(a.scoped("fold-2").rng("init").nextLong()).isNotEqualTo(first);
        assertThat(RunContext.withSeed(2).scoped("fold-1").rng("init").nextLong()).isNotEqualTo(first);
    }

    @Test
    void historyRowsCarryTheScopeAndCancellationIsShared() {
        List<String> rows = new ArrayList<>();
        RunContext root = RunContext.builder(0).history((scope, step, values) -> rows.add(scope + "#" + step + values)).build();
        RunContext child = root.scoped("cv-fold-1").scoped("step-0");
        child.recordHistory(3, Map.of("loss", 0.5));
        assertThat(rows).containsExactly("cv-fold-1/step-0#3{loss=0.5}");
        root.cancel();
        assertThat(child.isCancelled()).isTrue();
        assertThatThrownBy(child::checkCancelled).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> RunContext.builder(0).threads(0)).hasMessageContaining("threads");
    }
}
