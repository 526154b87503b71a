package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.PadTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The pads of one element in one direction, as links claim them: which are linked and to what, which a link
 * without a pad name takes next, and, once every link is in, each pad's number.
 *
 * <p>A link without a pad name takes the first template in order that has a free pad: an {@link
 * PadTemplate.Presence#ALWAYS} pad not yet linked, or a request template's lowest free number. Pads are numbered
 * per direction in template order, a request template counting as many pads as it has links.
 */
final class PadTable {
    /**
     * A pad of this table.
     *
     * @param template its template's index among this direction's templates
     * @param number its request number ({@code src_3} is 3), or -1 for an always pad
     * @param name its name
     */
    record Pad(int template, int number, String name) {}

    private final List<PadTemplate> templates;
    private final String[] always;
    private final List<TreeMap<Integer, String>> requested = new ArrayList<>();

    PadTable(ElementDescription description, PadTemplate.Direction direction) {
        this.templates = description.pads(direction);
        this.always = new String[templates.size()];
        for (PadTemplate template : templates) {
            requested.add(template.presence() == PadTemplate.Presence.REQUEST ? new TreeMap<>() : null);
        }
    }

    /** The pad a link without a pad name would take now, or {@code null} when every pad is linked. */
    Pad next() {
        for (int i = 0; i < templates.size(); i++) {
            if (requested.get(i) != null) {
                int number = 0;
                while (requested.get(i).containsKey(number)) {
                    number++;
                }
                return new Pad(i, number, prefix(i) + number);
            }
            if (always[i] == null) {
                return new Pad(i, -1, templates.get(i).name());
            }
        }
        return null;
    }

    /** The pad called {@code name} ({@code src}, {@code src_2}), or {@code null} when there is none such. */
    Pad named(String name) {
        for (int i = 0; i < templates.size(); i++) {
            if (requested.get(i) == null) {
                if (templates.get(i).name().equals(name)) {
                    return new Pad(i, -1, name);
                }
                continue;
            }
            String digits =
                    name.startsWith(prefix(i)) ? name.substring(prefix(i).length()) : "";
            // canonical numbers only (src_1, not src_01), and at most 9 digits so that they fit an int
            if (digits.matches("0|[1-9][0-9]{0,8}")) {
                return new Pad(i, Integer.parseInt(digits), name);
            }
        }
        return null;
    }

    /** The element the pad is linked to, or {@code null} while it is free. */
    String peer(Pad pad) {
        return pad.number() < 0
                ? always[pad.template()]
                : requested.get(pad.template()).get(pad.number());
    }

    /** Links {@code pad} to the element {@code peer}. */
    void claim(Pad pad, String peer) {
        if (pad.number() < 0) {
            always[pad.template()] = peer;
        } else {
            requested.get(pad.template()).put(pad.number(), peer);
        }
    }

    /** The template names, for messages: {@code src, src_%u}; {@code none} when there are none. */
    String describe() {
        return templates.isEmpty()
                ? "none"
                : String.join(", ", templates.stream().map(PadTemplate::name).toList());
    }

    /**
     * What is wrong once every link is in, or {@code null}: an always pad not linked, a request template with no
     * link, or request numbers with a gap.
     *
     * @param direction {@code input} or {@code output}, for the message
     */
    String incomplete(String direction) {
        for (int i = 0; i < templates.size(); i++) {
            String name = templates.get(i).name();
            if (requested.get(i) == null) {
                if (always[i] == null) {
                    return direction + " pad " + name + " is not linked";
                }
                continue;
            }
            TreeMap<Integer, String> numbers = requested.get(i);
            if (numbers.isEmpty()) {
                return direction + " request pads " + name + " have no link: link at least one";
            }
            if (numbers.lastKey() != numbers.size() - 1) {
                int missing = 0;
                while (numbers.containsKey(missing)) {
                    missing++;
                }
                return direction + " pad " + prefix(i) + numbers.lastKey() + " is linked but " + prefix(i) + missing
                        + " is not: number request pads from 0 without gaps";
            }
        }
        return null;
    }

    /** The number of a pad once every link is in: its place among this direction's pads. */
    int number(Pad pad) {
        int number = 0;
        for (int i = 0; i < pad.template(); i++) {
            number += requested.get(i) == null ? 1 : requested.get(i).size();
        }
        return number + Math.max(0, pad.number());
    }

    /** How many pads there are once every link is in. */
    int count() {
        return number(new Pad(templates.size(), -1, ""));
    }

    /** The template of the pad numbered {@code number}. */
    PadTemplate template(int number) {
        int first = 0;
        for (int i = 0; i < templates.size(); i++) {
            int pads = requested.get(i) == null ? 1 : requested.get(i).size();
            if (number < first + pads) {
                return templates.get(i);
            }
            first += pads;
        }
        throw new IndexOutOfBoundsException("No pad numbered " + number + " among " + first);
    }

    private String prefix(int template) {
        String name = templates.get(template).name();
        return name.substring(0, name.length() - "%u".length());
    }
}
