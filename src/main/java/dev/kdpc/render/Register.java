package dev.kdpc.render;

import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.ProfileReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The register at the end of the memo (Markdown and HTML): every obligation and prohibition found, across
 * profiles, in report order. Its rows are gathered as the profiles pass, written out in the memo's format
 * and kept in a {@link Spill} until the tail. A register of several profiles has a profile column, one
 * of a single profile has none: so the first profile's rows wait as they are until a second profile
 * comes (or the report ends).
 */
final class Register implements Closeable {
  /** One row: a duty or ban of a profile. */
  record Row(String profile, Finding finding) {}

  /** A row in the memo's format, with the profile column when {@code many}. */
  interface Format {
    String row(Row row, boolean many);
  }

  private final Format format;
  private final Spill spill = new Spill();
  private List<Row> first = List.of();
  private int profiles;
  private long rows;

  Register(Format format) {
    this.format = format;
  }

  /** A profile's section of the memo. */
  interface Section {
    void write(StringBuilder b, ProfileReport p);
  }

  /** The memo's tail: the register written out, then whatever closes the document. */
  interface Tail {
    void write(Writer out, Register register) throws IOException;
  }

  /** The stream of a memo: each profile's section as it comes (its rows kept here), then the tail. */
  Renderer.Stream stream(Writer out, Section section, Tail tail) {
    return new Renderer.Stream() {
      @Override
      public void part(ProfileReport p) throws IOException {
        StringBuilder b = new StringBuilder();
        section.write(b, p);
        out.write(b.toString());
        add(p);
      }

      @Override
      public void finish() throws IOException {
        tail.write(out, Register.this);
      }

      @Override
      public void close() throws IOException {
        Register.this.close();
      }
    };
  }

  void add(ProfileReport p) throws IOException {
    List<Row> of = p.findings().stream().filter(f -> f.kind() != Kind.DESIGNATION).map(f -> new Row(p.source(), f)).toList();
    profiles++;
    rows += of.size();
    if (profiles == 1) {
      first = of;
      return;
    }
    if (profiles == 2) {
      for (Row r : first) spill.write(format.row(r, true));
      first = List.of();
    }
    for (Row r : of) spill.write(format.row(r, true));
  }

  /** Whether the register is of several profiles (and has a profile column). */
  boolean many() {
    return profiles > 1;
  }

  boolean isEmpty() {
    return rows == 0;
  }

  /** Writes the rows, in report order. */
  void writeRows(Writer out) throws IOException {
    if (many()) {
      spill.copyTo(out);
    } else {
      for (Row r : first) out.write(format.row(r, false));
    }
  }

  @Override
  public void close() throws IOException {
    spill.close();
  }
}
