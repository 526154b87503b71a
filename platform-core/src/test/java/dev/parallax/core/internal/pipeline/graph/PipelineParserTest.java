package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.pipeline.PipelineException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineParserTest {
    private static ElementSpec element(String factory, String name, Map<String, String> properties) {
        return new ElementSpec(factory, name, properties, -1);
    }

    private static LinkSpec link(String from, String fromPad, String to, String toPad) {
        return new LinkSpec(from, fromPad, to, toPad, -1);
    }

    /** Parses {@code text} and expects a syntax or name error at {@code position} whose message holds {@code part}. */
    private static PipelineException fails(String text, int position, String part) {
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineParser.parse(text));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        return e;
    }

    @Test
    void simpleChain_givesElementsPropertiesAndLinksInOrder() {
        GraphSpec graph = PipelineParser.parse("testsrc num-buffers=10 size=4096 ! identity name=id ! fakesink");
        assertEquals(
                new GraphSpec(
                        null,
                        List.of(
                                element("testsrc", "testsrc0", Map.of("num-buffers", "10", "size", "4096")),
                                element("identity", "id", Map.of()),
                                element("fakesink", "fakesink0", Map.of())),
                        List.of(link("testsrc0", null, "id", null), link("id", null, "fakesink0", null))),
                graph.withoutSource());
        // positions: each element's first character, each link's '!'
        assertEquals(
                List.of(0, 35, 54),
                graph.elements().stream().map(ElementSpec::position).toList());
        assertEquals(
                List.of(33, 52), graph.links().stream().map(LinkSpec::position).toList());
        assertEquals(
                List.of("num-buffers", "size"),
                List.copyOf(graph.elements().getFirst().properties().keySet()));
    }

    @Test
    void quotedValues_keepSpacesAndUnescapeOnlyTheirQuoteAndBackslash() {
        GraphSpec graph = PipelineParser.parse(
                "filesrc location=\"a b\" ! text label='c \"d\" e'  filesrc location=\"q\\\"x\\\\y\\n\" ! text label=\"\"");
        assertEquals("a b", graph.elements().get(0).properties().get("location"));
        assertEquals("c \"d\" e", graph.elements().get(1).properties().get("label"));
        // \" and \\ are escapes, \n is a backslash and an n
        assertEquals("q\"x\\y\\n", graph.elements().get(2).properties().get("location"));
        assertEquals("", graph.elements().get(3).properties().get("label"));
    }

    @Test
    void branches_startNewChainsAtReferences() {
        GraphSpec graph = PipelineParser.parse("testsrc ! split name=t  t. ! identity ! fakesink  t. ! fakesink");
        assertEquals(
                List.of(
                        link("testsrc0", null, "t", null),
                        link("t", null, "identity0", null),
                        link("identity0", null, "fakesink0", null),
                        link("t", null, "fakesink1", null)),
                graph.withoutSource().links());
    }

    @Test
    void referencePads_nameTheLinkedPadAtEitherEnd() {
        GraphSpec graph = PipelineParser.parse(
                "testsrc ! j.sink_1  testsrc ! j.sink_0  join name=j ! split name=t  t.src_1 ! fakesink  t.src_0 ! fakesink");
        assertEquals(
                List.of(
                        link("testsrc0", null, "j", "sink_1"),
                        link("testsrc1", null, "j", "sink_0"),
                        link("j", null, "t", null),
                        link("t", "src_1", "fakesink0", null),
                        link("t", "src_0", "fakesink1", null)),
                graph.withoutSource().links());
    }

    @Test
    void elementWithoutLinkBefore_startsANewChain() {
        GraphSpec graph = PipelineParser.parse("testsrc ! fakesink testsrc size=8!fakesink");
        assertEquals(
                List.of("testsrc0", "fakesink0", "testsrc1", "fakesink1"),
                graph.elements().stream().map(ElementSpec::name).toList());
        assertEquals(
                List.of(link("testsrc0", null, "fakesink0", null), link("testsrc1", null, "fakesink1", null)),
                graph.withoutSource().links());
    }

    @Test
    void referenceInTheMiddleOfAChain_linksInAndOut() {
        GraphSpec graph = PipelineParser.parse("split name=t ! fakesink  testsrc ! t. ! fakesink");
        assertEquals(
                List.of(
                        link("t", null, "fakesink0", null),
                        link("testsrc0", null, "t", null),
                        link("t", null, "fakesink1", null)),
                graph.withoutSource().links());
    }

    @Test
    void automaticNames_countNamedElementsToo() {
        // as in GStreamer: the second identity is identity1 although the first is called a
        GraphSpec graph = PipelineParser.parse("testsrc ! identity name=a ! identity ! fakesink");
        assertEquals(
                List.of("testsrc0", "a", "identity1", "fakesink0"),
                graph.elements().stream().map(ElementSpec::name).toList());
    }

    @Test
    void forwardReference_findsAnElementNamedLater() {
        GraphSpec graph = PipelineParser.parse("t. ! fakesink\n\ttestsrc ! split name=t");
        assertEquals(
                link("t", null, "fakesink0", null),
                graph.withoutSource().links().getFirst());
        assertEquals(15, graph.elements().get(1).position());
    }

    @Test
    void emptyText_isRejected() {
        fails("   ", 0, "The pipeline is empty");
    }

    @Test
    void linkWithNothingBefore_isRejectedAtTheLink() {
        PipelineException e = fails("! fakesink", 0, "none comes before it");
        assertTrue(e.getMessage().endsWith("\n  ! fakesink\n  ^"), e.getMessage());
    }

    @Test
    void linkWithNothingAfter_isRejectedAtTheLink() {
        PipelineException e = fails("testsrc !", 8, "none comes after it");
        assertTrue(e.getMessage().endsWith("\n  testsrc !\n          ^"), e.getMessage());
    }

    @Test
    void twoLinksInARow_areRejectedAtTheSecond() {
        fails("testsrc ! ! fakesink", 10, "two '!' in a row");
    }

    @Test
    void propertyBeforeAnyElement_isRejected() {
        fails("size=3 testsrc", 0, "property 'size' belongs to no element");
    }

    @Test
    void propertyAfterALink_isRejected() {
        fails("testsrc ! size=3", 10, "property 'size' belongs to no element");
    }

    @Test
    void propertyOnAReference_isRejected() {
        fails("testsrc ! split name=t t. size=3", 26, "a reference takes no properties");
    }

    @Test
    void unterminatedQuote_isRejectedAtTheOpeningQuote() {
        fails("filesrc location=\"a b ! fakesink", 17, "no closing \"");
    }

    @Test
    void propertyWithoutValue_isRejected() {
        fails("testsrc size= ! fakesink", 13, "property 'size' has no value");
    }

    @Test
    void propertyGivenTwice_isRejectedAtTheSecond() {
        fails("testsrc size=4 size=5", 15, "property 'size' is given twice");
    }

    @Test
    void uppercaseElementName_isRejected() {
        fails("testsrc ! FakeSink", 10, "'FakeSink' is not an element name");
    }

    @Test
    void unknownReference_isRejectedWithTheNames() {
        fails("testsrc ! fakesink name=a  t. ! fakesink", 27, "No element is named 't'");
    }

    @Test
    void duplicateName_isRejectedAtTheSecondName() {
        fails("testsrc name=a ! fakesink name=a", 31, "Two elements are named 'a'");
    }

    @Test
    void givenNameClashingWithAnAutomaticOne_isRejected() {
        fails("testsrc ! identity ! identity name=identity0 ! fakesink", 35, "Two elements are named 'identity0'");
    }

    @Test
    void padOnAReferenceInTheMiddle_isRejected() {
        fails("testsrc ! t.src_0 ! fakesink  split name=t", 10, "in the middle of a chain");
    }

    @Test
    void badPadName_isRejectedAtThePad() {
        fails("t.Src ! fakesink  split name=t", 2, "'Src' in reference 't.Src' is not a pad name");
    }

    @Test
    void nameWithSpace_isRejectedAtTheValue() {
        fails("testsrc name=\"a b\" ! fakesink", 13, "element name 'a b' is invalid");
    }

    @Test
    void strayQuotes_areRejected() {
        fails("testsrc a\"b=1", 9, "unexpected quote");
        fails("testsrc =5", 8, "'=' needs a property name");
        fails("testsrc x=a\"b", 11, "a quote inside an unquoted value");
        fails("testsrc x=\"a\"b", 13, "expected whitespace or '!' after the closing");
    }

    @Test
    void errorOnASecondLine_showsThatLineWithTheCaret() {
        PipelineException e = fails("testsrc !\n\tfakesink ! !", 22, "two '!' in a row");
        assertTrue(e.getMessage().endsWith("\n  \tfakesink ! !\n  \t" + " ".repeat(11) + "^"), e.getMessage());
    }
}
