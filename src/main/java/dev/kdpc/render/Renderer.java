package dev.kdpc.render;

import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a report in one format. Implementations are stateless and thread-safe; the state of one report
 * being written lives in its {@link Stream}.
 *
 * <p>Every report is written the same way, whether it is whole in memory or streamed from a folder run:
 * {@link #open} writes the head, {@link Stream#part} each profile's part in order, {@link Stream#finish}
 * the tail. {@link #render(Report, Writer, RenderOptions)} is exactly that, over the report's profiles.
 * A format whose head needs what only the parts tell (the JUnit totals, the SARIF rules list) or whose
 * tail gathers the parts (the register of the memo) keeps what it needs in a {@link Spill} file, so a
 * stream holds at most one profile in memory whatever the number of profiles.
 */
public interface Renderer {
  /** The format's name, as given to {@code --format}. */
  String name();

  /**
   * Starts a report with {@code header}'s tool, date, scenario, regimes, rules digest and notices (its
   * profiles are not read: they come one by one through {@link Stream#part}).
   */
  Stream open(Report header, Writer out, RenderOptions options) throws IOException;

  /**
   * As {@link #open(Report, Writer, RenderOptions)}, to {@code out} as UTF-8, which {@link Stream#finish}
   * flushes and leaves open. A format that can write bytes itself (JSON) overrides this, so that a large
   * report is not made as characters first and encoded after.
   */
  default Stream openUtf8(Report header, OutputStream out, RenderOptions options) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    Stream s = open(header, w, options);
    return new Stream() {
      @Override
      public void part(ProfileReport p) throws IOException {
        s.part(p);
      }

      @Override
      public void finish() throws IOException {
        s.finish();
        w.flush();
      }

      @Override
      public void close() throws IOException {
        s.close();
      }
    };
  }

  /** One report being written. Not thread-safe: one thread writes a report. */
  interface Stream extends Closeable {
    /** Writes the next profile's part. */
    void part(ProfileReport p) throws IOException;

    /** Writes the tail; the report is then complete. */
    void finish() throws IOException;

    /** Releases what the stream holds (its spill files), finished or not; writes nothing. */
    @Override
    default void close() throws IOException {}
  }

  /** Writes the whole report: {@link #open}, a part per profile, {@link Stream#finish}. */
  default void render(Report report, Writer out, RenderOptions options) throws IOException {
    try (Stream s = open(header(report), out, options)) {
      for (ProfileReport p : report.profiles()) s.part(p);
      s.finish();
    }
  }

  /** As {@link #render(Report, Writer, RenderOptions)}, to {@code out} as UTF-8, leaving it open. */
  default void renderUtf8(Report report, OutputStream out, RenderOptions options) throws IOException {
    try (Stream s = openUtf8(header(report), out, options)) {
      for (ProfileReport p : report.profiles()) s.part(p);
      s.finish();
    }
  }

  /** Writes the report with the default options (English). */
  default void render(Report report, Writer out) throws IOException {
    render(report, out, RenderOptions.DEFAULT);
  }

  /** {@code report} without its profiles: what {@link #open} is given. */
  static Report header(Report report) {
    return new Report(report.tool(), report.asOf(), report.scenario(), report.regimes(), report.rulesDigest(), List.of(), report.notices());
  }
}
