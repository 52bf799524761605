package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A sequence network's output at chosen positions only, computing its last layer just there when it can. */
public final class SelectedPositions {

    private SelectedPositions() {
    }

    /**
     * The pre-activation scores of {@code network} for the positions {@code positions} (indices into
     * the batch's positions flattened to {@code [batch * steps]}), as a {@code [positions, width]}
     * matrix: the rows of the full output that masked-token training scores. When the network is a
     * {@code sequential} ending in a {@code dense} layer, that layer (often the widest, one score per
     * vocabulary token) is applied to the selected positions only, which gives the same values at a
     * fraction of the cost; otherwise the full output is computed and its rows selected.
     */
    public static Tensor scores(Layer network, Tensor input, int[] positions, Pass pass) {
        if (network instanceof SequentialLayer sequential && sequential.children().size() > 1
                && sequential.children().get(sequential.children().size() - 1).layer() instanceof DenseLayer head) {
            List<Layer.Child> children = sequential.children();
            Tensor body = Chain.forward(children.subList(0, children.size() - 1), input, pass);
            int features = body.dim(body.rank() - 1);
            Tensor selected = body.reshape(body.size() / features, features).indexSelect(0, positions);
            return head.forwardRowsBeforeActivation(selected);
        }
        Tensor output = network.forwardBeforeActivation(input, pass);
        int width = output.dim(output.rank() - 1);
        return output.reshape(output.size() / width, width).indexSelect(0, positions);
    }
}
