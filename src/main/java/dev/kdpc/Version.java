package dev.kdpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kdpc version, from the build. */
public final class Version {
  private Version() {}

  private static final String VERSION = load();

  /** Where kdpc is described (SARIF's {@code informationUri}; the report schema's {@code $id} is under it). */
  public static final String HOME = "https://github.com/kdpc/kdpc";

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }

  /** E.g. {@code kdpc 0.1.0}. */
  public static String tool() {
    return "kdpc " + VERSION;
  }

  public static String number() {
    return VERSION;
  }
}
