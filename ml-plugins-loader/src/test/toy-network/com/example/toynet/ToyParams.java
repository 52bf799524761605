package com.example.toynet;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.spi.Kind;
import java.util.List;

/** The params records of the toy components. */
public final class ToyParams {

    private ToyParams() {
    }

    /** dense. */
    public record Dense(@Doc("output size") @Min(1) int units) {
    }

    /** sequential. */
    public record Sequential(@Doc("the layers") @OfKind(Kind.LAYER) List<ToyLayer> layers) {
    }

    /** sgd. */
    public record Sgd(@Doc("learning rate") @Default("0.5") @Min(value = 0, exclusive = true) double lr) {
    }

    /** What sgd makes. */
    public record SgdSpec(double lr) {
    }

    /**
     * The train: section.
     *
     * @param interruptAfter a first (not resumed) attempt fails after this epoch, as if killed; 0 for never
     */
    public record Train(
            @Doc("optimizer") @Default("sgd") @OfKind(Kind.OPTIMIZER) SgdSpec optimizer,
            @Doc("passes") @Default("6") @Min(1) int epochs,
            @Doc("checkpoint every N epochs") @Default("0") @Min(0) int checkpoint,
            @Doc("frozen layers: names, or N for the first N") @Default("[]") List<String> freeze,
            @Doc("simulated interruption") @Default("0") @Min(0) int interruptAfter) {
    }

    /** The network estimator: the model: and train: sections. */
    public record Network(
            @Doc("the layers") @OfKind(Kind.LAYER) ToyLayer model,
            @Doc("how it trains") @Default("{}") Train train) {
    }

    /** toy-images. */
    public record Images(@Doc("rows") @Default("40") @Min(2) int rows) {
    }

    /** toy-text. */
    public record Text(@Doc("the text") String text) {
    }

    /** toy-bigram. */
    public record Bigram(@Doc("tokens of context") @Default("4") @Min(1) int context) {
    }
}
