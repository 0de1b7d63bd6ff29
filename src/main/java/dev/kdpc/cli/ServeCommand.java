package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.serve.HttpApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the HTTP/JSON API (POST /v1/check, /v1/validate; GET /v1/rules, /v1/schema, /healthz, /openapi.json) and the review page (GET /).",
        "Prints 'listening on http://HOST:PORT' once it accepts connections; SIGTERM or Ctrl-C stops it after the requests in flight."})
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 listens on every interface).")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default 8080; 0 picks a free one, printed at start).")
  int port;

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules folder instead of the bundled rules, checked by the rule grammar and fixed at start.")
  Path rules;

  @Option(names = "--trust-rules", description = "Skip the rule grammar for the --rules folder (it then runs as code with kdpc's rights).")
  boolean trustRules;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5", description = "Stop an evaluation that takes longer (default 5; answered 503).")
  String timeLimit;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", description = "The largest request body (default 1048576, 1 MiB; larger: 413).")
  int maxBody;

  @Option(names = "--max-concurrent", paramLabel = "N", description = "Evaluations at once; more are answered 503 with Retry-After (default: 4 per core).")
  Integer maxConcurrent;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) throw new InputException("--port " + port + " is out of range: give 0 to 65535");
    if (maxBody < 1 || maxBody > 64 << 20) throw new InputException("--max-body " + maxBody + " is out of range: give 1 to " + (64 << 20));
    if (maxConcurrent != null && (maxConcurrent < 1 || maxConcurrent > 10_000)) {
      throw new InputException("--max-concurrent " + maxConcurrent + " is out of range: give 1 to 10000");
    }
    // Jetty says what it does at INFO; only its warnings are worth a server operator's attention.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }
    CommonOptions c = new CommonOptions();
    c.rules = rules;
    c.trustRules = trustRules;
    c.timeLimit = timeLimit;
    Checker checker = c.checker(); // the rules are compiled (and checked) now, once: nothing changes them later
    HttpApi.Limits d = HttpApi.Limits.DEFAULT;
    HttpApi.Limits limits = new HttpApi.Limits(maxBody, maxConcurrent == null ? d.maxConcurrent() : maxConcurrent, d.idleTimeout(),
        d.minDataRate(), d.stopTimeout());
    HttpApi api;
    try {
      api = HttpApi.start(checker, limits, host, port);
    } catch (java.io.IOException e) {
      String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
      throw new InputException("cannot listen on " + host + ":" + port + ": " + why);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("listening on " + api.uri());
    out.flush();
    api.join();
    return ExitCode.OK.code;
  }
}
