package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private static final String CSV = String.join("\n",
            "scope,step,train/loss,val/loss,inertia",
            "cv-fold-1/step-0,1,0.9,,",
            "fit/step-0,1,0.8,0.85,",
            "fit/step-0,2,0.5,,",
            "fit/step-0,3,0.3,0.6,",
            "");

    @Test
    void rowsAreGroupedByScopeWithGapsForMissingFigures() {
        History history = History.parse(CSV);

        assertThat(history.scopes()).extracting(History.Scope::name).containsExactly("cv-fold-1/step-0", "fit/step-0");
        History.Scope fit = history.fitScopes().get(0);
        assertThat(history.fitScopes()).hasSize(1);
        assertThat(fit.steps()).containsExactly(1, 2, 3);
        assertThat(fit.figure("val/loss")).containsExactly(0.85, Double.NaN, 0.6);
        assertThat(fit.figure("inertia")).as("never recorded in this scope").isNull();
        assertThat(history.fitFigures()).containsExactly("train/loss", "val/loss");
        assertThat(history.firstWith("val/loss")).contains(fit);
    }

    @Test
    void withoutAFitScopeEveryScopeIsTheFit() {
        History history = History.parse("scope,step,loss\n-,1,2.0\n");
        assertThat(history.fitScopes()).extracting(History.Scope::name).containsExactly("-");
    }

    @Test
    void aForeignFileIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> History.parse("a,b\n1,2\n")).hasMessageContaining("scope,step");
        assertThatThrownBy(() -> History.parse("scope,step,x\nfit,1,abc\n")).hasMessageContaining("line 2");
    }
}
