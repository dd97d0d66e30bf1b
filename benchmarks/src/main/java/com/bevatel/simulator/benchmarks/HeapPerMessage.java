package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Target: heap per stored message (100-character content) ≤ 1 KiB, and millions of messages in a
 * default heap. Method: one conversation; the retained heap after a full GC is read before and
 * after adding messages in steps; the difference over the count is the cost per message (every
 * table, index and child list included). The live class histogram at the end says where it goes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bevatel.simulator.benchmarks.HeapPerMessage [messages=1000000] [steps=4]</pre>
 */
public final class HeapPerMessage {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapPerMessage() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(Locale.ROOT, "max heap %d MiB (%s)%n", Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (BevatelSimulator sim = Workload.startSimulator()) {
            StateFiller.conversations(sim, 1);
            long baseline = retainedHeap();
            int stored = 0;
            for (int step = 1; step <= steps; step++) {
                int target = (int) ((long) total * step / steps);
                long started = System.nanoTime();
                StateFiller.messages(sim, 1, target - stored);
                long fillMillis = (System.nanoTime() - started) / 1_000_000;
                stored = target;
                long retained = retainedHeap();
                System.out.printf(Locale.ROOT, "%,10d messages: retained %,6d MiB, %,5d bytes/message (filled in %,d ms)%n",
                        stored, retained >> 20, (retained - baseline) / stored, fillMillis);
            }
            System.out.println("live objects by class (top 20):");
            histogram().lines().limit(23).forEach(System.out::println);
        }
    }

    private static long retainedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
    }
}
