package dev.kdpc.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of {@code kdpc impact --format json}, contract {@link Impact#CONTRACT}:
 * the resource {@value #RESOURCE}, printed by {@code kdpc schema impact}.
 */
public final class ImpactSchema {
  public static final String RESOURCE = "/dev/kdpc/impact/impact.schema.json";

  private ImpactSchema() {}

  public static String text() {
    try (InputStream in = ImpactSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("the impact schema " + RESOURCE + " is missing from the build");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
