/**
 * A toy network family for the runtime's end-to-end tests, built into a jar by the tests and loaded
 * with --plugins: layer, optimizer and network components shaped like the neural family's, a data
 * source of tiny image-shaped samples, checkpoints through the run's state files, and resuming; and a
 * character text source, tokenizer and bigram language model for grove generate.
 */
module com.example.toynet {
    requires dev.grove.api;
    exports com.example.toynet;
    provides dev.grove.api.spi.Plugin with com.example.toynet.ToyNetPlugin;
}
