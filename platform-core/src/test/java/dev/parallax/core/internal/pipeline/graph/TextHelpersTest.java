package dev.parallax.core.internal.pipeline.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextHelpersTest {
    @Test
    void durations_readEachUnit() {
        assertEquals(Duration.ofMillis(100), Durations.parse("deadline", "100ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("deadline", "2s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("deadline", "1m"));
        assertEquals(Duration.ofHours(3), Durations.parse("deadline", "3h"));
        assertEquals(Duration.ofNanos(250_000), Durations.parse("deadline", "250us"));
        assertEquals(Duration.ofNanos(7), Durations.parse("deadline", "7ns"));
        assertEquals(Duration.ZERO, Durations.parse("deadline", "0"));
        // the largest amount: 12 digits of hours still fits a Duration
        assertEquals(Duration.ofHours(999_999_999_999L), Durations.parse("deadline", "999999999999h"));
    }

    @Test
    void durations_withoutUnitOrWithABadOne_areRejectedWithTheRule() {
        for (String text : List.of("5", "-1s", "1d", "1.5s", "s", "", "1000000000000s")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Durations.parse("deadline", text));
            assertEquals(
                    "Property 'deadline' value '" + text + "' is not a whole number and a unit, ns, us, ms, s, m or h"
                            + " (100ms, 2s, 1m), or 0",
                    e.getMessage());
        }
    }

    @Test
    void durations_areWrittenInTheLargestExactUnit() {
        assertEquals("0", Durations.format(Duration.ZERO));
        assertEquals("2s", Durations.format(Duration.ofMillis(2000)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1h", Durations.format(Duration.ofMinutes(60)));
        assertEquals("1001ns", Durations.format(Duration.ofNanos(1001)));
        for (String text : List.of("100ms", "2s", "1m", "3h", "250us", "7ns", "0", "999999999999h")) {
            assertEquals(text, Durations.format(Durations.parse("deadline", text)));
        }
    }

    @Test
    void editDistance_matchesPublishedExamples() {
        // the classic examples of Levenshtein distance
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(2, Suggestions.distance("flaw", "lawn"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "abcd"));
    }

    @Test
    void suggestions_areCloseNamesClosestFirst() {
        List<String> known = List.of("fakesink", "filesink", "filesrc", "identity", "testsrc");
        // fakesnk is 1 edit from fakesink, 3 from filesink: beyond the budget of 2 for 7 letters
        assertEquals(List.of("fakesink"), Suggestions.closeTo("fakesnk", known));
        // fliesink is 2 edits from both: equally close, alphabetical
        assertEquals(List.of("fakesink", "filesink"), Suggestions.closeTo("fliesink", known));
        assertEquals(List.of("filesrc", "testsrc"), Suggestions.closeTo("src", known));
        assertEquals(List.of(), Suggestions.closeTo("videoconvert", known));
    }

    @Test
    void quoting_isReadBackByTheLexer() {
        for (String value : List.of("plain", "", "a b", "x!y", "say \"hi\"", "it's", "back\\slash", "tab\there")) {
            String text = "filesrc location=" + CanonicalText.quoted(value);
            assertEquals(
                    value,
                    PipelineParser.parse(text)
                            .elements()
                            .getFirst()
                            .properties()
                            .get("location"),
                    text);
        }
        assertEquals("plain", CanonicalText.quoted("plain"));
    }
}
