import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How kdpc refuses hostile profiles: wall time and heap, in process. Run by bench/hostile-inputs.sh:
 *   java -Xmx64m -cp target/kdpc.jar bench/HostileInputBench.java make DIR      (writes the inputs)
 *   java -Xmx64m -cp target/kdpc.jar bench/HostileInputBench.java measure DIR   (reads each 6 times)
 * Peak heap is the sum of the heap pools' peaks during the read, after a GC and a peak reset: an upper
 * bound of what the read kept live at once.
 */
public class HostileInputBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("make")) make(dir);
    else measure(dir);
  }

  static void make(Path dir) throws IOException {
    Files.createDirectories(dir);
    // 100 MB of plausible YAML (not a sparse file): one service after another.
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("big-100mb.yaml"), StandardCharsets.UTF_8)) {
      w.write("kdpc: 1\nservices:\n");
      long n = 20;
      for (int i = 0; n < 100L * 1024 * 1024; i++) {
        String line = "  - { id: s" + i + ", category: video, market: { share: 0.01 } }\n";
        w.write(line);
        n += line.length();
      }
    }
    StringBuilder b = new StringBuilder("kdpc: 1\n");
    b.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) b.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      b.append("]\n");
    }
    Files.writeString(dir.resolve("billion-laughs.yaml"), b);
    // The worst inputs under the 1 MB limit that we know of (for context; they are read, not refused early).
    Files.writeString(dir.resolve("near-limit-comments.yaml"), "kdpc: 1\n" + ("#" + "x".repeat(99_990) + "\n").repeat(9));
    StringBuilder keys = new StringBuilder("kdpc: 1\ncompany:\n");
    for (int i = 0; keys.length() < 990_000; i++) keys.append("  k").append(i).append(": 1\n");
    Files.writeString(dir.resolve("near-limit-80k-keys.yaml"), keys);
    String row = "[" + "1,".repeat(999) + "1]";
    Files.writeString(dir.resolve("near-limit-490k-items.yaml"), "kdpc: 1\nx: [\n" + (row + ",\n").repeat(490) + row + "]\n");
    StringBuilder svc = new StringBuilder("kdpc: 1\nservices:\n");
    for (int i = 0; i < 200; i++) {
      svc.append("  - id: s").append(i).append("\n    category: video\n    market: { share: 0.").append(i % 10)
          .append(", leaders: [ { name: A, share: 0.5 }, { name: B, share: 0.3, self: true } ] }\n")
          .append("    users: { monthly_active_kr: 1_000_000, daily_average_kr: 900_000, business_users_kr: 5000 }\n")
          .append("    revenue_krw: { korea: 9_000_000_000, intermediation: 1_000_000_000 }\n    traffic_share_kr: 0.011\n");
    }
    Files.writeString(dir.resolve("valid-200-services.yaml"), svc);
  }

  static long heapPeakAfter(Runnable r) {
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) heap.add(p);
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    r.run();
    long peak = 0;
    for (MemoryPoolMXBean p : heap) peak += p.getPeakUsage().getUsed();
    return peak;
  }

  static void measure(Path dir) throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(inputs::add);
    }
    if (Files.exists(Path.of("/dev/zero"))) inputs.add(Path.of("/dev/zero"));
    ProfileReader reader = new ProfileReader();
    System.out.printf("%-28s %12s %10s %10s %12s  %s%n", "input", "size", "first ms", "median ms", "peak heap MB", "result");
    for (Path in : inputs) {
      double[] ms = new double[6];
      long[] peak = new long[6];
      String[] result = new String[1];
      for (int i = 0; i < ms.length; i++) {
        long[] t = new long[2];
        peak[i] = heapPeakAfter(() -> {
          t[0] = System.nanoTime();
          try {
            reader.read(in);
            result[0] = "accepted";
          } catch (ProfileException e) {
            result[0] = e.getMessage().replace(in.toString(), in.getFileName().toString());
          }
          t[1] = System.nanoTime();
        });
        ms[i] = (t[1] - t[0]) / 1e6;
      }
      double[] rest = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(rest);
      long maxPeak = Arrays.stream(peak).max().orElse(0);
      String size = in.toString().startsWith("/dev/") ? "endless" : String.valueOf(Files.size(in));
      System.out.printf("%-28s %12s %10.1f %10.1f %12.1f  %s%n", in.getFileName(), size, ms[0], rest[rest.length / 2], maxPeak / 1e6,
          result[0].length() > 150 ? result[0].substring(0, 150) + "..." : result[0]);
    }
    System.out.println("max heap (-Xmx): " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
  }
}
