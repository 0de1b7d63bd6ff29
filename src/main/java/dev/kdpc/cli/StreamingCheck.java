package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderer;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@code check} run over one or many profiles, streamed.
 *
 * <ul>
 *   <li>The rules load on a thread of their own while the first profiles are read, so a cold run pays
 *       for the YAML reader and the rules side by side rather than one after the other; a run whose
 *       every profile is bad prints their errors and ends without waiting for the rules.
 *   <li>Profiles are read, evaluated and rendered on a pool of one thread per core, all sharing the
 *       one thread-safe KieBase (a session of its own per profile).
 *   <li>The report is written in input order as profiles finish. At most {@link #WINDOW} per thread
 *       are in flight (read, evaluated or waiting for their turn): memory holds that window, never the
 *       whole folder, so it stays flat however many profiles there are (only the list of paths grows).
 * </ul>
 *
 * <p>Streaming needs no help from the renderers: a report of several profiles must render as a prefix,
 * the profiles' own parts joined by a separator, and a suffix. Both the text and the JSON report do;
 * {@link Splice} finds those pieces by rendering the report with no, one and two profiles, and checks
 * them on every profile. A format that does not split that way is rendered whole at the end, as before.
 *
 * @param <T> what the reader makes of a profile file (a {@link Profile}, or a {@link ProfileInput} that
 *     can be read again with {@code --set} overrides)
 */
final class StreamingCheck<T> {
  /** Profiles in flight per thread. */
  static final int WINDOW = 8;

  private final List<Path> files;
  private final CompletableFuture<Checker> checker = new CompletableFuture<>();
  private final Options options;
  private final Renderer renderer;
  private final RenderOptions renderOptions;
  private final Predicate<Finding> failing;
  private final PrintWriter err;

  /** The report's pieces, once known (set by the consumer; read by the workers). */
  private volatile Splice splice;
  private volatile Report header;

  /**
   * Starts loading the rules at once, on a thread of their own.
   *
   * @param rules compiles or loads the rules (called once)
   * @param failing whether a finding makes the run exit 1
   */
  StreamingCheck(List<Path> files, Supplier<Checker> rules, Options options, Renderer renderer, RenderOptions renderOptions,
      Predicate<Finding> failing, PrintWriter err) {
    this.files = List.copyOf(files);
    this.options = options;
    this.renderer = renderer;
    this.renderOptions = renderOptions;
    this.failing = failing;
    this.err = err;
    Thread loader = new Thread(() -> {
      try {
        checker.complete(rules.get());
      } catch (Throwable t) {
        checker.completeExceptionally(t);
      }
    }, "kdpc-rules");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * One profile's outcome: its part of the report, its rendered piece when already known, its input error,
   * whether it was read (an error after reading, such as a {@code --set} path the profile lacks, still
   * puts a failed part in the report).
   */
  private record Result(ProfileReport part, Splice.Piece piece, String error, boolean failing, boolean read) {}

  /**
   * Runs the check; writes the report to {@code output} (atomically) or to {@code out}. Returns the exit code.
   *
   * @param reader reads and validates one profile; throws {@link ProfileException} for a bad one
   * @param evaluate evaluates what the reader made into its part of the report (e.g. with {@code --set} or
   *     {@code --why-not}); may throw {@link ProfileException} for a profile it cannot evaluate
   */
  int run(Function<Path, T> reader, BiFunction<Checker, T, ProfileReport> evaluate, Path output, PrintWriter out) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
    ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemons());
    try {
      Ordered results = new Ordered(pool, threads * WINDOW, i -> work(reader, evaluate, i));
      // Phase 1: up to the first profile that reads. Until then nothing is written: a run whose every
      // profile is bad prints only their errors, as a run that never reached the rules.
      List<Result> before = new ArrayList<>();
      Result first = null;
      while (results.hasNext()) {
        Result r = results.next();
        if (r.error != null) err.println("kdpc: " + Printable.message(r.error));
        before.add(r);
        if (r.read) {
          first = r;
          break;
        }
      }
      if (first == null) return ExitCode.INPUT.code;
      Checker c = join(checker);
      Report head = c.report(options, List.of());
      header = head;
      // One profile: rendered once, whole (finding the pieces would render it four more times).
      splice = files.size() == 1 ? null : Splice.of(renderer, renderOptions, head, first.part);

      AtomicInteger failures = new AtomicInteger();
      boolean[] adverse = {false};
      Body body = w -> {
        Splice s = splice;
        List<ProfileReport> whole = s == null ? new ArrayList<>() : null;
        int n = 0;
        if (s != null) w.bytes(s.prefix, 0, s.prefix.length);
        for (Result r : before) n = emit(w, s, whole, r, n, failures, adverse);
        while (results.hasNext()) {
          Result r = results.next();
          if (r.error != null) err.println("kdpc: " + Printable.message(r.error));
          n = emit(w, s, whole, r, n, failures, adverse);
        }
        if (s != null) w.bytes(s.suffix, 0, s.suffix.length);
        else w.report(renderer, c.report(options, whole), renderOptions);
      };
      if (output != null) {
        Output.atomicallyUtf8(output, o -> body.write(Sink.of(o)));
      } else {
        try {
          if (out instanceof Stdout std) { // the command line: bytes straight to the standard output
            std.flush();
            body.write(Sink.of(std.bytes()));
            std.bytes().flush();
          } else {
            body.write(Sink.of(out));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.flush();
      }
      if (failures.get() > 0) return ExitCode.INPUT.code;
      return adverse[0] ? ExitCode.FINDINGS.code : ExitCode.OK.code;
    } finally {
      if (pool != null) pool.shutdownNow();
    }
  }

  private int emit(Sink w, Splice s, List<ProfileReport> whole, Result r, int n, AtomicInteger failures, boolean[] adverse)
      throws IOException {
    if (r.error != null) failures.incrementAndGet();
    if (r.failing) adverse[0] = true;
    if (s == null) {
      whole.add(r.part);
    } else {
      if (n > 0) w.bytes(s.separator, 0, s.separator.length);
      (r.piece != null ? r.piece : s.piece(renderer, renderOptions, header, r.part)).writeTo(w);
    }
    return n + 1;
  }

  private interface Body {
    void write(Sink w) throws IOException;
  }

  /**
   * Where the report goes: UTF-8 bytes to a stream (the standard output, an {@code --output} file), or
   * characters to a writer (a program that runs the command line with writers of its own).
   */
  interface Sink {
    /** Writes {@code len} bytes of UTF-8 that begin and end on character boundaries (pieces of a report). */
    void bytes(byte[] b, int off, int len) throws IOException;

    /** Writes a whole report. */
    void report(Renderer renderer, Report report, RenderOptions options) throws IOException;

    static Sink of(java.io.OutputStream out) {
      return new Sink() {
        @Override
        public void bytes(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void report(Renderer renderer, Report report, RenderOptions options) throws IOException {
          renderer.renderUtf8(report, out, options);
        }
      };
    }

    static Sink of(Writer out) {
      return new Sink() {
        @Override
        public void bytes(byte[] b, int off, int len) throws IOException {
          out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void report(Renderer renderer, Report report, RenderOptions options) throws IOException {
          renderer.render(report, out, options);
        }
      };
    }
  }

  /** Reads, evaluates and (once the report's pieces are known) renders profile {@code i}. */
  private Result work(Function<Path, T> reader, BiFunction<Checker, T, ProfileReport> evaluate, int i) {
    Path f = files.get(i);
    T p;
    try {
      p = reader.apply(f);
    } catch (ProfileException e) {
      return new Result(ProfileReport.failed(e.file(), e.getMessage()), null, e.getMessage(), false, false);
    }
    ProfileReport part;
    String error = null;
    try {
      part = evaluate.apply(join(checker), p);
    } catch (ProfileException e) {
      part = ProfileReport.failed(e.file(), e.getMessage());
      error = e.getMessage();
    }
    boolean bad = part.findings().stream().anyMatch(failing);
    Splice s = splice;
    return new Result(part, s == null ? null : s.piece(renderer, renderOptions, header, part), error, bad, true);
  }

  private static Checker join(CompletableFuture<Checker> checker) {
    try {
      return checker.join();
    } catch (CompletionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    throw new IllegalStateException(t);
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "kdpc-check-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The results in input order, computed ahead on the pool within a bounded window. */
  private final class Ordered {
    private final ExecutorService pool;
    private final int window;
    private final java.util.function.IntFunction<Result> work;
    private final Deque<Future<Result>> ahead = new ArrayDeque<>();
    private int submitted;

    Ordered(ExecutorService pool, int window, java.util.function.IntFunction<Result> work) {
      this.pool = pool;
      this.window = window;
      this.work = work;
      fill();
    }

    private void fill() {
      if (pool == null) return;
      while (ahead.size() < window && submitted < files.size()) {
        int i = submitted++;
        ahead.add(pool.submit(() -> work.apply(i)));
      }
    }

    boolean hasNext() {
      return pool == null ? submitted < files.size() : !ahead.isEmpty();
    }

    Result next() {
      if (pool == null) return work.apply(submitted++);
      Future<Result> f = ahead.poll();
      try {
        Result r = f.get();
        fill();
        return r;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InputException("interrupted");
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      }
    }
  }

  /**
   * How a renderer's report splits: {@code prefix + piece(1) + separator + ... + piece(n) + suffix},
   * where {@code piece(i)} is what profile i adds (a report of no profiles is rendered whole). All in
   * UTF-8, each part beginning and ending on a character boundary: workers render their profiles
   * straight to bytes, and the writing thread only copies them out.
   */
  static final class Splice {
    final byte[] prefix;
    final byte[] separator;
    final byte[] suffix;

    private Splice(byte[] prefix, byte[] separator, byte[] suffix) {
      this.prefix = prefix;
      this.separator = separator;
      this.suffix = suffix;
    }

    /** The pieces of {@code renderer}'s reports with {@code header}, found with {@code sample}; null when it does not split so. */
    static Splice of(Renderer renderer, RenderOptions options, Report header, ProfileReport sample) {
      byte[] none = render(renderer, options, header, List.of());
      byte[] one = render(renderer, options, header, List.of(sample));
      byte[] two = render(renderer, options, header, List.of(sample, sample));
      int pre = 0;
      while (pre < none.length && pre < one.length && none[pre] == one[pre]) pre++;
      while (pre > 0 && pre < one.length && continuation(one[pre])) pre--; // not inside a character
      int suf = 0;
      while (suf < none.length && pre + suf < one.length && none[none.length - 1 - suf] == one[one.length - 1 - suf]) suf++;
      while (suf > 0 && continuation(one[one.length - suf])) suf--;
      int pieceLength = one.length - pre - suf;
      if (pieceLength <= 0 || two.length < pre + suf + 2 * pieceLength) return null;
      if (!region(two, 0, one, 0, pre) || !region(two, two.length - suf, one, one.length - suf, suf)) return null;
      // two = prefix + piece + separator + piece + suffix
      if (!region(two, pre, one, pre, pieceLength) || !region(two, two.length - suf - pieceLength, one, pre, pieceLength)) return null;
      byte[] separator = Arrays.copyOfRange(two, pre + pieceLength, two.length - suf - pieceLength);
      return new Splice(Arrays.copyOfRange(one, 0, pre), separator, Arrays.copyOfRange(one, one.length - suf, one.length));
    }

    /** What {@code part} adds to a report with {@code header}. */
    Piece piece(Renderer renderer, RenderOptions options, Report header, ProfileReport part) {
      byte[] one = render(renderer, options, header, List.of(part));
      if (one.length < prefix.length + suffix.length || !region(one, 0, prefix, 0, prefix.length)
          || !region(one, one.length - suffix.length, suffix, 0, suffix.length)) {
        throw new IllegalStateException("the " + renderer.name() + " report of " + part.source() + " does not split like the first profile's");
      }
      return new Piece(one, prefix.length, one.length - suffix.length);
    }

    /** {@code bytes} from {@code from} to {@code to}: a profile's piece, not copied out of its rendering. */
    record Piece(byte[] bytes, int from, int to) {
      void writeTo(Sink w) throws IOException {
        w.bytes(bytes, from, to - from);
      }
    }

    /** Whether {@code b} continues a UTF-8 character (10xxxxxx) rather than starting one. */
    private static boolean continuation(byte b) {
      return (b & 0xC0) == 0x80;
    }

    private static boolean region(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
      return Arrays.equals(a, aFrom, aFrom + length, b, bFrom, bFrom + length);
    }

    private static byte[] render(Renderer renderer, RenderOptions options, Report header, List<ProfileReport> parts) {
      Report r = new Report(header.tool(), header.asOf(), header.scenario(), header.regimes(), header.rulesDigest(), parts, header.notices());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
      try {
        renderer.renderUtf8(r, out, options);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
