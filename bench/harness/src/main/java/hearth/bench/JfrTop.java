package hearth.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/jfr-top FILE.jfr [FILTER]: where the CPU samples of a Hearth recording (bench/run
 * --profile) went. Only samples whose stack has a frame containing FILTER (e.g.
 * InstallationApiController, TokenEndpoint) count. Prints the top methods by self time, the top
 * by total time (anywhere in the stack), and the top Hearth frames (hearth.*) by total time.
 */
public final class JfrTop {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: bench/jfr-top FILE.jfr [FILTER] [N]");
            System.exit(2);
        }
        String filter = args.length > 1 ? args[1] : "";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> hearth = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (!filter.isEmpty() && frames.stream().noneMatch(f -> name(f).contains(filter))) {
                continue;
            }
            samples++;
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String m = name(f);
                if (seen.add(m)) {
                    total.merge(m, 1, Integer::sum);
                    if (m.startsWith("hearth.")) {
                        hearth.merge(m, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%d samples%s%n", samples, filter.isEmpty() ? "" : " with " + filter + " on the stack");
        print("self", self, samples, n);
        print("total (anywhere on the stack)", total, samples, n);
        print("Hearth frames, total", hearth, samples, n);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int n) {
        System.out.println("\n-- " + title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n).forEach(e ->
                System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
