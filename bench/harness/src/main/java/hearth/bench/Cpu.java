package hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU accounting from /proc, so every row says how many cores the server, wrk and everything
 * else on the machine used while it was measured: a figure taken while other work ran is marked.
 */
final class Cpu {
    /** Linux's USER_HZ: /proc counts CPU time in 1/100 s everywhere it runs. */
    private static final double TICKS = 100.0;

    private Cpu() {
    }

    /** Busy ticks of the whole machine (all CPUs): user, nice, system, irq, softirq, steal. */
    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                if (i < f.length) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a process and its descendants (Keycloak runs under a shell), in ticks. */
    static long process(long pid) {
        long total = single(pid);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            for (ProcessHandle h : handle.get().descendants().toList()) {
                total += single(h.pid());
            }
        }
        return total;
    }

    /** utime + stime of one process (all its threads), in ticks; 0 when it is gone. */
    static long single(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ... utime=11 stime=12
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU ticks of the PostgreSQL backends serving database {@code name} (their title names it). */
    static long postgres(String name) {
        if (name == null) {
            return 0;
        }
        long total = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.toList()) {
                String pid = d.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline")));
                    if (cmd.startsWith("postgres:") && cmd.contains(" " + name + " ")) {
                        total += single(Long.parseLong(pid));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    static double cores(long ticks, double seconds) {
        return seconds <= 0 ? 0 : ticks / TICKS / seconds;
    }

    /** Cores the whole machine kept busy over {@code millis}, the server included. */
    static double machineOver(long millis) throws InterruptedException {
        long m0 = machineBusy();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return cores(machineBusy() - m0, (System.nanoTime() - t0) / 1e9);
    }
}
