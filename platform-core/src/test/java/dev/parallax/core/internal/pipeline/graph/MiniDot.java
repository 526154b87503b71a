package dev.parallax.core.internal.pipeline.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the DOT that {@link PlanRenderer} writes, after the Graphviz grammar (graph, attribute, node and
 * edge statements; identifiers, numerals and quoted strings with {@code \"}); it also reads record labels, checking
 * that their braces balance and collecting their ports.
 */
final class MiniDot {
    /** A node's attributes and, for a record, its ports. */
    record Node(Map<String, String> attributes, List<String> ports) {}

    /** An edge from node:port to node:port. */
    record Edge(String from, String fromPort, String to, String toPort, Map<String, String> attributes) {}

    /** The graph read. */
    record Graph(String name, Map<String, String> attributes, Map<String, Node> nodes, List<Edge> edges) {}

    private final String text;
    private int at;

    private MiniDot(String text) {
        this.text = text;
    }

    static Graph parse(String text) {
        return new MiniDot(text).graph();
    }

    private Graph graph() {
        keyword("digraph");
        String name = id();
        expect("{");
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        while (!peek("}")) {
            String first = id();
            if (peek("=")) {
                expect("=");
                attributes.put(first, id());
            } else if (first.equals("node") || first.equals("edge") || first.equals("graph")) {
                attributes(); // defaults
            } else {
                String port = peek(":") ? port() : null;
                if (peek("->")) {
                    expect("->");
                    String to = id();
                    String toPort = peek(":") ? port() : null;
                    edges.add(new Edge(first, port, to, toPort, peek("[") ? attributes() : Map.of()));
                } else {
                    Map<String, String> own = peek("[") ? attributes() : Map.of();
                    nodes.put(first, new Node(own, ports(own.getOrDefault("label", ""))));
                }
            }
            if (peek(";")) {
                expect(";");
            }
        }
        expect("}");
        space();
        if (at != text.length()) {
            throw error("trailing text");
        }
        return new Graph(name, attributes, nodes, edges);
    }

    private String port() {
        expect(":");
        return id();
    }

    private Map<String, String> attributes() {
        expect("[");
        Map<String, String> attributes = new LinkedHashMap<>();
        while (!peek("]")) {
            String key = id();
            expect("=");
            attributes.put(key, id());
            if (peek(",") || peek(";")) {
                at++;
            }
        }
        expect("]");
        return attributes;
    }

    /** The ports ({@code <name>}) of a record label, checking its braces and escapes. */
    private List<String> ports(String label) {
        List<String> ports = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    throw error("unbalanced '}' in label " + label);
                }
            } else if (c == '<') {
                int end = label.indexOf('>', i);
                ports.add(label.substring(i + 1, end));
                i = end;
            } else if (c == '>') {
                throw error("stray '>' in label " + label);
            }
        }
        if (depth != 0) {
            throw error("unbalanced '{' in label " + label);
        }
        return ports;
    }

    private String id() {
        space();
        if (at < text.length() && text.charAt(at) == '"') {
            StringBuilder value = new StringBuilder();
            at++;
            while (true) {
                if (at == text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length() && text.charAt(at) == '"') {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw error("expected an identifier or a quoted string");
        }
        return text.substring(start, at);
    }

    private void keyword(String word) {
        if (!id().equals(word)) {
            throw error("expected " + word);
        }
    }

    private boolean peek(String token) {
        space();
        return text.startsWith(token, at);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw error("expected '" + token + "'");
        }
        at += token.length();
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("DOT error at " + at + ": " + what + " in\n" + text);
    }
}
