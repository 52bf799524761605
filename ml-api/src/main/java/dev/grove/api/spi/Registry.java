package dev.grove.api.spi;

/** Where plugins put their components; the runtime owns it. */
@FunctionalInterface
public interface Registry {

    /** Adds a component; a second component with the same kind and name is an error raised by the runtime. */
    void register(Component<?> component);
}
