package dev.kdpc;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Shared test fixtures. The bundled rules are compiled once per test JVM (a compile costs seconds);
 * every test class shares that one thread-safe {@link Checker}.
 */
public final class TestSupport {
  private TestSupport() {}

  private static volatile Checker bundled;
  private static final ProfileReader READER = new ProfileReader();

  /** The checker with the bundled rules, compiled on first use. */
  public static Checker checker() {
    Checker c = bundled;
    if (c == null) {
      synchronized (TestSupport.class) {
        c = bundled;
        if (c == null) bundled = c = Checker.withBundledRules();
      }
    }
    return c;
  }

  public static ProfileReader reader() {
    return READER;
  }

  /** Reads a profile from YAML text, named {@code name}. */
  public static Profile profile(String name, String yaml) {
    return READER.read(name, yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The repository's top folder (the Maven base directory). */
  public static Path root() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  }

  /**
   * A copy of the bundled rules in {@code dir} with {@code body} put before TBA-22-7's consequence (a
   * trusted folder's rule that loops, sleeps or fires again, for the time-limit and server tests).
   */
  public static Path rulesWithTba227Prefixed(Path dir, String body) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(root().resolve("rules"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
        String drl = java.nio.file.Files.readString(f, StandardCharsets.UTF_8);
        if (f.getFileName().toString().equals("tba-service-stability.drl")) {
          String chain = "  insert(Assessment.designation(kcontext, $s)\n      .atLeast(\"users.daily_average_kr\"";
          if (!drl.contains(chain)) throw new IllegalStateException("TBA-22-7's consequence is not where the tests expect it");
          drl = drl.replace(chain, "  " + body + "\n" + chain);
        }
        java.nio.file.Files.writeString(dir.resolve(f.getFileName()), drl, StandardCharsets.UTF_8);
      }
    }
    return dir;
  }
}
