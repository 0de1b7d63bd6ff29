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
}
