package dev.kdpc.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the JSON report, contract version {@link Report#CONTRACT}: the
 * resource {@code dev/kdpc/report/report.schema.json}, printed by {@code kdpc schema report}. A test
 * validates every golden JSON report against it.
 */
public final class ReportSchema {
  /** The resource path of the schema. */
  public static final String RESOURCE = "/dev/kdpc/report/report.schema.json";

  private ReportSchema() {}

  /** The schema's text. */
  public static String text() {
    try (InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("the report schema " + RESOURCE + " is missing from the build");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
