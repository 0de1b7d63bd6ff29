package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderer;
import dev.kdpc.report.Finding;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>Every format is written as the library writes a whole report ({@link Renderer#render}): the
 * renderer's {@link Renderer.Stream} is opened with the report's head, given each profile's part in input
 * order as it comes, and finished. A format whose head or tail depends on all the parts keeps what it
 * needs in a temp file (see the renderers), never the parts themselves.
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
   * One profile's outcome: its part of the report, its input error (the line for standard error,
   * {@link Diagnostics}), whether it was read (an error after
   * reading, such as a {@code --set} path the profile lacks, still puts a failed part in the report).
   */
  private record Result(ProfileReport part, String error, boolean failing, boolean read) {}

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
        if (r.error != null) err.println(r.error);
        before.add(r);
        if (r.read) {
          first = r;
          break;
        }
      }
      if (first == null) return ExitCode.INPUT.code;
      Checker c = join(checker);
      Report head = c.report(options, List.of());

      AtomicInteger failures = new AtomicInteger();
      boolean[] adverse = {false};
      Body body = w -> {
        try (Renderer.Stream s = w.open(renderer, head, renderOptions)) {
          for (Result r : before) emit(s, r, failures, adverse);
          while (results.hasNext()) {
            Result r = results.next();
            if (r.error != null) err.println(r.error);
            emit(s, r, failures, adverse);
          }
          s.finish();
        }
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

  private static void emit(Renderer.Stream s, Result r, AtomicInteger failures, boolean[] adverse) throws IOException {
    if (r.error != null) failures.incrementAndGet();
    if (r.failing) adverse[0] = true;
    s.part(r.part);
  }

  private interface Body {
    void write(Sink w) throws IOException;
  }

  /**
   * Where the report goes: UTF-8 bytes to a stream (the standard output, an {@code --output} file), or
   * characters to a writer (a program that runs the command line with writers of its own).
   */
  interface Sink {
    /** Opens {@code renderer}'s report with {@code header} here. */
    Renderer.Stream open(Renderer renderer, Report header, RenderOptions options) throws IOException;

    static Sink of(java.io.OutputStream out) {
      return (renderer, header, options) -> renderer.openUtf8(header, out, options);
    }

    static Sink of(Writer out) {
      return (renderer, header, options) -> renderer.open(header, out, options);
    }
  }

  /** Reads and evaluates profile {@code i}. */
  private Result work(Function<Path, T> reader, BiFunction<Checker, T, ProfileReport> evaluate, int i) {
    Path f = files.get(i);
    T p;
    try {
      p = reader.apply(f);
    } catch (ProfileException e) {
      return new Result(ProfileReport.failed(e.file(), e.getMessage()), Diagnostics.error(e), false, false);
    }
    ProfileReport part;
    String error = null;
    try {
      part = evaluate.apply(join(checker), p);
    } catch (ProfileException e) {
      part = ProfileReport.failed(e.file(), e.getMessage());
      error = Diagnostics.error(e);
    }
    boolean bad = part.findings().stream().anyMatch(failing);
    return new Result(part, error, bad, true);
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
}
