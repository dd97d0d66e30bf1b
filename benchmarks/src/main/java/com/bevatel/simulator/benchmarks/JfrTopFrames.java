package com.bevatel.simulator.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples ({@code jdk.ExecutionSample}): the hottest methods by
 * self time (top frame), by total time (anywhere on the stack, counted once per sample), and the
 * simulator's own methods by total time. What {@code jfr print --events jdk.ExecutionSample}
 * prints, folded into a table. Then the allocation samples ({@code jdk.ObjectAllocationSample},
 * by sampled weight): which classes are allocated, and from which simulator methods.
 *
 * <pre>java -cp benchmarks.jar com.bevatel.simulator.benchmarks.JfrTopFrames recording.jfr [top=25]</pre>
 */
public final class JfrTopFrames {
    private JfrTopFrames() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Long> allocatedClasses = new HashMap<>();
        Map<String, Long> allocatingMethods = new HashMap<>();
        long allocated = 0;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                long weight = event.getLong("weight");
                allocated += weight;
                allocatedClasses.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String name = name(frame.getMethod());
                    if (name.startsWith("com.bevatel.simulator.") && seen.add(name)) {
                        allocatingMethods.merge(name, weight, Long::sum);
                    }
                }
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples (jdk.ExecutionSample)%n", samples);
        print("self (top frame)", self, samples, top, name -> true);
        print("total (on stack)", total, samples, top, name -> true);
        print("total, simulator code only", total, samples, top, name -> name.startsWith("com.bevatel.simulator."));
        if (allocated > 0) {
            System.out.printf(Locale.ROOT, "%n%,d MiB allocated (sampled weight)%n", allocated >> 20);
            printWeights("allocated classes", allocatedClasses, allocated, top);
            printWeights("allocated under simulator methods (on stack)", allocatingMethods, allocated, top);
        }
    }

    private static void printWeights(String title, Map<String, Long> weights, long all, int top) {
        System.out.println();
        System.out.println("== " + title);
        weights.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / all,
                        e.getKey().replace("com.bevatel.simulator.shaded.", "")));
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName().replace("com.bevatel.simulator.shaded.", "");
        return type + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top,
                              java.util.function.Predicate<String> filter) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet().stream().filter(e -> filter.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
