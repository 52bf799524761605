package dev.grove.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * Where a fitted model came from: enough to re-run the fit. Recorded by the runtime in model.yaml.
 *
 * @param component       the component name, e.g. {@code logistic-regression}, or {@code pipeline}
 * @param params          the resolved params, as written in the experiment (kebab-case keys)
 * @param seed            the run seed
 * @param dataFingerprint SHA-256 of the training rows ({@link dev.grove.api.data.Dataset#fingerprint()})
 * @param groveVersion    the Grove version that fitted it
 * @param javaVersion     the Java runtime version
 * @param fittedAt        when the fit finished
 */
public record Provenance(String component, Map<String, Object> params, long seed, String dataFingerprint,
                         String groveVersion, String javaVersion, Instant fittedAt) {
}
