package dev.grove.neural.network;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Layer;
import java.util.Map;

/**
 * A network pretrained by masked-token training ({@code train.mask}): it learned to fill in hidden
 * tokens of windows of {@link #contextLength()} tokens. It predicts nothing by itself; it is saved to
 * be the starting point of another network ({@code train.init-from}), whose layers of the same names
 * and shapes take its weights (an encoder fine-tuned to classify sentences, say).
 */
public final class NetworkMaskedModel extends NetworkModel {

    /** The state attribute holding the fraction of tokens that were hidden. */
    static final String MASK_ATTRIBUTE = "mask";

    private final int sequence;
    private final double mask;

    NetworkMaskedModel(Schema schema, Layer network, Map<String, String> initialisation, int sequence, double mask) {
        super(schema, network, initialisation);
        this.sequence = sequence;
        this.mask = mask;
    }

    /** The window length it was trained on. */
    public int contextLength() {
        return sequence;
    }

    @Override
    Map<String, String> kindAttributes() {
        return Map.of(NetworkLanguageModel.SEQUENCE_ATTRIBUTE, Integer.toString(sequence), MASK_ATTRIBUTE,
                Double.toString(mask));
    }
}
