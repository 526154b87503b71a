package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.ErrorPolicy;
import dev.parallax.api.pipeline.PipelineException;
import dev.parallax.core.internal.pipeline.NodeSettings;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final Format GRAY = new Format("gray8", Map.of("width", "64", "height", "48", "stride", "64"));

    private final TestCatalog catalog = TestCatalog.standard();

    private Plan plan(String text) {
        return new Planner(catalog).plan("p", PipelineParser.parse(text));
    }

    private static List<String> names(Plan plan) {
        return plan.nodes().stream().map(PlanNode::name).toList();
    }

    @Test
    void chain_isOrderedNegotiatedAndDescribedInFull() {
        Plan plan = plan("testsrc num-buffers=10 ! identity ! fakesink");
        assertEquals(List.of("testsrc0", "identity0", "fakesink0"), names(plan));
        assertEquals(
                List.of(
                        new PlanLink(0, 0, "src", 1, 0, "sink", Format.BYTES),
                        new PlanLink(1, 0, "src", 2, 0, "sink", Format.BYTES)),
                plan.links());
        assertEquals(List.of(Format.BYTES), plan.nodes().get(1).inputs());
        assertEquals(List.of(Format.BYTES), plan.nodes().get(1).outputs());
        assertEquals(10L, plan.nodes().getFirst().properties().asMap().get("num-buffers"));
        assertEquals("zero", plan.nodes().getFirst().properties().string("pattern"));
        assertEquals(NodeSettings.DEFAULT, plan.nodes().get(1).settings());
        assertEquals(
                "testsrc name=testsrc0 num-buffers=10 format=bytes size=4096 width=320 height=240 pattern=zero seed=0"
                        + " pool-size=16 refill=false ! identity name=identity0 error-after=-1 sleep-time=0"
                        + " drop-probability=0.0 ! fakesink name=fakesink0 silent=true",
                plan.description());
        // the plan keeps its factories until the pipeline is closed
        assertEquals(3, catalog.open());
    }

    @Test
    void gray8Source_negotiatesItsSizeAndStrideDownstream() {
        Plan plan = plan("testsrc format=gray8 width=64 height=48 ! threshold tile-size=8 ! fakesink");
        assertEquals(GRAY, plan.links().getFirst().format());
        assertEquals(GRAY, plan.links().get(1).format());
    }

    @Test
    void elementsWrittenOutOfOrder_comeInTopologicalOrder() {
        Plan plan = plan("t. ! fakesink  identity name=i ! t.  testsrc ! i.  split name=t");
        assertEquals(List.of("testsrc0", "i", "t", "fakesink0"), names(plan));
        for (PlanLink link : plan.links()) {
            assertTrue(link.from() < link.to(), link.toString());
        }
    }

    @Test
    void requestPads_areNumberedInLinkOrderOrByName() {
        Plan implicit = plan("testsrc ! split name=t  t. ! identity ! fakesink  t. ! fakesink");
        assertEquals(List.of("testsrc0", "t", "identity0", "fakesink0", "fakesink1"), names(implicit));
        assertEquals(
                new PlanLink(1, 0, "src_0", 2, 0, "sink", Format.BYTES),
                implicit.links().get(1));
        assertEquals(
                new PlanLink(1, 1, "src_1", 4, 0, "sink", Format.BYTES),
                implicit.links().get(2));

        Plan named = plan("testsrc ! split name=t  t.src_1 ! fakesink  t.src_0 ! fakesink");
        assertEquals(
                new PlanLink(1, 0, "src_0", 3, 0, "sink", Format.BYTES),
                named.links().get(1));
        assertEquals(
                new PlanLink(1, 1, "src_1", 2, 0, "sink", Format.BYTES),
                named.links().get(2));
        assertEquals(List.of(Format.BYTES, Format.BYTES), named.nodes().get(1).outputs());
    }

    @Test
    void requestInputs_takeTheirNumbersFromTheirNames() {
        Plan plan = plan("testsrc size=8 ! j.sink_1  testsrc size=8 ! j.sink_0  join name=j ! fakesink");
        assertEquals(
                new PlanLink(0, 0, "src", 2, 1, "sink_1", Format.BYTES),
                plan.links().get(0));
        assertEquals(
                new PlanLink(1, 0, "src", 2, 0, "sink_0", Format.BYTES),
                plan.links().get(1));
    }

    @Test
    void reservedProperties_becomeNodeSettingsAndAreDescribedWhenNotDefault() {
        Plan plan = plan("testsrc ! identity on-error=drop restart-backoff=2s deadline=150ms ! fakesink deadline=0");
        assertEquals(
                new NodeSettings(ErrorPolicy.DROP, Duration.ofSeconds(2), Duration.ofMillis(150)),
                plan.nodes().get(1).settings());
        assertEquals(NodeSettings.DEFAULT, plan.nodes().get(2).settings());
        assertTrue(
                plan.description().contains(" on-error=drop restart-backoff=2s deadline=150ms ! "), plan.description());
        assertTrue(plan.description().endsWith("fakesink name=fakesink0 silent=true"), plan.description());
    }

    @Test
    void coreElementExamples_planAsWritten() {
        for (String element : List.of("testsrc", "filesrc", "filesink", "fakesink", "identity")) {
            String example = catalog.elements().stream()
                    .filter(description -> description.name().equals(element))
                    .findFirst()
                    .orElseThrow()
                    .example();
            Plan plan = plan(example);
            assertTrue(names(plan).contains(element + "0"), example);
        }
    }

    @Test
    void eachFactory_isResolvedOnce() {
        plan("testsrc ! identity ! identity ! identity ! fakesink");
        assertEquals(3, catalog.resolved());
    }

    @Test
    void description_parsesBackToTheSamePlan() {
        // linear, branches written out of order, request pads by name, joins, quoted text, settings
        for (String text : List.of(
                "testsrc num-buffers=3 ! identity ! fakesink",
                "t. ! fakesink  testsrc ! split name=t  t. ! identity ! fakesink",
                "testsrc ! split name=t  t.src_1 ! fakesink  t.src_0 ! identity name=x ! fakesink",
                "testsrc ! j.sink_1  testsrc ! j.sink_0  join name=j ! split name=s  s. ! fakesink  s. ! fakesink",
                "testsrc format=gray8 width=64 height=48 ! threshold ! identity ! j.  testsrc format=gray8"
                        + " width=64 height=48 ! j.  join name=j ! fakesink",
                "filesrc location=\"/tmp/a b\\\\c\\\"d\" block-size=0 ! identity deadline=1m on-error=restart !"
                        + " filesink location='x!y'")) {
            Plan first = plan(text);
            Plan second = plan(first.description());
            assertEquals(first.description(), second.description(), text);
            assertEquals(first.links(), second.links(), text);
            assertEquals(names(first), names(second), text);
            for (int i = 0; i < first.nodes().size(); i++) {
                assertEquals(
                        first.nodes().get(i).properties(), second.nodes().get(i).properties(), text);
                assertEquals(
                        first.nodes().get(i).settings(), second.nodes().get(i).settings(), text);
            }
        }
    }

    @Test
    void description_writesBranchesAsReferences() {
        Plan plan = plan("testsrc ! split name=t  t. ! fakesink silent=false  t. ! fakesink");
        assertEquals(
                "testsrc name=testsrc0 num-buffers=-1 format=bytes size=4096 width=320 height=240 pattern=zero seed=0"
                        + " pool-size=16 refill=false ! split name=t ! fakesink name=fakesink0 silent=false"
                        + "  t. ! fakesink name=fakesink1 silent=true",
                plan.description());
    }

    private PipelineException fails(String text, String part) {
        PipelineException e = assertThrows(PipelineException.class, () -> plan(text));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(0, catalog.open(), "every factory resolved is closed again");
        return e;
    }

    @Test
    void cycle_isRejectedNamingItsElementsInOrder() {
        fails(
                "testsrc ! join name=j ! split name=s  s. ! identity name=i ! j.",
                "The pipeline has a cycle: j -> s -> i -> j;");
    }

    @Test
    void elementLinkedToItself_isACycle() {
        fails("identity name=i ! i.", "The pipeline has a cycle: i -> i;");
    }

    @Test
    void unlinkedOutput_isRejected() {
        fails("testsrc ! identity", "Element 'identity0' (identity): output pad src is not linked");
    }

    @Test
    void unlinkedInput_isRejected() {
        fails("fakesink", "Element 'fakesink0' (fakesink): input pad sink is not linked");
    }

    @Test
    void requestPadsWithoutLink_areRejected() {
        fails("testsrc ! split", "Element 'split0' (split): output request pads src_%u have no link");
    }

    @Test
    void requestPadsWithAGap_areRejected() {
        fails(
                "testsrc ! split name=t  t.src_1 ! fakesink",
                "Element 't' (split): output pad src_1 is linked but src_0 is not");
    }

    @Test
    void padLinkedTwice_isRejectedNamingBothPeers() {
        fails(
                "testsrc ! split name=t  t.src_0 ! fakesink  t.src_0 ! fakesink",
                "Pad t.src_0 is linked twice: to fakesink0 and to fakesink1");
    }

    @Test
    void linkWithoutFreePad_isRejected() {
        fails(
                "testsrc ! identity name=i ! fakesink  i. ! fakesink",
                "Element 'i' (identity) has no free output pad for the link to fakesink1: its output pads (src) are"
                        + " all linked");
        fails(
                "testsrc ! testsrc",
                "Element 'testsrc1' (testsrc) has no free input pad for the link from testsrc0:"
                        + " it has no input pads");
    }

    @Test
    void unknownPad_isRejectedListingThePads() {
        fails(
                "testsrc ! split name=t  t.sink ! fakesink",
                "Element 't' (split) has no output pad 'sink' for the link to fakesink0; its output pads: src_%u");
    }

    @Test
    void formatMismatch_namesBothElementsPadsAndFormats() {
        PipelineException e = fails(
                "testsrc ! threshold ! fakesink",
                "Cannot link testsrc0.src to threshold0.sink: testsrc0 produces bytes; threshold0 accepts"
                        + " gray8(height=[1,65535], width=[1,65535])");
        assertEquals(8, e.position());
    }

    @Test
    void elementProducingWhatItsPadForbids_isCalledABug() {
        fails(
                "testsrc ! liar ! fakesink",
                "Element 'liar0' (liar) produces utf8-text on its output pad src, which its own pad template does not"
                        + " allow (bytes): a bug in its plugin liar 1.2.0");
    }

    @Test
    void elementRefusingItsInputs_isRejectedWithTheFormats() {
        fails(
                "testsrc ! j.  testsrc format=gray8 width=64 height=48 ! j.  join name=j ! fakesink",
                "Element 'j' (join) cannot work on input [bytes, " + GRAY + "]: join needs one format");
    }

    @Test
    void unknownElement_suggestsCloseNames() {
        PipelineException e = fails(
                "testsrc ! fakesnk",
                "No element 'fakesnk'; did you mean fakesink? (./parallax inspect lists them all)");
        assertEquals(10, e.position());
    }

    @Test
    void unknownProperty_listsTheKnownOnes() {
        fails(
                "testsrc format=gray8 ! threshold tile_size=8 ! fakesink",
                "Element 'threshold' has no property 'tile_size'; known: tile-size, min-contrast (and on every"
                        + " element: name, on-error, restart-backoff, deadline)");
    }

    @Test
    void badValues_carryThePropertyRuleAndTheElement() {
        fails(
                "testsrc size=big ! fakesink",
                "Element 'testsrc0' (testsrc): Property 'size' value 'big' is not a whole number in [1, 1073741824]");
        fails("testsrc size=0 ! fakesink", "Element 'testsrc0' (testsrc): Property 'size' value 0 is out of range");
        fails("testsrc pattern=stripes ! fakesink", "value 'stripes' is not one of zero, counter, random, ramp");
        fails("testsrc ! identity on-error=retry ! fakesink", "value 'retry' is not one of fail, drop, restart");
        fails("testsrc ! identity deadline=5 ! fakesink", "Property 'deadline' value '5' is not a whole number");
    }

    @Test
    void missingRequiredProperty_isRejected() {
        fails("filesrc ! fakesink", "Element 'filesrc0' (filesrc) needs property 'location': The file to read");
    }

    @Test
    void propertiesTheFactoryRefuses_areRejected() {
        fails("filesrc location=\"\" ! fakesink", "Element 'filesrc0' (filesrc) rejects its properties:");
    }
}
