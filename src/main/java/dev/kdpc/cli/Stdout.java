package dev.kdpc.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The standard output as {@link Main#main} hands it to the commands: a UTF-8 writer (picocli's help,
 * most reports), and the byte stream under it for a streamed report, which is rendered to UTF-8 bytes
 * by the workers and copied out as it is (flush this writer before writing bytes).
 *
 * <p>Every write is checked. A {@link PrintWriter} (and {@code System.out}, a {@code PrintStream})
 * swallows write errors; here the stream under the writer turns the first one into an
 * {@link OutputException}, which no {@code PrintWriter} catches, so the command stops at once, and
 * remembers it ({@link #failure}) so that {@link Main#run} exits 4 whatever the command returned. After
 * a failure, output is dropped: nothing more can reach the reader, and the message goes to standard
 * error once.
 */
final class Stdout extends PrintWriter {
  private final Checked bytes;

  Stdout(OutputStream bytes) {
    this(new Checked(bytes));
  }

  private Stdout(Checked bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    this.bytes = bytes;
  }

  /**
   * The process's standard output, written straight to file descriptor 1 (not through
   * {@code System.out}, whose {@code PrintStream} would hide the errors).
   */
  static Stdout system() {
    return new Stdout(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
  }

  /** The checked byte stream under this writer. */
  OutputStream bytes() {
    return bytes;
  }

  /** Why writing failed ("No space left on device"), or null while every write has succeeded. */
  String failure() {
    return bytes.failure;
  }

  /** Throws {@link OutputException} for the first failed write or flush; drops what follows it. */
  private static final class Checked extends OutputStream {
    private final OutputStream out;
    private volatile String failure;

    Checked(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      if (failure != null) return;
      try {
        out.write(b);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (failure != null) return;
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() {
      if (failure != null) return;
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() {
      flush();
    }

    private OutputException failed(IOException e) {
      failure = OutputException.reason(e);
      return OutputException.writing("standard output", e);
    }
  }
}
