package dev.kdpc.cli;

import dev.kdpc.Review;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A profile read from a file, with the means to read it again with {@code --set} overrides. */
record ProfileInput(Profile profile, Review.Source source) {
  static ProfileInput read(ProfileReader reader, Path file) {
    Profile p = reader.read(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProfileException(file.toString(), null, null, "cannot be read: " + e.getMessage());
    }
    return new ProfileInput(p, set -> set.isEmpty() ? p : reader.read(file.toString(), bytes, set));
  }

  /** The profile with {@code set} applied. */
  Profile with(java.util.Map<String, String> set) {
    return set.isEmpty() ? profile : source.read(set);
  }
}
