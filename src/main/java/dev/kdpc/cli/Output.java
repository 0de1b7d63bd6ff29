package dev.kdpc.cli;

import dev.kdpc.InputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a whole output to a file atomically: a temp file beside it, then a rename. A failure leaves the old file as it was. */
final class Output {
  private Output() {}

  interface Body {
    void write(Writer w) throws IOException;
  }

  /** Writes to {@code target} atomically, or to {@code stdout} when no target is given. */
  static void to(Path target, java.io.PrintWriter stdout, Body body) {
    if (target != null) {
      atomically(target, body);
      return;
    }
    try {
      body.write(stdout);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    stdout.flush();
  }

  interface Utf8Body {
    void write(java.io.OutputStream out) throws IOException;
  }

  static void atomically(Path target, Body body) {
    replace(target, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
    });
  }

  /** As {@link #atomically(Path, Body)}, for a body that writes UTF-8 bytes. */
  static void atomicallyUtf8(Path target, Utf8Body body) {
    replace(target, tmp -> {
      try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.write(o);
      }
    });
  }

  private interface Fill {
    void into(Path tmp) throws IOException;
  }

  /** Fills a temp file beside {@code target}, then renames it to {@code target}. */
  private static void replace(Path target, Fill fill) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) throw new InputException("--output " + target + ": is a directory");
    if (dir == null || !Files.isDirectory(dir)) throw new InputException("--output " + target + ": the directory " + dir + " does not exist");
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      fill.into(tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new InputException("--output " + target + ": cannot write: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temp file is ours; nothing the user gave is touched
        }
      }
    }
  }
}
