package com.example.toynet;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.text.TokenGenerator;
import java.util.Random;

/**
 * A bigram language model: it counts which token follows which (plus one, so every token may
 * follow) and draws the next token from those counts. Its context is {@code context} tokens, of
 * which it uses the last.
 */
public record ToyBigram(int context) implements Estimator<ToyBigram.Model> {

    @Override
    public Model fit(Dataset data, RunContext runContext) {
        int v = data.schema().classLabels().size();
        double[] counts = new double[v * v];
        java.util.Arrays.fill(counts, 1);
        for (int r = 1; r < data.rows(); r++) {
            counts[(int) data.feature(r - 1, 0) * v + (int) data.feature(r, 0)]++;
        }
        return new Model(data.schema(), counts, context);
    }

    /** The fitted counts. */
    public record Model(Schema schema, double[] counts, int contextLength) implements TokenGenerator {

        static Model restore(Schema schema, ModelState state) {
            int v = schema.classLabels().size();
            return new Model(schema, state.doubles("counts", v, v), Integer.parseInt(state.attribute("context")));
        }

        @Override
        public ModelState state() {
            int v = schema.classLabels().size();
            return ModelState.builder().put("counts", counts, v, v)
                    .attribute("context", Integer.toString(contextLength)).build();
        }

        @Override
        public int[] generate(int[] prompt, int count, double temperature, int topK, long seed) {
            int v = schema.classLabels().size();
            Random random = new Random(seed);
            int[] out = new int[count];
            int last = prompt[prompt.length - 1];
            for (int i = 0; i < count; i++) {
                double total = 0;
                for (int c = 0; c < v; c++) {
                    total += counts[last * v + c];
                }
                double u = random.nextDouble() * total;
                int next = 0;
                while (next < v - 1 && (u -= counts[last * v + next]) >= 0) {
                    next++;
                }
                out[i] = next;
                last = next;
            }
            return out;
        }
    }
}
