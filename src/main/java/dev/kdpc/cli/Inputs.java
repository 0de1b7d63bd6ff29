package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.profile.ProfileException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Expands the PROFILE|DIR arguments into profile files. A directory gives every entry under it whose
 * name ends in {@code .yaml} or {@code .yml}, sorted, whatever it is: a regular file is read; anything
 * else (a dangling or looping symbolic link, a FIFO, a device, a directory named {@code x.yaml}, a file
 * that cannot be read) is kept in the list too, so that the reader reports it as a bad profile with its
 * reason and the run exits 2 after evaluating the rest. Nothing under the folder is skipped silently.
 * The argument {@code -} is the standard input ({@link Stdin}), whatever the folder holds.
 *
 * <p>Symbolic links to directories are followed (a folder of links to teams' folders works); a link back
 * to a folder being walked (a loop) and a subfolder that cannot be listed are reported as bad entries,
 * with their reason, and not entered.
 */
final class Inputs {
  private Inputs() {}

  /** The profile files to read, in order, and the reason each bad folder entry among them cannot be read. */
  record Expanded(List<Path> files, Map<Path, String> problems) {
    /** Throws the folder walk's reason for {@code file}, if it has one. */
    void check(Path file) {
      String why = problems.get(file);
      if (why != null) throw new ProfileException(file.toString(), null, null, why);
    }
  }

  static Expanded expand(List<Path> args) {
    List<Path> out = new ArrayList<>();
    Map<Path, String> problems = new LinkedHashMap<>();
    for (Path a : args) {
      if (Stdin.is(a) || !Files.isDirectory(a)) {
        out.add(a); // a file, or not one: the reader says which
        continue;
      }
      TreeSet<Path> found = new TreeSet<>(); // sorted, as before
      try {
        Files.walkFileTree(a, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(a) && profileName(dir)) {
              found.add(dir); // the reader: "is a directory, not a profile file"
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (profileName(file)) found.add(file); // dangling links, FIFOs and devices come here too
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String why = e instanceof FileSystemLoopException
                ? "a symbolic link back to a folder that contains it (a loop); not followed"
                : e instanceof java.nio.file.AccessDeniedException ? "cannot be read: permission denied"
                : "cannot be read: " + e.getMessage();
            found.add(file);
            problems.put(file, why);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
              found.add(dir);
              problems.put(dir, "the folder could not be listed to the end: " + e.getMessage());
            }
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        throw new InputException(a + ": the directory cannot be read: " + e.getMessage());
      }
      if (found.isEmpty()) throw new InputException(a + ": the directory holds no .yaml or .yml profiles");
      out.addAll(found);
    }
    return new Expanded(out, Map.copyOf(problems));
  }

  private static boolean profileName(Path p) {
    Path name = p.getFileName();
    if (name == null) return false;
    String n = name.toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }
}
