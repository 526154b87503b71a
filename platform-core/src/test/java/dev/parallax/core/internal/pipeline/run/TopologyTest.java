package dev.parallax.core.internal.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.run.TestElements.Collector;
import dev.parallax.core.internal.pipeline.run.TestElements.Counter;
import dev.parallax.core.internal.pipeline.run.TestElements.Merge;
import dev.parallax.core.internal.pipeline.run.TestElements.Relay;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private final PipelineRunner runner = Runs.runner();
    private final CountingPool pool = new CountingPool(8);
    private final Run run = new Run("cut", new Bus("cut"), null);

    @AfterEach
    void close() {
        runner.close();
    }

    private TestFactory counter() {
        return TestElements.factory("counter", "1.0.0", true, p -> new Counter(pool::loan, new AtomicLong(), 1));
    }

    private static TestFactory relay() {
        return TestElements.factory("relay", "1.0.0", true, p -> new Relay(0, s -> false));
    }

    private static TestFactory sink() {
        return TestElements.factory("collector", "1.0.0", true, p -> new Collector(0));
    }

    private static List<List<String>> chains(Topology topology) {
        return topology.chains().stream()
                .map(chain -> chain.members.stream().map(node -> node.name).toList())
                .toList();
    }

    @Test
    void threads_areCutOnlyAtQueuesAndBeforeElementsWithSeveralInputs() {
        PlanBuilder plan = new PlanBuilder("cut");
        int a = plan.add("a", counter());
        int b = plan.add("b", counter());
        int x = plan.add("x", relay());
        int q = plan.add("q", TestElements.queue(5));
        int y = plan.add("y", relay());
        int m = plan.add("m", TestElements.factory("merge", "1.0.0", true, p -> new Merge()));
        int z = plan.add("z", sink());
        plan.chain(a, x, q, y, m).link(b, m).link(m, z);

        Topology topology = Topology.of(plan.build(), run, new FactoryRefs(), 7);

        assertEquals(List.of(List.of("a", "x"), List.of("b"), List.of("q", "y"), List.of("m", "z")), chains(topology));
    }

    @Test
    void elementWithoutInputs_thatIsNotASource_isRefusedByName() {
        PlanBuilder builder = new PlanBuilder("orphan");
        builder.add("lonely", relay());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> runner.create(builder.build()));
        assertEquals(
                "Element 'lonely' of pipeline 'orphan' has no linked input but is not a source", error.getMessage());
    }

    @Test
    void unlinkedOutputPad_isRefusedNamingTheElementAndPads() {
        PlanBuilder builder = new PlanBuilder("loose");
        builder.chain(builder.add("src", counter()), builder.add("sink", sink()));
        Plan plan = builder.build();
        Plan broken = new Plan(plan.name(), plan.description(), plan.nodes(), List.<PlanLink>of());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> runner.create(broken));
        assertTrue(
                error.getMessage()
                        .startsWith("Element 'src' of pipeline 'loose' has 1 negotiated output pads but"
                                + " links output pads []"),
                error.getMessage());
    }

    @Test
    void backwardLink_isRefused() {
        PlanBuilder builder = new PlanBuilder("backwards");
        builder.chain(builder.add("src", counter()), builder.add("sink", sink()));
        Plan plan = builder.build();
        PlanLink link = plan.links().getFirst();
        Plan broken = new Plan(
                plan.name(),
                plan.description(),
                plan.nodes(),
                List.of(new PlanLink(1, 0, "src", 0, 0, "sink", link.format())));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> runner.create(broken));
        assertTrue(error.getMessage().contains("does not go from an element to a later one"), error.getMessage());
    }
}
