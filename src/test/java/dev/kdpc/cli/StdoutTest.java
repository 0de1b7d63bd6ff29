package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write to the standard output is checked: a failure is one line on standard error and exit 4,
 * whatever the command would have returned (0, 1 for a violation, 2 for a bad profile). The subprocess
 * cases ({@code > /dev/full}, a closed pipe, {@code ulimit -f}) are in {@code OutputIT}.
 */
class StdoutTest {
  private static final String FULL = "kdpc: error: cannot write the report to standard output: No space left on device\n";

  /** A standard output that takes {@code room} bytes, then fails as a full disk does. */
  private static final class Full extends OutputStream {
    private final int room;
    private int written;
    private int failures;

    Full(int room) {
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > room) {
        failures++;
        throw new IOException("No space left on device");
      }
      written += len;
    }
  }

  private record Run(int code, String err, int failures) {}

  private static Run run(int room, String... args) {
    Full full = new Full(room);
    StringWriter err = new StringWriter();
    int code = Main.run(args, new Stdout(full), new PrintWriter(err));
    return new Run(code, err.toString(), full.failures);
  }

  private static void failsWithExit4(Run r) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OUTPUT.code);
    assertThat(r.err()).isEqualTo(FULL);
    assertThat(r.failures()).as("the command stops at the first failed write").isEqualTo(1);
  }

  @Test
  void everyFormatOfCheckFailsWithExit4WhenNothingCanBeWritten() {
    for (String format : dev.kdpc.render.Renderers.names()) {
      failsWithExit4(run(0, "check", "--format", format, "--as-of", "2026-06-30", "samples/portal-search.yaml"));
    }
  }

  @Test
  void aWriteThatFailsHalfWayThroughAStreamedFolderReportFailsWithExit4() {
    for (int room : List.of(1, 100, 5_000)) {
      failsWithExit4(run(room, "check", "--format", "json", "--as-of", "2026-06-30", "samples"));
      failsWithExit4(run(room, "check", "--format", "text", "--as-of", "2026-06-30", "samples"));
    }
  }

  @Test
  void theWriteErrorWinsOverAViolationAndOverABadProfile() {
    // exit 1 (a violation) with a working standard output
    assertThat(run(Integer.MAX_VALUE, "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "samples/appstore-billing.yaml").code())
        .isEqualTo(ExitCode.FINDINGS.code);
    failsWithExit4(run(10, "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "samples/appstore-billing.yaml"));
    Run bad = run(10, "check", "--as-of", "2026-06-30", "samples/portal-search.yaml", "no-such-profile.yaml");
    assertThat(bad.code()).isEqualTo(ExitCode.OUTPUT.code);
    assertThat(bad.err()).endsWith(FULL);
  }

  @Test
  void everyCommandThatPrintsChecksItsWrites() {
    failsWithExit4(run(10, "rules"));
    failsWithExit4(run(10, "rules", "--format", "json"));
    failsWithExit4(run(10, "rules", "--format", "markdown"));
    failsWithExit4(run(10, "schema"));
    failsWithExit4(run(10, "validate", "samples"));
    failsWithExit4(run(10, "explain", "MRFTA-6-1-V2024"));
    failsWithExit4(run(10, "explain", "MRFTA-6-1-V2024", "--profile", "samples/portal-search.yaml"));
    failsWithExit4(run(10, "diff", "samples/portal-search.yaml", "samples/portal-search.yaml"));
    failsWithExit4(run(10, "check", "--compare-scenarios", "--as-of", "2026-06-30", "samples/portal-search.yaml"));
    failsWithExit4(run(10, "--help"));
    failsWithExit4(run(10, "--version"));
  }

  @Test
  void aReportThatFitsIsWrittenWholeWithExit0() {
    Run r = run(Integer.MAX_VALUE, "check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.failures()).isZero();
  }

  /** A program that runs the command line with a writer of its own: the writer's error flag is checked at the end. */
  @Test
  void aPlainWriterThatFailsIsExit4Too() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] c, int off, int len) throws IOException {
        throw new IOException("gone");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml"},
        new PrintWriter(broken), new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCode.OUTPUT.code);
    assertThat(err.toString()).isEqualTo("kdpc: error: cannot write the report to standard output: an I/O error\n");
  }
}
