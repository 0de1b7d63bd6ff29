package dev.kdpc.cli;

import dev.kdpc.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@code --output FILE}: the report replaces FILE whole, or FILE is left as it was. Never destroys what it
 * is pointed at (README, "--output").
 *
 * <ul>
 *   <li>Atomic: the report is written to a temp file in FILE's own directory, named {@code .kdpc-XXXXXX.tmp}
 *       (short, never derived from FILE's name, so any name the file system takes works), then renamed
 *       over FILE. A failure, or a SIGTERM/SIGINT (a shutdown hook deletes the temp files still
 *       pending), leaves no temp file behind.
 *   <li>Modes: an existing file keeps its permission bits (and its owner and group where the user may
 *       set them); a new file gets {@code 0666 & ~umask}, as a shell redirection would make it.
 *   <li>A symbolic link is written through: its final target is replaced, in the target's directory; the
 *       link stays. A dangling link is refused (kdpc does not create files where a link points).
 *   <li>Refused before anything is evaluated, exit 2: a directory, a device, a FIFO, a socket, a regular
 *       file with more than one hard link (replacing it would split the links silently), a file in a
 *       directory that does not exist, and any input (a profile, a profile in an input folder, a
 *       {@code --rules} file or the rules folder itself), however it is named.
 *   <li>Exit 4 ({@link OutputException}): FILE or its directory cannot be written (no permission, disk
 *       full, a file-size limit).
 *   <li>{@code -} is the standard output ({@link #target}).
 * </ul>
 */
final class Output {
  private Output() {}

  interface Body {
    void write(Writer w) throws IOException;
  }

  interface Utf8Body {
    void write(java.io.OutputStream out) throws IOException;
  }

  /** The file {@code --output} names, or null for the standard output (the option not given, or {@code -}). */
  static Path target(Path option) {
    return option == null || option.toString().equals("-") ? null : option;
  }

  /**
   * Checks {@code --output} before any work is done: throws {@link InputException} (exit 2) when it names
   * something that is not a report file or is one of the inputs, {@link OutputException} (exit 4) when it
   * cannot be written. Nothing is created.
   *
   * @param target the option's value ({@code -} or null: nothing to check)
   * @param inputs the input arguments as given (files and folders) and the files read from them
   * @param rules the {@code --rules} folder, or null
   */
  static void check(Path target, Collection<Path> inputs, Path rules) {
    Path t = target(target);
    if (t == null) return;
    // An input first (however it is named: a link, a hard link), then what the file is.
    Path file = t.toAbsolutePath();
    boolean exists = Files.exists(file);
    Path real = file;
    try {
      if (exists) real = file.toRealPath();
    } catch (IOException e) {
      // resolve() below says what is wrong with it
    }
    for (Path in : inputs) {
      if (exists && sameFile(file, in)) throw refused(t, "is also an input (" + in + "); the report would replace it");
    }
    for (Path in : inputs) {
      if (Files.isDirectory(in) && (inside(file, in) && profileName(file) || inside(real, in) && profileName(real))) {
        throw refused(t, "is in the input folder " + in + ", where a later run would read it as a profile");
      }
    }
    if (rules != null && Files.isDirectory(rules) && (inside(file, rules) || inside(real, rules))) {
      throw refused(t, "is in the --rules folder " + rules + "; the report would change the rules");
    }
    resolve(t);
  }

  /** Writes to {@code target} atomically, or to {@code stdout} when no target is given. */
  static void to(Path target, PrintWriter stdout, Body body) {
    Path t = target(target);
    if (t != null) {
      atomically(t, body);
      return;
    }
    try {
      body.write(stdout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stdout.flush();
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

  /** Fills a temp file beside the file {@code target} resolves to, gives it that file's mode, then renames it over it. */
  private static void replace(Path target, Fill fill) {
    Path file = resolve(target); // again: the file system may have changed since check()
    Path dir = file.getParent();
    PosixFileAttributes old = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? posix(file) : null;
    Path tmp = null;
    try {
      tmp = Temp.create(dir);
      fill.into(tmp);
      if (old != null) keepOwnerAndMode(tmp, old);
      else setMode(tmp, Umask.newFileMode());
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Temp.done(tmp);
      tmp = null;
    } catch (IOException e) {
      throw OutputException.writing(target.toString(), e);
    } finally {
      if (tmp != null) Temp.delete(tmp);
    }
  }

  /**
   * The regular file (existing or not) that writing to {@code target} replaces: {@code target} itself, or
   * the final target of a symbolic link. Throws for anything else (see the class comment).
   */
  static Path resolve(Path target) {
    Path abs = target.toAbsolutePath();
    Path file = abs;
    if (Files.isSymbolicLink(abs)) {
      try {
        file = abs.toRealPath(); // every link followed
      } catch (IOException e) {
        String to;
        try {
          to = String.valueOf(Files.readSymbolicLink(abs));
        } catch (IOException unreadable) {
          to = "a target that cannot be read";
        }
        throw refused(target, "is a symbolic link to " + to + ", which does not exist (or is a link that never ends);"
            + " kdpc writes through a link only to an existing file: name the file itself");
      }
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      a = null;
    } catch (IOException e) {
      throw OutputException.writing(target.toString(), e);
    }
    Path dir = file.getParent();
    if (a == null) {
      if (dir == null || !Files.isDirectory(dir)) throw refused(target, "the directory " + dir + " does not exist");
    } else if (a.isDirectory()) {
      throw refused(target, "is a directory");
    } else if (!a.isRegularFile()) {
      throw refused(target, "is " + special(file) + ", not a regular file; a report is written only to a regular file"
          + " (use --output - or a redirection such as > /dev/null for the standard output)");
    } else {
      int links = links(file);
      if (links > 1) {
        throw refused(target, "has " + links + " hard links; replacing it would leave the other names with the old content:"
            + " write to a new name, or remove the other links");
      }
      if (!Files.isWritable(file)) throw new OutputException("cannot write the report to " + target + ": Permission denied", null);
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException("cannot write the report to " + target + ": Permission denied (the directory " + dir + ")", null);
    }
    return file;
  }

  private static InputException refused(Path target, String why) {
    return new InputException("--output " + target + ": " + why);
  }

  private static boolean sameFile(Path file, Path in) {
    try {
      return Files.exists(in) && Files.isSameFile(file, in);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code file} would be in {@code folder} or below it, links resolved. */
  private static boolean inside(Path file, Path folder) {
    try {
      Path dir = file.getParent().toRealPath();
      return dir.startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean profileName(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** What a file that is neither a directory nor a regular file is, from its mode bits (Linux, macOS). */
  private static String special(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return switch (mode & 0170000) {
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static int links(Path file) {
    try {
      return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1; // a file system without link counts
    }
  }

  private static PosixFileAttributes posix(Path file) {
    try {
      return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Group and owner first (a change of owner may clear mode bits), then the mode; owner and group only where allowed. */
  private static void keepOwnerAndMode(Path tmp, PosixFileAttributes old) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) return;
    try {
      view.setGroup(old.group());
    } catch (IOException | SecurityException e) {
      // not a group of this user: the file gets the user's group, as a new file would
    }
    try {
      view.setOwner(old.owner());
    } catch (IOException | SecurityException e) {
      // only root may give a file away: the file becomes the user's, as after any rename over it
    }
    view.setPermissions(old.permissions());
  }

  private static void setMode(Path tmp, Set<PosixFilePermission> mode) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the mode it was made with
    }
  }

  /**
   * The process's umask, read once from {@code /proc/self/status} ("Umask:", Linux 4.7 and later); 022
   * where that cannot be read (another system), the usual default. Java has no call for it.
   */
  static final class Umask {
    private Umask() {}

    static final int VALUE = read();

    private static int read() {
      try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
        return lines.filter(l -> l.startsWith("Umask:")).findFirst()
            .map(l -> Integer.parseInt(l.substring("Umask:".length()).strip(), 8)).orElse(0022);
      } catch (IOException | RuntimeException e) {
        return 0022;
      }
    }

    /** {@code 0666 & ~umask}: the mode a shell's {@code >} gives a new file. */
    static Set<PosixFilePermission> newFileMode() {
      return mode(0666 & ~VALUE);
    }

    static Set<PosixFilePermission> mode(int bits) {
      Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
      PosixFilePermission[] order = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
      for (int i = 0; i < order.length; i++) if ((bits & (1 << i)) != 0) s.add(order[i]);
      return s;
    }
  }

  /**
   * Temp files being written: {@code .kdpc-XXXXXX.tmp}, made with O_EXCL (never through a link) and mode
   * 0600 until the report is complete. Registered before they exist, so that a shutdown hook (SIGTERM,
   * SIGINT, System.exit) deletes whatever is still pending.
   */
  static final class Temp {
    private Temp() {}

    static final String PREFIX = ".kdpc-";
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    static {
      try {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(PENDING).forEach(Temp::delete), "kdpc-temp-cleanup"));
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the finally of the write deletes its temp file
      }
    }

    static Path create(Path dir) throws IOException {
      for (int attempt = 0; ; attempt++) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (int i = 0; i < 6; i++) name.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
        Path tmp = dir.resolve(name.append(".tmp").toString());
        PENDING.add(tmp);
        try {
          try {
            return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } catch (UnsupportedOperationException e) {
            return Files.createFile(tmp);
          }
        } catch (FileAlreadyExistsException e) {
          PENDING.remove(tmp);
          if (attempt > 100) throw e;
        } catch (IOException | RuntimeException e) {
          PENDING.remove(tmp);
          throw e;
        }
      }
    }

    /** {@code tmp} was renamed: nothing to delete. */
    static void done(Path tmp) {
      PENDING.remove(tmp);
    }

    static void delete(Path tmp) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temp file is ours; nothing the user gave is touched
      }
      PENDING.remove(tmp);
    }
  }
}
