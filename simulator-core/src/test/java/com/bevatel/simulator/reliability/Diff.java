package com.bevatel.simulator.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The lines only in one of two texts, for failure messages about changed state. */
final class Diff {
    private Diff() {
    }

    static String lines(String before, String after) {
        Set<String> old = new LinkedHashSet<>(before.lines().toList());
        Set<String> now = new LinkedHashSet<>(after.lines().toList());
        List<String> out = new ArrayList<>();
        old.stream().filter(line -> !now.contains(line)).forEach(line -> out.add("- " + abbreviate(line)));
        now.stream().filter(line -> !old.contains(line)).forEach(line -> out.add("+ " + abbreviate(line)));
        return String.join("\n", out);
    }

    private static String abbreviate(String line) {
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
