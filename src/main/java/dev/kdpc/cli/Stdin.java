package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A profile argument {@code -}: the profile is read from the standard input, named {@code <stdin>} in
 * messages and reports, within the limits of a file ({@link ProfileReader#MAX_BYTES}: at most that many
 * bytes plus one are read, so an endless stream is refused without being held). The standard input is
 * read once, when the profile is first read; {@code -} may be given once ({@code ./-} names a file).
 */
final class Stdin {
  /** The name of the standard input in messages and reports. */
  static final String NAME = "<stdin>";

  private final InputStream in;
  private byte[] bytes;
  private ProfileException failure;

  Stdin(InputStream in) {
    this.in = in;
  }

  /** Whether {@code p} is the argument {@code -}. */
  static boolean is(Path p) {
    return p.toString().equals("-");
  }

  /** Refuses {@code -} given twice: the standard input can be read once. */
  static void once(List<Path> inputs) {
    if (inputs.stream().filter(Stdin::is).count() > 1) {
      throw new InputException("'-' (the standard input) is given more than once; it can be read only once");
    }
  }

  /** The bytes of the standard input, read on the first call; a {@link ProfileException} of {@code <stdin>} when too long or unreadable. */
  synchronized byte[] bytes() {
    if (failure != null) throw failure;
    if (bytes == null) {
      try {
        byte[] b = in.readNBytes(ProfileReader.MAX_BYTES + 1);
        if (b.length > ProfileReader.MAX_BYTES) {
          failure = new ProfileException(NAME, null, null, "the standard input holds more than " + ProfileReader.MAX_BYTES
              + " bytes; profiles are limited to " + ProfileReader.MAX_BYTES + " bytes");
          throw failure;
        }
        bytes = b;
      } catch (IOException e) {
        failure = new ProfileException(NAME, null, null, "the standard input cannot be read: " + e.getMessage());
        throw failure;
      }
    }
    return bytes;
  }
}
