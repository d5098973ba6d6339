package dev.bellwether.processors.trends;

import dev.bellwether.schemas.avro.EventType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One trends question: counts for a company (or all), an event type (or all), in hour or day
 * windows overlapping {@code [from, to)}.
 */
public record TrendsRequest(
    @Nullable String company,
    @Nullable EventType type,
    TrendWindow window,
    Instant from,
    Instant to) {

  /** The longest span one request may cover: the stores keep no more. */
  public static final java.time.Duration MAX_SPAN = TrendsTopology.RETENTION.plusDays(1);

  public TrendsRequest {
    Objects.requireNonNull(window, "window");
    if (!from.isBefore(to)) {
      throw new Invalid("from (" + from + ") must be before to (" + to + ")");
    }
    if (type == EventType.UNKNOWN) {
      throw new Invalid("type UNKNOWN is not counted; use one of " + knownTypes());
    }
  }

  /** A parameter that cannot be used, said in one sentence. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads the query parameters {@code company}, {@code type}, {@code window} (default {@code day}),
   * {@code from} and {@code to} (ISO-8601 instants; default: the window's default span up to {@code
   * now}).
   *
   * @throws Invalid naming the first parameter that is wrong
   */
  public static TrendsRequest parse(Function<String, @Nullable String> params, Instant now) {
    String company = blankToNull(params.apply("company"));
    EventType type = type(blankToNull(params.apply("type")));
    TrendWindow window = window(blankToNull(params.apply("window")));
    String toText = blankToNull(params.apply("to"));
    Instant to = toText == null ? now.truncatedTo(ChronoUnit.MILLIS) : instant("to", toText);
    String fromText = blankToNull(params.apply("from"));
    Instant from = fromText == null ? to.minus(window.defaultSpan()) : instant("from", fromText);
    if (java.time.Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
      throw new Invalid("from and to may be at most " + MAX_SPAN.toDays() + " days apart");
    }
    return new TrendsRequest(company, type, window, from, to);
  }

  /** This request as query parameters, {@code from} and {@code to} explicit. */
  public String toQueryString() {
    List<String> params = new ArrayList<>();
    if (company != null) {
      params.add("company=" + URLEncoder.encode(company, StandardCharsets.UTF_8));
    }
    if (type != null) {
      params.add("type=" + type.name());
    }
    params.add("window=" + window.label());
    params.add("from=" + from);
    params.add("to=" + to);
    return String.join("&", params);
  }

  /** The store key, when both company and type are given. */
  @Nullable TrendKey key() {
    return company != null && type != null ? new TrendKey(company, type) : null;
  }

  boolean matches(TrendKey key) {
    return (company == null || company.equals(key.company()))
        && (type == null || type == key.type());
  }

  private static @Nullable EventType type(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      EventType type = EventType.valueOf(name);
      if (type != EventType.UNKNOWN) {
        return type;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Invalid("unknown type '" + text + "'; use one of " + knownTypes());
  }

  private static TrendWindow window(@Nullable String text) {
    if (text == null) {
      return TrendWindow.DAY;
    }
    for (TrendWindow w : TrendWindow.values()) {
      if (w.label().equals(text.toLowerCase(Locale.ROOT))) {
        return w;
      }
    }
    throw new Invalid("window must be hour or day, not '" + text + "'");
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new Invalid(
          name + " must be an ISO-8601 instant such as 2026-11-28T00:00:00Z, not '" + text + "'");
    }
  }

  private static List<String> knownTypes() {
    return Arrays.stream(EventType.values())
        .filter(t -> t != EventType.UNKNOWN)
        .map(EventType::name)
        .toList();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Reads parameters from a map, for tests and callers without a request object. */
  public static TrendsRequest parse(Map<String, String> params, Instant now) {
    return parse(params::get, now);
  }
}
