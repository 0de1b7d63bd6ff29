package dev.kdpc.render;

import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes a report in one format. Implementations are stateless and thread-safe. */
public interface Renderer {
  /** The format's name, as given to {@code --format}. */
  String name();

  /** Writes the report with {@code options} (e.g. the language); formats without options ignore them. */
  void render(Report report, Writer out, RenderOptions options) throws IOException;

  /**
   * Writes the report to {@code out} as UTF-8, leaving it open: the same bytes as
   * {@link #render(Report, Writer, RenderOptions)} encoded. A format that can write bytes itself (JSON)
   * overrides this, so that a large report is not made as characters first and encoded after.
   */
  default void renderUtf8(Report report, OutputStream out, RenderOptions options) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    render(report, w, options);
    w.flush();
  }

  /** Writes the report with the default options (English). */
  default void render(Report report, Writer out) throws IOException {
    render(report, out, RenderOptions.DEFAULT);
  }
}
