package dev.kdpc.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The standard output as {@link Main#main} hands it to the commands: a UTF-8 writer (picocli's help,
 * most reports), and the byte stream under it for a streamed report, which is rendered to UTF-8 bytes
 * by the workers and copied out as it is (flush this writer before writing bytes).
 */
final class Stdout extends PrintWriter {
  private final OutputStream bytes;

  Stdout(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    this.bytes = bytes;
  }

  OutputStream bytes() {
    return bytes;
  }
}
