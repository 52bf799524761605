package dev.grove.neural.layer;

/**
 * An error building a layer inside a container, located by its dotted path from the outermost
 * container ({@code layer residual-1.conv2d-2: conv2d needs …}), the path a summary shows.
 */
final class LayerBuildError extends IllegalArgumentException {

    private final String path;
    private final String detail;

    private LayerBuildError(String path, String detail, Throwable cause) {
        super("layer " + path + ": " + detail, cause);
        this.path = path;
        this.detail = detail;
    }

    /** {@code error}, raised while building the child {@code childName}, with the child's name added to its path. */
    static LayerBuildError within(String childName, IllegalArgumentException error) {
        if (error instanceof LayerBuildError located) {
            return new LayerBuildError(childName + "." + located.path, located.detail, located.getCause());
        }
        return new LayerBuildError(childName, error.getMessage(), error);
    }
}
