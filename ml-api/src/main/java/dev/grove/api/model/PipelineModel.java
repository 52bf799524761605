package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.util.List;

/**
 * A fitted pipeline: fitted transformers then a fitted final model. {@link #of} returns a subclass
 * with the final model's capability ({@link Classifier}, {@link Regressor}, {@link Clusterer} or
 * {@link Transformer}), so callers test capabilities with {@code instanceof} as for any model.
 */
public class PipelineModel implements Model {

    private final List<Transformer> steps;
    private final Model last;
    private final Schema schema;

    private PipelineModel(List<Transformer> steps, Model last, Schema schema) {
        this.steps = List.copyOf(steps);
        this.last = last;
        this.schema = schema;
    }

    /** A fitted pipeline over data with {@code inputSchema}. */
    public static PipelineModel of(List<Transformer> steps, Model last, Schema inputSchema) {
        if (last instanceof Classifier) {
            return new ClassifierPipeline(steps, last, inputSchema);
        }
        if (last instanceof Regressor) {
            return new RegressorPipeline(steps, last, inputSchema);
        }
        if (last instanceof Clusterer) {
            return new ClustererPipeline(steps, last, inputSchema);
        }
        if (last instanceof Transformer) {
            return new TransformerPipeline(steps, last, inputSchema);
        }
        return new PipelineModel(steps, last, inputSchema);
    }

    /** The fitted transformers, in order. */
    public List<Transformer> steps() {
        return steps;
    }

    /** The fitted final model. */
    public Model last() {
        return last;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The state of every step, each array and attribute prefixed with {@code step-<i>.}. */
    @Override
    public ModelState state() {
        ModelState.Builder b = ModelState.builder();
        for (int i = 0; i <= steps.size(); i++) {
            ModelState s = i < steps.size() ? steps.get(i).state() : last.state();
            String prefix = "step-" + i + ".";
            s.arrays().forEach((name, array) -> b.add(prefix + name, array));
            s.attributes().forEach((name, value) -> b.attribute(prefix + name, value));
        }
        return b.build();
    }

    /** The data as the final model sees it. */
    protected Dataset prepare(Dataset data) {
        checkColumns(data);
        Dataset current = data;
        for (Transformer t : steps) {
            current = t.transform(current);
        }
        return current;
    }

    private static final class ClassifierPipeline extends PipelineModel implements Classifier {
        ClassifierPipeline(List<Transformer> steps, Model last, Schema schema) {
            super(steps, last, schema);
        }

        @Override
        public int[] predict(Dataset data) {
            return ((Classifier) last()).predict(prepare(data));
        }

        @Override
        public double[][] predictProba(Dataset data) {
            return ((Classifier) last()).predictProba(prepare(data));
        }

        @Override
        public Classification classify(Dataset data) {
            return ((Classifier) last()).classify(prepare(data));
        }
    }

    private static final class RegressorPipeline extends PipelineModel implements Regressor {
        RegressorPipeline(List<Transformer> steps, Model last, Schema schema) {
            super(steps, last, schema);
        }

        @Override
        public double[] predict(Dataset data) {
            return ((Regressor) last()).predict(prepare(data));
        }
    }

    private static final class ClustererPipeline extends PipelineModel implements Clusterer {
        ClustererPipeline(List<Transformer> steps, Model last, Schema schema) {
            super(steps, last, schema);
        }

        @Override
        public int[] predict(Dataset data) {
            return ((Clusterer) last()).predict(prepare(data));
        }

        @Override
        public int clusterCount() {
            return ((Clusterer) last()).clusterCount();
        }
    }

    private static final class TransformerPipeline extends PipelineModel implements Transformer {
        TransformerPipeline(List<Transformer> steps, Model last, Schema schema) {
            super(steps, last, schema);
        }

        @Override
        public Dataset transform(Dataset data) {
            return ((Transformer) last()).transform(prepare(data));
        }
    }
}
