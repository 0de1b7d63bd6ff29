package dev.kdpc.cli;

import dev.kdpc.Review;
import dev.kdpc.profile.ParsedProfile;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import java.nio.file.Path;

/**
 * A profile read from a file, with the means to bind it again with {@code --set} overrides (and the
 * flips' one-fact changes) from the tree parsed once, without reading the file again.
 */
record ProfileInput(Profile profile, Review.Source source) {
  /** Reads, binds and checks {@code file}; throws {@link dev.kdpc.profile.ProfileException} for a bad one. */
  static ProfileInput read(ProfileReader reader, Path file) {
    ParsedProfile parsed = reader.parse(file);
    Profile p = parsed.profile();
    return new ProfileInput(p, parsed::with);
  }

  /** Reads {@code file}, or the standard input when it is {@code -} ({@link Stdin}). */
  static ProfileInput read(ProfileReader reader, Path file, Stdin stdin) {
    if (!Stdin.is(file)) return read(reader, file);
    ParsedProfile parsed = reader.parse(Stdin.NAME, stdin.bytes());
    return new ProfileInput(parsed.profile(), parsed::with);
  }

  /** The profile with {@code set} applied. */
  Profile with(java.util.Map<String, String> set) {
    return set.isEmpty() ? profile : source.read(set);
  }
}
