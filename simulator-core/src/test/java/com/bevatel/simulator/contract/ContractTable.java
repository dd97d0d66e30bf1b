package com.bevatel.simulator.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the contract's line tables ({@code contract/*.txt}): whitespace-separated columns, {@code #} comments. */
final class ContractTable {
    private ContractTable() {
    }

    /** One table line: its columns and its line number. */
    record Line(int number, List<String> columns) {
    }

    static List<Line> read(String resource, int columns) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = ContractTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                int comment = text.indexOf('#');
                String content = (comment < 0 ? text : text.substring(0, comment)).strip();
                if (content.isEmpty()) {
                    continue;
                }
                List<String> parts = List.of(content.split("\\s+"));
                if (parts.size() != columns) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + columns + " columns: " + text);
                }
                lines.add(new Line(number, parts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * One line of {@code responses.txt}.
     *
     * @param methods upper-case methods, empty for any
     * @param route   a template, a {@code PREFIX/**} pattern, or {@link #UNROUTED}
     * @param schema  a schema file, {@link #EMPTY}, or {@link #NOT_JSON} for a route registered with
     *                {@code Router.raw} (it writes its own bytes, past the JSON handler and its observers)
     */
    record ResponseRule(int line, Set<String> methods, String route, int status, String schema) {
        static final String UNROUTED = "(unrouted)";
        static final String EMPTY = "-";
        static final String NOT_JSON = "(not-json)";

        static ResponseRule parse(Line line) {
            List<String> c = line.columns();
            Set<String> methods = c.get(0).equals("*") ? Set.of() : Set.of(c.get(0).split(","));
            return new ResponseRule(line.number(), methods, c.get(1), Integer.parseInt(c.get(2)), c.get(3));
        }

        /** Does this line cover a response? {@code route} is null when no route matched. */
        boolean matches(String method, String matchedRoute, int responseStatus) {
            if (status != responseStatus || (!methods.isEmpty() && !methods.contains(method))) {
                return false;
            }
            if (matchedRoute == null) {
                return route.equals(UNROUTED);
            }
            if (route.endsWith("/**")) {
                String prefix = route.substring(0, route.length() - 2);
                return matchedRoute.startsWith(prefix);
            }
            return route.equals(matchedRoute);
        }

        /** Does this line name a schema file (not an empty or non-JSON body)? */
        boolean hasSchemaFile() {
            return !schema.equals(EMPTY) && !schema.equals(NOT_JSON);
        }

        boolean wildcard() {
            return route.endsWith("/**") || route.equals(UNROUTED);
        }

        @Override
        public String toString() {
            return "responses.txt:" + line + " " + (methods.isEmpty() ? "*" : String.join(",", methods)) + " " + route
                    + " " + status + " " + schema;
        }
    }
}
