package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parallax.api.image.KernelImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choice between SIMD and scalar kernels, made once, with one log line when SIMD is off. */
class KernelSelectionTest {

    @Test
    void moduleAbsent_selectsScalarAndLogsHowToEnable() {
        VectorProbe probe = VectorProbe.probe(name -> Optional.empty());
        List<String> log = new ArrayList<>();

        Kernels kernels = Kernels.best(probe, log::add);

        assertFalse(probe.available());
        assertEquals(KernelImpl.SCALAR, kernels.tile().impl());
        assertEquals(KernelImpl.SCALAR, kernels.mean().impl());
        assertEquals(KernelImpl.SCALAR, kernels.decimate().impl());
        assertEquals(1, log.size(), "exactly one line: " + log);
        assertTrue(log.getFirst().contains("--add-modules jdk.incubator.vector"), log.getFirst());
    }

    @Test
    void narrowVectors_areRefusedWithTheirSize() {
        VectorProbe probe = VectorProbe.probe(64);

        assertFalse(probe.available());
        assertTrue(probe.message().contains("vector bit size is less than 128: 64"), probe.message());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.vector(probe));
        assertEquals(probe.message(), e.getMessage());
    }

    @Test
    void modulePresent_selectsSimdSilently() {
        VectorProbe probe = VectorProbe.probe();
        // Surefire runs with --add-modules jdk.incubator.vector (root pom); skipped where it does not
        assumeTrue(probe.available(), probe.message());
        List<String> log = new ArrayList<>();

        Kernels kernels = Kernels.best(probe, log::add);

        assertEquals(KernelImpl.SIMD, kernels.tile().impl());
        assertEquals(KernelImpl.SIMD, kernels.mean().impl());
        assertEquals(KernelImpl.SIMD, kernels.decimate().impl());
        assertTrue(log.isEmpty(), log.toString());
    }
}
