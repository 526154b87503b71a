package dev.parallax.core.internal.pipeline.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits pipeline text into links ({@code !}), words (an element or a reference such as {@code t.} or {@code
 * t.src_1}) and properties ({@code key=value}). A value is either unquoted, running to the next whitespace or
 * {@code !}, or enclosed in double or single quotes, inside which a backslash escapes the quote and itself.
 */
final class Lexer {
    /** What a token is. */
    enum Kind {
        LINK,
        WORD,
        PROPERTY
    }

    /**
     * One token.
     *
     * @param kind what it is
     * @param text the word, or the property's key
     * @param value the property's value, unquoted and unescaped; {@code null} for other tokens
     * @param position where the token starts
     * @param valuePosition where the property's value starts, or -1
     */
    record Token(Kind kind, String text, String value, int position, int valuePosition) {}

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}. */
    static List<Token> tokens(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                return tokens;
            }
            char c = text.charAt(at);
            if (c == '!') {
                tokens.add(new Token(Kind.LINK, "!", null, at++, -1));
            } else if (c == '"' || c == '\'') {
                throw TextErrors.syntax(
                        text, at, "unexpected quote: quotes only enclose property values (key=\"a b\")");
            } else if (c == '=') {
                throw TextErrors.syntax(text, at, "'=' needs a property name before it (key=value)");
            } else {
                tokens.add(word());
            }
        }
    }

    private Token word() {
        int start = at;
        while (at < text.length() && !ends(text.charAt(at)) && text.charAt(at) != '=' && !quote(text.charAt(at))) {
            at++;
        }
        String word = text.substring(start, at);
        if (at < text.length() && quote(text.charAt(at))) {
            throw TextErrors.syntax(
                    text,
                    at,
                    "unexpected quote after '" + word + "': quotes only enclose whole"
                            + " property values (key=\"a b\")");
        }
        if (at == text.length() || text.charAt(at) != '=') {
            return new Token(Kind.WORD, word, null, start, -1);
        }
        at++; // the '='
        int valueStart = at;
        if (at == text.length() || ends(text.charAt(at))) {
            throw TextErrors.syntax(
                    text,
                    valueStart,
                    "property '" + word + "' has no value: write " + word + "=value, or " + word
                            + "=\"\" for empty text");
        }
        String value = quote(text.charAt(at)) ? quoted() : unquoted();
        return new Token(Kind.PROPERTY, word, value, start, valueStart);
    }

    private String unquoted() {
        int start = at;
        while (at < text.length() && !ends(text.charAt(at))) {
            if (quote(text.charAt(at))) {
                throw TextErrors.syntax(
                        text, at, "a quote inside an unquoted value: quote the whole value (key=\"a b\")");
            }
            at++;
        }
        return text.substring(start, at);
    }

    private String quoted() {
        int open = at;
        char quote = text.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at == text.length()) {
                throw TextErrors.syntax(text, open, "the value that starts here has no closing " + quote);
            }
            char c = text.charAt(at++);
            if (c == quote) {
                break;
            }
            if (c == '\\' && at < text.length() && (text.charAt(at) == quote || text.charAt(at) == '\\')) {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        if (at < text.length() && !ends(text.charAt(at))) {
            throw TextErrors.syntax(text, at, "expected whitespace or '!' after the closing " + quote);
        }
        return value.toString();
    }

    private static boolean ends(char c) {
        return Character.isWhitespace(c) || c == '!';
    }

    private static boolean quote(char c) {
        return c == '"' || c == '\'';
    }
}
