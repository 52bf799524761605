package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

/**
 * {@link KernelSelector} honours {@code -Dgrove.kernels}; the build runs this suite once with
 * {@code scalar} and once with {@code vector}.
 */
class KernelSelectorTest {

    @Test
    void activeKernelsAreTheOnesForcedByTheProperty() {
        String forced = System.getProperty(KernelSelector.PROPERTY);
        assumeThat(forced).as("-D" + KernelSelector.PROPERTY).isNotBlank();
        assertThat(KernelSelector.active().name()).isEqualTo(forced.trim());
    }

    @Test
    void bothProvidersAreFoundAndTheScalarOneIsAlwaysSupported() {
        assertThat(KernelSelector.describeProviders())
                .contains("scalar (supported)")
                .anySatisfy(line -> assertThat(line).startsWith("vector ("));
    }

    @Test
    void vectorKernelsAreSupportedWhenTheirModuleIsPresent() {
        assumeThat(KernelImplementations.vectorModulePresent()).as("jdk.incubator.vector present").isTrue();
        assertThat(KernelSelector.describeProviders()).contains("vector (supported)");
    }

    @Test
    void unknownNamesAreRejectedWithTheAlternatives() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KernelSelector.select("gpu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gpu")
                .hasMessageContaining("scalar");
    }
}
