package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The bookkeeping every optimizer shares, so that each one only writes its update rule: skipping
 * frozen parameters and those without a gradient, per-parameter buffers created as zeros on a
 * parameter's first update (as PyTorch creates its state lazily), per-parameter step counts, and
 * {@link #state()}/{@link #restore} with entries keyed {@code <parameter index>.<buffer>}, using
 * PyTorch's buffer names ({@code 0.exp_avg}, {@code 0.step}, …).
 *
 * <p>Each rule is one fused pass over the raw arrays (value, gradient and buffers) rather than a
 * chain of tensor ops, each of which would make a parameter-sized temporary and another pass over
 * memory. A parameter larger than {@link Chunks#SIZE} elements is split into chunks of that fixed
 * size run on the {@link dev.grove.tensor.ThreadBudget} pool; every element's update depends on that
 * element only, so the result is the same for any thread count. Parameters are updated one after
 * another, in order, so two parameters that share their values still see each other's updates as
 * an unfused loop over them would.
 *
 * <p>A step count is stored as a one-element float tensor, which holds whole numbers exactly up to
 * 2^24 (16,777,216 steps of one parameter).
 */
abstract class StatefulOptimizer implements Optimizer {

    /** The state entry of a parameter's step count. */
    static final String STEP = "step";

    /** The largest step count a float holds exactly. */
    private static final long LARGEST_EXACT_STEP = 1L << 24;

    private final String kind;
    private final List<Parameter> parameters;
    private final List<String> bufferNames;
    private final boolean countsSteps;
    private final Tensor[][] buffers;
    private final long[] steps;

    /**
     * @param kind        the component name, for messages
     * @param parameters  the parameters, each once
     * @param bufferNames the names of the buffers each parameter gets, in the order {@link #update}
     *                    receives them
     * @param countsSteps whether the update rule uses the step count (it is then part of the state)
     */
    StatefulOptimizer(String kind, List<Parameter> parameters, List<String> bufferNames, boolean countsSteps) {
        this.kind = kind;
        this.parameters = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(parameters, "parameters")));
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < this.parameters.size(); i++) {
            Parameter parameter = Objects.requireNonNull(this.parameters.get(i), "parameter " + i);
            if (!seen.add(parameter)) {
                throw new IllegalArgumentException(kind + ": parameter " + i + " (" + parameter.name()
                        + ") is listed twice; it would be updated twice per step");
            }
        }
        this.bufferNames = List.copyOf(bufferNames);
        this.countsSteps = countsSteps;
        this.buffers = new Tensor[this.parameters.size()][];
        this.steps = new long[this.parameters.size()];
    }

    /**
     * Updates elements {@code [from, to)} of one parameter in place, in one pass. Chunks of the same
     * parameter may run concurrently, so an implementation writes only elements of its own range.
     *
     * @param value        the parameter's values
     * @param gradient     its gradient (read only: callers may still look at it after the step)
     * @param buffers      its buffers, named as given to the constructor, updated in place
     * @param from         the first element to update
     * @param to           one past the last element to update
     * @param step         its step count including this step (1 on its first update)
     * @param learningRate the rate of this step
     */
    abstract void update(float[] value, float[] gradient, float[][] buffers, int from, int to, long step, float learningRate);

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final void step(float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(kind + ": the learning rate must be a finite number >= 0, got " + learningRate);
        }
        try (var noGrad = Grad.off()) {
            for (int i = 0; i < parameters.size(); i++) {
                Parameter parameter = parameters.get(i);
                Tensor gradient = parameter.value().grad();
                if (parameter.frozen() || gradient == null) {
                    continue;
                }
                if (buffers[i] == null) {
                    buffers[i] = zeroBuffers(parameter.value().shape());
                }
                steps[i]++;
                updateInChunks(parameter.value(), gradient, buffers[i], steps[i], learningRate);
            }
        }
    }

    /** Runs {@link #update} over one parameter, chunk by chunk; called with autograd off. */
    private void updateInChunks(Tensor value, Tensor gradient, Tensor[] parameterBuffers, long step, float learningRate) {
        float[] values = TensorStorage.data(value);
        float[] gradients = TensorStorage.data(gradient);
        float[][] bufferData = new float[parameterBuffers.length][];
        for (int b = 0; b < bufferData.length; b++) {
            bufferData[b] = TensorStorage.data(parameterBuffers[b]);
        }
        Chunks.forEach(values.length, (chunk, from, to) -> update(values, gradients, bufferData, from, to, step, learningRate));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Copies: later steps do not change a returned state. Parameters never updated have no entries.
     *
     * @throws IllegalStateException if a step count exceeds 2^24, which a float no longer holds exactly
     */
    @Override
    public final Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (buffers[i] == null) {
                continue;
            }
            for (int b = 0; b < bufferNames.size(); b++) {
                state.put(key(i, bufferNames.get(b)), buffers[i][b].copy());
            }
            if (countsSteps) {
                if (steps[i] > LARGEST_EXACT_STEP) {
                    throw new IllegalStateException(kind + ": parameter " + i + " (" + parameters.get(i).name() + ") has taken "
                            + steps[i] + " steps, more than the " + LARGEST_EXACT_STEP + " a saved state holds exactly");
                }
                state.put(key(i, STEP), Tensor.of(new float[] {steps[i]}, 1));
            }
        }
        return state;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Replaces the whole state (parameters without entries start afresh) and copies the tensors.
     * Nothing changes when an entry is rejected.
     *
     * @throws IllegalArgumentException naming an unknown key, a shape that does not fit its
     *                                  parameter, a step count that is not a whole number &gt;= 1, or
     *                                  a missing entry of a parameter that has others
     */
    @Override
    public final void restore(Map<String, Tensor> state) {
        Objects.requireNonNull(state, "state");
        Tensor[][] restoredBuffers = new Tensor[parameters.size()][];
        long[] restoredSteps = new long[parameters.size()];
        for (Map.Entry<String, Tensor> entry : state.entrySet()) {
            String key = entry.getKey();
            Tensor tensor = Objects.requireNonNull(entry.getValue(), () -> kind + ": state entry '" + key + "' is null");
            int index = parameterIndex(key);
            String name = key.substring(key.indexOf('.') + 1);
            if (countsSteps && name.equals(STEP)) {
                restoredSteps[index] = stepCount(key, tensor);
                continue;
            }
            int slot = bufferNames.indexOf(name);
            if (slot < 0) {
                throw unknownEntry(key);
            }
            int[] expected = parameters.get(index).value().shape();
            if (!Arrays.equals(tensor.shape(), expected)) {
                throw new IllegalArgumentException(kind + ": state entry '" + key + "' has shape " + Arrays.toString(tensor.shape())
                        + " but parameter " + index + " (" + parameters.get(index).name() + ") has shape " + Arrays.toString(expected));
            }
            if (restoredBuffers[index] == null) {
                restoredBuffers[index] = new Tensor[bufferNames.size()];
            }
            restoredBuffers[index][slot] = tensor.copy();
        }
        for (int i = 0; i < parameters.size(); i++) {
            checkComplete(i, restoredBuffers[i], restoredSteps[i]);
        }
        for (int i = 0; i < parameters.size(); i++) {
            buffers[i] = restoredBuffers[i];
            steps[i] = restoredSteps[i];
        }
    }

    private Tensor[] zeroBuffers(int[] shape) {
        Tensor[] zeros = new Tensor[bufferNames.size()];
        for (int b = 0; b < zeros.length; b++) {
            zeros[b] = Tensor.zeros(shape);
        }
        return zeros;
    }

    private int parameterIndex(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw unknownEntry(key);
        }
        String digits = key.substring(0, dot);
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            throw unknownEntry(key);
        }
        int index = Integer.parseInt(digits);
        if (index >= parameters.size()) {
            throw unknownEntry(key);
        }
        return index;
    }

    private long stepCount(String key, Tensor tensor) {
        float value = tensor.size() == 1 ? tensor.toFloatArray()[0] : Float.NaN;
        if (!(value >= 1 && value <= LARGEST_EXACT_STEP) || value != Math.rint(value)) {
            throw new IllegalArgumentException(kind + ": state entry '" + key + "' must be one whole number >= 1 (a step count), got "
                    + (tensor.size() == 1 ? Float.toString(value) : "a tensor of shape " + Arrays.toString(tensor.shape())));
        }
        return (long) value;
    }

    private void checkComplete(int index, Tensor[] restored, long step) {
        boolean hasBuffers = restored != null;
        boolean hasStep = step > 0;
        if (!hasBuffers && !hasStep) {
            return;
        }
        for (int b = 0; b < bufferNames.size(); b++) {
            if (restored == null || restored[b] == null) {
                throw missingEntry(index, bufferNames.get(b));
            }
        }
        if (countsSteps && !hasStep) {
            throw missingEntry(index, STEP);
        }
    }

    private IllegalArgumentException missingEntry(int index, String name) {
        return new IllegalArgumentException(kind + ": the state has entries for parameter " + index + " ("
                + parameters.get(index).name() + ") but misses '" + key(index, name) + "'");
    }

    private IllegalArgumentException unknownEntry(String key) {
        List<String> names = new ArrayList<>(bufferNames);
        if (countsSteps) {
            names.add(STEP);
        }
        String expected = names.isEmpty() || parameters.isEmpty()
                ? "this optimizer keeps no state (no buffers in this configuration, or no parameters)"
                : "expected <parameter index>.<" + String.join("|", names) + "> for parameters 0 to " + (parameters.size() - 1);
        return new IllegalArgumentException(kind + ": unknown state entry '" + key + "'; " + expected);
    }

    private static String key(int index, String name) {
        return index + "." + name;
    }
}
