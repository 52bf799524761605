package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.report.FitDiagnosis.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The course's bias/variance table applied to figures chosen on either side of each threshold. */
class FitDiagnosisTest {

    private static FitDiagnosis.Diagnosis accuracy(double train, double val) {
        return FitDiagnosis.of(Map.of("train/accuracy", train, "val/accuracy", val), History.empty());
    }

    @Test
    void aPerfectTrainingScoreFarAboveValidationIsOverfitting() {
        FitDiagnosis.Diagnosis d = accuracy(1.0, 0.88);
        assertThat(d.verdict()).isEqualTo(Verdict.OVERFITTING);
        assertThat(d.evidence().get(0)).isEqualTo(
                "Training accuracy 100.0% (error 0.0%) against validation accuracy 88.0% (error 12.0%).");
        assertThat(d.remedies()).anyMatch(r -> r.startsWith("Regularize")).anyMatch(r -> r.startsWith("Stop early"));
    }

    @Test
    void aHighTrainingErrorCloseToValidationIsUnderfitting() {
        FitDiagnosis.Diagnosis d = accuracy(0.85, 0.84);
        assertThat(d.verdict()).isEqualTo(Verdict.UNDERFITTING);
        assertThat(String.join(" ", d.evidence())).contains("85.0%", "84.0%", "1.0 points apart");
        assertThat(d.remedies()).anyMatch(r -> r.startsWith("Complexify")).anyMatch(r -> r.startsWith("Train longer"));
    }

    @Test
    void aLowTrainingErrorSlightlyBelowValidationIsAboutRight() {
        assertThat(accuracy(0.97, 0.95).verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        assertThat(accuracy(0.97, 0.95).remedies()).isEmpty();
    }

    @Test
    void aGapMustBeBothFivePointsAndHalfAgainTheTrainingError() {
        // 4 points: not "much" lower.
        assertThat(accuracy(0.99, 0.95).verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        // 6 points and 10% against 4%: much lower.
        assertThat(accuracy(0.96, 0.90).verdict()).isEqualTo(Verdict.OVERFITTING);
        // 6 points but 36% against 30%: the training error itself is the problem.
        assertThat(accuracy(0.70, 0.64).verdict()).isEqualTo(Verdict.UNDERFITTING);
    }

    @Test
    void regressionUsesTheUnexplainedVariance() {
        FitDiagnosis.Diagnosis d = FitDiagnosis.of(Map.of("train/r2", 0.99, "test/r2", 0.70), History.empty());
        assertThat(d.verdict()).isEqualTo(Verdict.OVERFITTING);
        assertThat(d.evidence().get(0)).contains("Training R² 0.99", "test R² 0.7", "30.0% unexplained");
    }

    @Test
    void crossValidationStandsInForAValidationSplit() {
        FitDiagnosis.Diagnosis d = FitDiagnosis.of(Map.of("train/accuracy", 0.975, "cv/accuracy", 0.95), History.empty());
        assertThat(d.verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        assertThat(d.evidence().get(0)).contains("cross-validation accuracy 95.0%");
    }

    @Test
    void withoutHeldOutRowsThereIsNoDiagnosis() {
        FitDiagnosis.Diagnosis d = FitDiagnosis.of(Map.of("train/accuracy", 0.7), History.empty());
        assertThat(d.verdict()).isEqualTo(Verdict.NONE);
        assertThat(d.evidence().get(0)).contains("held out no rows");
        assertThat(FitDiagnosis.of(Map.of("train/silhouette", 0.6), History.empty()).verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void aNetworksReportNamesTheEpochOfLowestValidationLoss() {
        History history = History.parse(String.join("\n",
                "scope,step,train/loss,val/loss",
                "fit/step-0,1,1.0,0.90",
                "fit/step-0,2,0.6,0.70",
                "fit/step-0,3,0.3,0.65",
                "fit/step-0,4,0.1,0.80",
                ""));
        FitDiagnosis.Diagnosis d = FitDiagnosis.of(Map.of("train/accuracy", 0.97, "val/accuracy", 0.95), history);
        // 0.80 is 23% above the minimum 0.65: the curve turned up although accuracies look fine.
        assertThat(d.verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("Validation loss was lowest at epoch 3 (0.65); at the last epoch (4) it was"
                + " 0.8, 23.1% higher, while training loss went from 1 to 0.1."));
        assertThat(d.evidence()).anyMatch(e -> e.contains("starting to overfit"));
    }

    @Test
    void withLossesAloneARisingValidationLossIsOverfitting() {
        History rising = History.parse("scope,step,train/loss,val/loss\nfit,1,100,110\nfit,2,80,100\nfit,3,60,120\n");
        assertThat(FitDiagnosis.of(Map.of(), rising).verdict()).isEqualTo(Verdict.OVERFITTING);

        History falling = History.parse("scope,step,train/loss,val/loss\nfit,1,100,110\nfit,2,80,90\nfit,3,70,80\n");
        FitDiagnosis.Diagnosis d = FitDiagnosis.of(Map.of(), falling);
        assertThat(d.verdict()).isEqualTo(Verdict.NOT_OVERFITTING);
        assertThat(d.evidence()).anyMatch(e -> e.contains("lowest at epoch 3") && e.contains("still falling"));
    }
}
