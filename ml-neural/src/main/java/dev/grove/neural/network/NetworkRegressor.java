package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Regressor;
import dev.grove.neural.layer.Layer;
import java.util.Map;

/** A fitted network over a numeric target: the prediction is its single output (after the final activation). */
public final class NetworkRegressor extends NetworkModel implements Regressor {

    NetworkRegressor(Schema schema, Layer network, Map<String, String> initialisation) {
        super(schema, network, initialisation);
    }

    @Override
    public double[] predict(Dataset data) {
        float[] outputs = outputs(data, false);
        double[] out = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            out[i] = outputs[i];
        }
        return out;
    }
}
