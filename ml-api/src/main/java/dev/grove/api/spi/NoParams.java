package dev.grove.api.spi;

/** The params of a component that takes none. */
public record NoParams() {
}
