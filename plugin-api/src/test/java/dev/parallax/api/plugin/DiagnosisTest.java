package dev.parallax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {
    @Test
    void healthyBundle_rendersOneLine() {
        Diagnosis diagnosis = new Diagnosis(3, "org.example.hello 1.0.0", "ACTIVE", List.of(), List.of());
        assertTrue(diagnosis.healthy());
        assertEquals("Bundle 3 org.example.hello 1.0.0 is ACTIVE: no problem found.", diagnosis.render());
    }

    @Test
    void unresolvedBundle_rendersRequirementAvailabilityAndFix() {
        Diagnosis diagnosis = new Diagnosis(
                9,
                "org.example.future 2.0.0",
                "INSTALLED",
                List.of(new Diagnosis.Problem(
                        "Parallax ABI [2.0.0,3.0.0)", "Parallax ABI 1.0.0 from dev.parallax.core", "Rebuild it.")),
                List.of(new Rejection("future", 9, "org.example.future 2.0.0", 50, "Built for ABI 2.", "Rebuild.")));
        assertFalse(diagnosis.healthy());
        assertEquals("""
                Bundle 9 org.example.future 2.0.0 is INSTALLED and cannot resolve: 1 requirement not met.
                  requires:  Parallax ABI [2.0.0,3.0.0)
                  available: Parallax ABI 1.0.0 from dev.parallax.core
                  fix:       Rebuild it.
                  rejected:  Built for ABI 2.
                  fix:       Rebuild.""", diagnosis.render());
    }
}
