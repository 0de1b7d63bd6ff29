package dev.kdpc.serve;

import dev.kdpc.Checker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code kdpc serve}: the HTTP/JSON API and the review page, on Jetty 12 (its core API, no servlets).
 * The rules are the {@link Checker}'s, fixed when the server is made: nothing over HTTP changes them or
 * reads a file from the server's disk. Every error is {@code application/problem+json}, Jetty's own
 * (a request line or headers too long, a bad URI) included.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.start(Checker.withBundledRules(), HttpApi.Limits.DEFAULT, "127.0.0.1", 0);
 * System.out.println("listening on " + api.uri());
 * api.join();
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {
  /**
   * What the server accepts.
   *
   * @param maxBody the largest request body in bytes (a profile file is at most 1,000,000 bytes)
   * @param maxConcurrent evaluations at once; a request beyond it is answered 503 at once, with Retry-After
   * @param idleTimeout how long a connection may send nothing (a request that trickles in slower is cut off)
   * @param minDataRate the slowest request body accepted, in bytes per second (a body sent slower is cut off)
   * @param stopTimeout how long a stop (SIGTERM) waits for requests in flight
   */
  public record Limits(int maxBody, int maxConcurrent, Duration idleTimeout, long minDataRate, Duration stopTimeout) {
    /** 1 MiB bodies, 4 evaluations per core at once, 10 s idle, 1 KiB/s, 10 s to stop. */
    public static final Limits DEFAULT = new Limits(1 << 20, 4 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10), 1024,
        Duration.ofSeconds(10));

    public Limits {
      if (maxBody < 1) throw new IllegalArgumentException("maxBody must be positive");
      if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be positive");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(stopTimeout, "stopTimeout");
    }
  }

  /** How long a connection may be quiet while the server stops (at most the idle timeout). */
  static final Duration SHUTDOWN_IDLE = Duration.ofSeconds(3);

  private static long shutdownIdle(Limits limits) {
    return Math.min(limits.idleTimeout().toMillis(), SHUTDOWN_IDLE.toMillis());
  }

  private final Server server;
  private final ServerConnector connector;

  private HttpApi(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts serving {@code checker}'s rules on {@code host}:{@code port} (0: a free port) and returns
   * once the server accepts connections. A JVM shutdown (SIGTERM, Ctrl-C) stops it gracefully:
   * no new connections, the requests in flight finish (up to {@link Limits#stopTimeout}).
   */
  public static HttpApi start(Checker checker, Limits limits, String host, int port) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, limits.maxConcurrent() + 8), 4);
    threads.setName("kdpc-http");
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setMinRequestDataRate(limits.minDataRate());
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setShutdownIdleTimeout(shutdownIdle(limits)); // see the GracefulHandler below
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler(new Api(checker, limits));
    // While stopping, a connection that is quiet for SHUTDOWN_IDLE is closed: an idle keep-alive
    // connection does not hold the stop up, and a request in flight whose body is still arriving is
    // not cut off at Jetty's default of 1 s (ServeIT found it: SIGTERM answered such a request 408).
    graceful.setShutdownIdleTimeout(shutdownIdle(limits));
    server.setHandler(graceful);
    server.setErrorHandler(new ProblemErrors());
    server.setStopTimeout(limits.stopTimeout().toMillis());
    server.setStopAtShutdown(true);
    server.start();
    return new HttpApi(server, connector);
  }

  /** The port the server listens on (the one picked, when 0 was asked for). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://HOST:PORT}, as printed by {@code kdpc serve}. */
  public URI uri() {
    String host = connector.getHost();
    if (host == null) host = "0.0.0.0";
    if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + port());
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops the server: no new connections; requests in flight finish (up to the stop timeout). */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), port());
  }

  /** Jetty's own errors (a bad request line, headers too large, an idle timeout) as problem+json too. */
  static final class ProblemErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus();
      if (status < 400) status = 500;
      Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
      Api.send(response, callback, Problem.http(status, message == null ? Problem.phrase(status) : String.valueOf(message)));
      return true;
    }

    @Override
    public java.nio.ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
      Problem p = Problem.http(status, reason == null ? Problem.phrase(status) : reason);
      return java.nio.ByteBuffer.wrap(Api.json(p.body()));
    }
  }
}
