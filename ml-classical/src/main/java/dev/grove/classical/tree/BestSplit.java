package dev.grove.classical.tree;

/**
 * The best split found so far at a node. Of equally good splits the one on the lowest feature index
 * wins (and, within a feature, the lowest threshold, as the scan offers only strictly better ones),
 * so the choice does not depend on the order features were searched in.
 */
final class BestSplit {

    int feature;
    double proxy;
    int leftSamples;
    double threshold;

    BestSplit() {
        reset();
    }

    /** Forgets the split. */
    void reset() {
        feature = -1;
        proxy = Double.NEGATIVE_INFINITY;
        leftSamples = 0;
        threshold = 0;
    }

    /**
     * Keeps the offered split if it is better.
     *
     * @param proxy       the criterion's proxy of the impurity decrease (larger is better)
     * @param leftSamples how many of the node's rows (in the feature's sorted order) go left
     */
    void offer(int feature, double proxy, int leftSamples, double threshold) {
        if (proxy > this.proxy || (proxy == this.proxy && feature < this.feature)) {
            this.feature = feature;
            this.proxy = proxy;
            this.leftSamples = leftSamples;
            this.threshold = threshold;
        }
    }

    /** Keeps {@code other}'s split if it is better. */
    void offer(BestSplit other) {
        if (other.feature >= 0) {
            offer(other.feature, other.proxy, other.leftSamples, other.threshold);
        }
    }
}
