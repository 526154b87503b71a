package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ErrorPolicy;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import dev.parallax.core.internal.pipeline.NodeSettings;
import java.time.Duration;

/** Shared set-up of the executor's tests. */
final class Runs {
    /** Long enough for any test pipeline on a busy two-core machine; a hang fails the test instead of stalling it. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Runs() {}

    /** The runtime's memory service over /dev/shm, as DS would make it. */
    static MemoryService memory() {
        return MemoryServiceImpl.withDefaults();
    }

    /** A runner whose printer writes the plan's name, versions and state, so that tests can see what it was given. */
    static PipelineRunner runner() {
        return new PipelineRunner(
                memory(),
                PlanPrinter.of(
                        (plan, state) -> "digraph " + plan.name() + " "
                                + plan.nodes().stream()
                                        .map(node -> node.factory()
                                                .plugin()
                                                .version()
                                                .toString())
                                        .toList()
                                + " " + state,
                        (plan, state) -> "{\"name\":\"" + plan.name() + "\",\"state\":\"" + state + "\"}"));
    }

    /** Settings with an error policy and a short backoff. */
    static NodeSettings onError(ErrorPolicy policy, long backoffMillis) {
        return new NodeSettings(policy, Duration.ofMillis(backoffMillis), Duration.ZERO);
    }

    /** Settings with a deadline. */
    static NodeSettings deadline(long millis) {
        return new NodeSettings(ErrorPolicy.FAIL, Duration.ofMillis(100), Duration.ofMillis(millis));
    }
}
