package dev.kdpc.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.report.Printable;

/**
 * An error answered as {@code application/problem+json} (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, and for a profile the CLI's file, line, column and field. Never a
 * stack trace.
 */
final class Problem extends RuntimeException {
  static final String BASE = "https://kdpc.dev/problems/";
  static final String MEDIA_TYPE = "application/problem+json";

  final int status;
  final String type;
  final String title;
  final ObjectNode extra = new ObjectMapper().createObjectNode();

  Problem(int status, String type, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  /** A plain HTTP error: type {@code about:blank}, the status phrase as title. */
  static Problem http(int status, String detail) {
    return new Problem(status, "about:blank", phrase(status), detail);
  }

  /** A query parameter that is not accepted (400). */
  static Problem parameter(String detail) {
    return new Problem(400, BASE + "invalid-parameter", "Invalid query parameter", detail);
  }

  /**
   * A profile that could not be read (400, {@code profile-syntax}) or does not validate (422,
   * {@code invalid-profile}), with the CLI's message as detail and its parts beside it.
   */
  static Problem profile(ProfileException e, boolean syntax) {
    Problem p = syntax
        ? new Problem(400, BASE + "profile-syntax", "The profile could not be read", Printable.message(e.diagnostic()))
        : new Problem(422, BASE + "invalid-profile", "The profile is not valid", Printable.message(e.diagnostic()));
    p.extra.put("file", e.file());
    if (e.location() != null) {
      p.extra.put("line", e.location().line());
      p.extra.put("column", e.location().column());
    }
    if (e.field() != null && !e.field().isEmpty()) p.extra.put("field", e.field());
    p.extra.put("problem", e.problem());
    return p;
  }

  ObjectNode body() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("type", type);
    o.put("title", title);
    o.put("status", status);
    if (getMessage() != null) o.put("detail", getMessage());
    o.setAll(extra);
    return o;
  }

  static String phrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> org.eclipse.jetty.http.HttpStatus.getMessage(status);
    };
  }
}
