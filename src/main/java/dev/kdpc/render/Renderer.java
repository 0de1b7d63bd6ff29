package dev.kdpc.render;

import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Implementations are stateless and thread-safe. */
public interface Renderer {
  /** The format's name, as given to {@code --format}. */
  String name();

  /** Writes the report with {@code options} (e.g. the language); formats without options ignore them. */
  void render(Report report, Writer out, RenderOptions options) throws IOException;

  /** Writes the report with the default options (English). */
  default void render(Report report, Writer out) throws IOException {
    render(report, out, RenderOptions.DEFAULT);
  }
}
