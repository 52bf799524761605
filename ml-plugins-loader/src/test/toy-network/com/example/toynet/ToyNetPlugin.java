package com.example.toynet;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;

/**
 * Registers the toy layers, the sgd optimizer, the network estimator and the toy-images source, and
 * for text the toy-text source, the toy-chars tokenizer the toy-bigram language model, and
 * toy-mean-image, a model with figures of its own and a file to show.
 */
public final class ToyNetPlugin implements Plugin {

    /** For ServiceLoader. */
    public ToyNetPlugin() {
    }

    @Override
    public String id() {
        return "toy-network";
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry r) {
        r.register(Component.of(Kind.LAYER, "dense", ToyParams.Dense.class, p -> new ToyLayer.Dense(p.units()),
                "A fully connected layer."));
        r.register(Component.of(Kind.LAYER, "relu", NoParams.class, p -> new ToyLayer.Relu(), "max(0, x)."));
        r.register(Component.of(Kind.LAYER, "sequential", ToyParams.Sequential.class,
                p -> new ToyLayer.Sequential(p.layers()), "Layers in order."));
        r.register(Component.of(Kind.OPTIMIZER, "sgd", ToyParams.Sgd.class, p -> new ToyParams.SgdSpec(p.lr()),
                "Plain gradient descent."));
        r.register(Component.estimator("network", ToyParams.Network.class, ToyNetwork::new,
                (p, schema, state) -> ToyModel.restore(schema, state), "A toy network (softmax regression)."));
        r.register(Component.dataSource("toy-images", ToyParams.Images.class, p -> new ToyImages(p.rows()),
                "Tiny 1x2x2 images of two classes."));
        r.register(Component.dataSource("toy-text", ToyParams.Text.class, p -> new ToyText(p.text()),
                "A text as a stream of character tokens."));
        r.register(Component.of(Kind.TOKENIZER, "toy-chars", NoParams.class, p -> ToyChars.INSTANCE,
                "Every character is a token."));
        r.register(Component.estimator("toy-bigram", ToyParams.Bigram.class, p -> new ToyBigram(p.context()),
                (p, schema, state) -> ToyBigram.Model.restore(schema, state), "A bigram language model."));
        r.register(Component.estimator("toy-mean-image", NoParams.class, p -> new ToyMeanImage(),
                (p, schema, state) -> ToyMeanImage.Model.restore(schema, state),
                "The mean image, with a figure of its own and an image file."));
    }
}
