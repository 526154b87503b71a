package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.ErrorPolicy;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineBuilder;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.core.internal.pipeline.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineBuilderImplTest {
    private final TestCatalog catalog = TestCatalog.standard();

    private PipelineBuilderImpl builder() {
        return new PipelineBuilderImpl(catalog, (name, graph) -> {
            throw new AssertionError("not built in this test");
        });
    }

    @Test
    void chain_makesTheGraphAndDescriptionOfTheText() {
        String text = "testsrc num-buffers=10 size=4096 pattern=ramp ! identity name=id sleep-time=5 on-error=drop"
                + " deadline=2s ! fakesink silent=false";
        PipelineBuilderImpl builder = builder();
        builder.add("testsrc")
                .set("num-buffers", 10)
                .set("size", 4096L)
                .set("pattern", "ramp")
                .link(builder.add("identity", "id"))
                .set("sleep-time", "5")
                .set("on-error", ErrorPolicy.DROP)
                .set("deadline", Duration.ofMillis(2000))
                .link(builder.add("fakesink"))
                .set("silent", false);
        assertSameAsText(text, builder.graph());
    }

    @Test
    void branches_makeTheGraphAndDescriptionOfTheText() {
        // the API's own example, with split standing in for tee
        String text = "testsrc num-buffers=100 ! split  split0. ! identity ! fakesink  split0. ! fakesink";
        PipelineBuilderImpl builder = builder();
        PipelineBuilder.Node tee =
                builder.add("testsrc").set("num-buffers", 100).link(builder.add("split"));
        tee.link(builder.add("identity")).link(builder.add("fakesink"));
        tee.link(builder.add("fakesink"));
        assertSameAsText(text, builder.graph());
    }

    @Test
    void namedPads_makeTheGraphOfReferences() {
        String text = "testsrc ! j.sink_1  testsrc ! j.sink_0  join name=j ! split name=t  t.src_1 ! fakesink"
                + "  t.src_0 ! fakesink";
        PipelineBuilderImpl builder = builder();
        PipelineBuilder.Node first = builder.add("testsrc");
        PipelineBuilder.Node second = builder.add("testsrc");
        PipelineBuilder.Node join = builder.add("join", "j");
        first.link("src", join, "sink_1");
        second.link("src", join, "sink_0");
        PipelineBuilder.Node split = join.link(builder.add("split", "t"));
        split.link("src_1", builder.add("fakesink"), "sink");
        split.link("src_0", builder.add("fakesink"), "sink");
        GraphSpec parsed = PipelineParser.parse(text).withoutSource();
        // the text leaves the always pads (src, sink) to the planner; the builder named them: same plan
        assertEquals(plan(parsed).description(), plan(builder.graph()).description());
        assertEquals(plan(parsed).links(), plan(builder.graph()).links());
    }

    private void assertSameAsText(String text, GraphSpec built) {
        GraphSpec parsed = PipelineParser.parse(text).withoutSource();
        assertEquals(parsed, built);
        assertEquals(plan(parsed).description(), plan(built).description());
    }

    private Plan plan(GraphSpec graph) {
        return new Planner(catalog).plan("p", graph);
    }

    @Test
    void automaticNames_countLikeTheText() {
        PipelineBuilderImpl builder = builder();
        assertEquals("identity0", builder.add("identity").name());
        assertEquals("a", builder.add("identity", "a").name());
        assertEquals("identity2", builder.add("identity").name());
    }

    @Test
    void rename_followsTheLinks() {
        PipelineBuilderImpl builder = builder();
        PipelineBuilder.Node source = builder.add("testsrc");
        source.link(builder.add("fakesink"));
        source.set("name", "src");
        assertEquals("src", builder.graph().links().getFirst().from());
        assertEquals("src", builder.graph().elements().getFirst().name());
    }

    @Test
    void build_handsTheNameAndGraphToTheAssembler() {
        List<Object> seen = new ArrayList<>();
        PipelineBuilderImpl builder = new PipelineBuilderImpl(catalog, (name, graph) -> {
            seen.add(name);
            seen.add(graph);
            return null;
        });
        builder.name("demo").add("testsrc").link(builder.add("fakesink"));
        Pipeline pipeline = builder.build();
        assertSame(null, pipeline);
        assertEquals(List.of(Optional.of("demo"), builder.graph()), seen);
    }

    @Test
    void eachFactory_isLookedUpOnceAndReleased() {
        PipelineBuilderImpl builder = builder();
        builder.add("identity");
        builder.add("identity");
        assertEquals(1, catalog.resolved());
        assertEquals(0, catalog.open());
    }

    @Test
    void unknownElement_isRejectedWithSuggestions() {
        PipelineException e =
                assertThrows(PipelineException.class, () -> builder().add("identiy"));
        assertEquals(
                "No element 'identiy'; did you mean identity? (./parallax inspect lists them all)", e.getMessage());
    }

    @Test
    void takenName_isRejected() {
        PipelineBuilderImpl builder = builder();
        builder.add("identity");
        PipelineException e = assertThrows(PipelineException.class, () -> builder.add("fakesink", "identity0"));
        assertTrue(e.getMessage().startsWith("Element name 'identity0' is taken by the identity"), e.getMessage());
    }

    @Test
    void badProperties_areRejectedWhenSet() {
        PipelineBuilder.Node node = builder().add("threshold");
        PipelineException unknown = assertThrows(PipelineException.class, () -> node.set("tile_size", 8));
        assertTrue(
                unknown.getMessage().startsWith("Element 'threshold' has no property 'tile_size'; known: tile-size"),
                unknown.getMessage());
        PipelineException range = assertThrows(PipelineException.class, () -> node.set("tile-size", 99));
        assertEquals(
                "Element 'threshold0' (threshold): Property 'tile-size' value 99 is out of range [2, 64]",
                range.getMessage());
        PipelineException type = assertThrows(PipelineException.class, () -> node.set("tile-size", 2.5));
        assertTrue(type.getMessage().contains("takes integer values, not Double '2.5'"), type.getMessage());
        assertThrows(PipelineException.class, () -> node.set("on-error", "retry"));
        assertThrows(PipelineException.class, () -> node.set("deadline", 5));
    }

    @Test
    void nodeOfAnotherBuilder_cannotBeLinked() {
        PipelineBuilder.Node mine = builder().add("testsrc");
        PipelineBuilder.Node theirs = builder().add("fakesink");
        assertThrows(PipelineException.class, () -> mine.link(theirs));
    }
}
