package dev.kdpc.cli;

import dev.kdpc.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the PROFILE|DIR arguments into profile files: a directory gives its *.yaml and *.yml files, sorted. */
final class Inputs {
  private Inputs() {}

  static List<Path> expand(List<Path> args) {
    List<Path> out = new ArrayList<>();
    for (Path a : args) {
      if (Files.isDirectory(a)) {
        try (Stream<Path> s = Files.walk(a)) {
          List<Path> found = s.filter(Files::isRegularFile)
              .filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
              })
              .sorted()
              .toList();
          if (found.isEmpty()) throw new InputException(a + ": the directory holds no .yaml or .yml profiles");
          out.addAll(found);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }
}
