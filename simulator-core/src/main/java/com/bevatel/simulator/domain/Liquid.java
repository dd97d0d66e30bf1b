package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The part of Liquid that Chatwoot's message templates use (app/models/concerns/liquidable.rb), written out by hand:
 * {@code {{ variable.path }}} output with the filters {@code default}, {@code upcase},
 * {@code downcase}, {@code capitalize} and {@code strip} (unknown filters are ignored, as in
 * Liquid's lax mode), {@code {{-}} / {@code -}}} whitespace control, and text inside backticks left
 * alone. Unknown variables render empty. Anything this renderer cannot take — an unterminated
 * <code>&#123;&#123;</code>, or any {@code {% tag %}} — leaves the whole text unchanged, as invalid Liquid does.
 */
@API(status = INTERNAL)
public final class Liquid {
    private static final Pattern BACKTICKS = Pattern.compile("`(.*?)`", Pattern.DOTALL);
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][\\w-]*\\??");
    private static final Pattern BRACKET = Pattern.compile("\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Liquid() {
    }

    /** Whether {@code text} has anything for {@link #render} to do (without it, render returns it unchanged). */
    public static boolean hasMarkup(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /** Renders {@code template} against {@code variables} (nested maps of drops); see the class comment. */
    public static String render(String template, Map<String, ?> variables) {
        if (!hasMarkup(template)) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        Matcher code = BACKTICKS.matcher(template);
        int at = 0;
        while (code.find()) {
            if (!renderText(template.substring(at, code.start()), variables, out)) {
                return template;
            }
            out.append(code.group());
            at = code.end();
        }
        if (!renderText(template.substring(at), variables, out)) {
            return template;
        }
        return out.toString();
    }

    /** Appends the rendered text; false when it holds something this renderer does not accept. */
    private static boolean renderText(String text, Map<String, ?> variables, StringBuilder out) {
        if (text.contains("{%")) {
            return false;
        }
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                out.append(text, at, text.length());
                return true;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                return false;
            }
            String markup = text.substring(open + 2, close);
            String before = text.substring(at, open);
            if (markup.startsWith("-")) {
                before = before.stripTrailing();
                markup = markup.substring(1);
            }
            boolean trimAfter = markup.endsWith("-");
            if (trimAfter) {
                markup = markup.substring(0, markup.length() - 1);
            }
            out.append(before).append(output(markup, variables));
            at = close + 2;
            if (trimAfter) {
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
        }
    }

    private static String output(String markup, Map<String, ?> variables) {
        List<String> parts = splitOutsideQuotes(markup, '|');
        Object value = evaluate(parts.get(0).strip(), variables);
        for (String filter : parts.subList(1, parts.size())) {
            value = applyFilter(filter.strip(), value, variables);
        }
        return text(value);
    }

    private static Object applyFilter(String filter, Object input, Map<String, ?> variables) {
        int colon = filter.indexOf(':');
        String name = (colon < 0 ? filter : filter.substring(0, colon)).strip();
        List<String> args = colon < 0 ? List.of() : splitOutsideQuotes(filter.substring(colon + 1), ',');
        return switch (name) {
            case "default" -> blank(input) && !args.isEmpty() ? evaluate(args.get(0).strip(), variables) : input;
            case "upcase" -> text(input).toUpperCase(Locale.ROOT);
            case "downcase" -> text(input).toLowerCase(Locale.ROOT);
            case "capitalize" -> capitalize(text(input));
            case "strip" -> text(input).strip();
            default -> input;
        };
    }

    /** A quoted string, a number, true/false/nil, or a variable path such as {@code contact.custom_attribute.plan}. */
    private static Object evaluate(String expression, Map<String, ?> variables) {
        if (expression.length() >= 2 && (expression.startsWith("'") && expression.endsWith("'")
                || expression.startsWith("\"") && expression.endsWith("\""))) {
            return expression.substring(1, expression.length() - 1);
        }
        if (NUMBER.matcher(expression).matches()) {
            return new BigDecimal(expression);
        }
        switch (expression) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "nil", "null", "":
                return null;
            default:
                return lookup(expression, variables);
        }
    }

    private static Object lookup(String path, Map<String, ?> variables) {
        Object current = variables;
        int at = 0;
        while (at < path.length()) {
            String key;
            if (path.charAt(at) == '[') {
                Matcher bracket = BRACKET.matcher(path).region(at, path.length());
                if (!bracket.lookingAt()) {
                    return null;
                }
                key = bracket.group(1) != null ? bracket.group(1) : bracket.group(2);
                at = bracket.end();
            } else {
                if (at > 0) {
                    if (path.charAt(at) != '.') {
                        return null;
                    }
                    at++;
                }
                Matcher segment = SEGMENT.matcher(path).region(at, path.length());
                if (!segment.lookingAt()) {
                    return null;
                }
                key = segment.group();
                at = segment.end();
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static boolean blank(Object value) {
        return value == null || Boolean.FALSE.equals(value) || (value instanceof String s && s.isEmpty())
                || (value instanceof List<?> l && l.isEmpty());
    }

    /** How Liquid prints a value: nil empty, numbers as Ruby does, arrays joined. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.scale() <= 0 ? number.toPlainString() : number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue()) + ".0" : String.valueOf(d);
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            list.forEach(item -> joined.append(text(item)));
            return joined.toString();
        }
        if (value instanceof JsonNode node) {
            return node.isValueNode() ? node.asText() : node.toString();
        }
        return value.toString();
    }

    /** Ruby's {@code String#capitalize}: first character upper-case, the rest lower-case. */
    static String capitalize(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int first = s.offsetByCodePoints(0, 1);
        return s.substring(0, first).toUpperCase(Locale.ROOT) + s.substring(first).toLowerCase(Locale.ROOT);
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
