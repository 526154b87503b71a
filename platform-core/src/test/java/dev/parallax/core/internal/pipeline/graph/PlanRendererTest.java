package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parallax.api.pipeline.PipelineBuilder;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.core.internal.pipeline.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRendererTest {
    /** Every character JSON and DOT treat specially, a control character, and one beyond ASCII. */
    private static final String AWKWARD = "a \"q\" \\ {x|y} <z>\n\t\u0001é\u2028";

    private final TestCatalog catalog = TestCatalog.standard();

    private Plan plan() {
        PipelineBuilderImpl builder = new PipelineBuilderImpl(catalog, (name, graph) -> null);
        PipelineBuilder.Node split = builder.add("testsrc")
                .set("num-buffers", 5)
                .set("format", "gray8")
                .set("width", 64)
                .set("height", 48)
                .link(builder.add("split", "t"));
        split.link(builder.add("identity")).set("drop-probability", 0.25).link(builder.add("fakesink"));
        split.link(builder.add("filesink")).set("location", AWKWARD).set("deadline", "3s");
        return new Planner(catalog).plan("p \"1\"", builder.graph());
    }

    @Test
    void json_parsesStrictlyWithEveryValueIntact() {
        Plan plan = plan();
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(PlanRenderer.json(plan, PipelineState.RUNNING));
        assertEquals("p \"1\"", json.get("name"));
        assertEquals("RUNNING", json.get("state"));
        assertEquals(plan.description(), json.get("description"));
        List<?> elements = (List<?>) json.get("elements");
        assertEquals(List.of("testsrc0", "t", "identity0", "fakesink0", "filesink0"), names(elements));
        Map<?, ?> source = (Map<?, ?>) elements.get(0);
        assertEquals("testsrc", source.get("factory"));
        assertEquals("1.2.0", source.get("version"));
        assertEquals("Source/Test", source.get("category"));
        Map<?, ?> properties = (Map<?, ?>) source.get("properties");
        assertEquals(5.0, properties.get("num-buffers"));
        assertEquals(false, properties.get("refill"));
        assertEquals("gray8", properties.get("format"));
        assertEquals(0.25, ((Map<?, ?>) ((Map<?, ?>) elements.get(2)).get("properties")).get("drop-probability"));
        Map<?, ?> sink = (Map<?, ?>) elements.get(4);
        assertEquals(AWKWARD, ((Map<?, ?>) sink.get("properties")).get("location"));
        assertEquals(Map.of("on-error", "fail", "restart-backoff", "100ms", "deadline", "3s"), sink.get("settings"));
        String gray = "gray8(height=48, stride=64, width=64)";
        assertEquals(List.of(Map.of("pad", "sink", "format", gray)), sink.get("inputs"));
        assertEquals(
                List.of(Map.of("pad", "src_0", "format", gray), Map.of("pad", "src_1", "format", gray)),
                ((Map<?, ?>) elements.get(1)).get("outputs"));
        assertEquals(
                Map.of("from", "t", "output", "src_1", "to", "filesink0", "input", "sink", "format", gray),
                ((List<?>) json.get("links")).get(2));
        assertEquals(4, ((List<?>) json.get("links")).size());
    }

    @Test
    void miniJson_rejectsWhatJsonRejects() {
        // the reference reader must be able to fail, or the test above proves nothing
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":\"x\ny\"}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":\"\\q\"}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":NaN}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":1} x"));
    }

    @Test
    void dot_parsesWithEveryEdgeBetweenDeclaredPorts() {
        MiniDot.Graph dot = MiniDot.parse(PlanRenderer.dot(plan(), PipelineState.CREATED));
        assertEquals("p \"1\"", dot.name());
        assertEquals("p \"1\" (CREATED)", dot.attributes().get("label"));
        assertEquals(
                List.of("n0", "n1", "n2", "n3", "n4"), List.copyOf(dot.nodes().keySet()));
        assertEquals(List.of("i0", "o0", "o1"), dot.nodes().get("n1").ports());
        assertEquals(List.of("o0"), dot.nodes().get("n0").ports());
        assertEquals(4, dot.edges().size());
        for (MiniDot.Edge edge : dot.edges()) {
            assertEquals(true, dot.nodes().get(edge.from()).ports().contains(edge.fromPort()), edge.toString());
            assertEquals(true, dot.nodes().get(edge.to()).ports().contains(edge.toPort()), edge.toString());
            assertEquals(
                    "gray8(height=48, stride=64, width=64)", edge.attributes().get("label"));
        }
        assertEquals(
                new MiniDot.Edge("n1", "o1", "n4", "i0", dot.edges().get(2).attributes()),
                dot.edges().get(2));
        assertEquals(
                "{{<i0> sink}|t\\nsplit 1.2.0|{<o0> src_0|<o1> src_1}}",
                dot.nodes().get("n1").attributes().get("label"));
    }

    @Test
    void miniDot_rejectsBrokenLabelsAndStrings() {
        assertThrows(IllegalArgumentException.class, () -> MiniDot.parse("digraph g { n [label=\"{a\"]; }"));
        assertThrows(IllegalArgumentException.class, () -> MiniDot.parse("digraph g { n [label=\"a\"; }"));
        assertThrows(IllegalArgumentException.class, () -> MiniDot.parse("digraph g { n -> }"));
    }

    private static List<Object> names(List<?> elements) {
        return elements.stream()
                .<Object>map(element -> ((Map<?, ?>) element).get("name"))
                .toList();
    }
}
