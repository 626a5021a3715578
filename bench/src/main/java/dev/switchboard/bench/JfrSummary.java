package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the server for the report: where the CPU samples are (top frame, and
 * Switchboard methods inclusive of what they call) and what is allocated (by class and by the first
 * Switchboard frame allocating it). Usage: {@code JfrSummary <recording.jfr>}.
 */
public final class JfrSummary {
    private static final int TOP = 12;

    private JfrSummary() {}

    public static void main(String[] args) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Map<String, Double> selfTime = new HashMap<>();
        Map<String, Double> inclusive = new HashMap<>();
        Map<String, Double> allocatedClass = new HashMap<>();
        Map<String, Double> allocationSite = new HashMap<>();
        Map<String, Double> counts = new HashMap<>();
        int samples = 0;
        double allocated = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            counts.merge(type, 1.0, Double::sum);
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                selfTime.merge(method(frames.get(0)), 1.0, Double::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (method.startsWith("dev.switchboard") && seen.add(method)) {
                        inclusive.merge(method, 1.0, Double::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                double weight = event.getLong("weight");
                allocated += weight;
                allocatedClass.merge(event.getClass("objectClass").getName(), weight, Double::sum);
                allocationSite.merge(frames.stream().map(JfrSummary::method)
                        .filter(m -> m.startsWith("dev.switchboard")).findFirst().orElse("(outside Switchboard)"),
                        weight, Double::sum);
            }
        }
        System.out.printf("%d CPU samples of Java code; %.0f thread parks; %.0f samples in native code%n", samples,
                counts.getOrDefault("jdk.ThreadPark", 0.0), counts.getOrDefault("jdk.NativeMethodSample", 0.0));
        print("CPU, top frame", selfTime, samples);
        print("CPU, Switchboard methods inclusive of callees", inclusive, samples);
        System.out.printf("allocated (sampled weight): %.2f GiB%n", allocated / (1L << 30));
        print("allocation by class", allocatedClass, allocated);
        print("allocation by first Switchboard frame", allocationSite, allocated);
    }

    private static void print(String title, Map<String, Double> values, double total) {
        System.out.println("-- " + title);
        values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
