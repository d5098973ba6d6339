package dev.bellwether.dashboard;

import dev.bellwether.schemas.avro.EventStatus;
import dev.bellwether.schemas.avro.EventType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts a view shows: by company, event type, status and the time the alert was issued. Read
 * from and written back to URL query parameters, so that a view can be shared as a link.
 *
 * @param company a canonical company name, matched exactly against the alert's companies
 * @param range a relative time range ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}) counted
 *     back from the time of the request; used when {@code from} is absent
 * @param from alerts issued at or after (inclusive)
 * @param to alerts issued before (exclusive)
 */
public record AlertFilter(
    @Nullable String company,
    @Nullable EventType type,
    @Nullable EventStatus status,
    @Nullable String range,
    @Nullable Instant from,
    @Nullable Instant to) {

  /** The relative ranges offered, with their length. */
  public static final Map<String, Duration> RANGES = ranges();

  public static final AlertFilter ALL = new AlertFilter(null, null, null, null, null, null);

  /** The query parameters a filter is read from. */
  public static final List<String> PARAMETERS =
      List.of("company", "type", "status", "range", "from", "to");

  /** A parameter value that cannot be used; the message says which and why, in one sentence. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads the filter from query parameters ({@code param} answers null for an absent one; blank
   * values count as absent, as an HTML form sends them).
   *
   * @throws Invalid for a value that cannot be used
   */
  public static AlertFilter parse(Function<String, @Nullable String> param) {
    String company = blankToNull(param.apply("company"));
    EventType type = parseType(blankToNull(param.apply("type")));
    EventStatus status = parseStatus(blankToNull(param.apply("status")));
    String range = blankToNull(param.apply("range"));
    if (range != null) {
      range = range.toLowerCase(Locale.ROOT);
      if (!RANGES.containsKey(range)) {
        throw new Invalid(
            "range must be one of " + String.join(", ", RANGES.keySet()) + ", not '" + range + "'");
      }
    }
    Instant from = parseTime("from", blankToNull(param.apply("from")));
    Instant to = parseTime("to", blankToNull(param.apply("to")));
    if (from != null && to != null && !from.isBefore(to)) {
      throw new Invalid("from must be before to");
    }
    return new AlertFilter(company, type, status, range, from, to);
  }

  /** Whether the alert belongs in the view, judged at {@code now} for a relative range. */
  public boolean matches(AlertEntry entry, Instant now) {
    var alert = entry.alert();
    if (company != null && !alert.getCompanies().contains(company)) {
      return false;
    }
    if (type != null && alert.getEventType() != type) {
      return false;
    }
    if (status != null && alert.getStatus() != status) {
      return false;
    }
    Instant start = start(now);
    if (start != null && entry.time().isBefore(start)) {
      return false;
    }
    return to == null || entry.time().isBefore(to);
  }

  /** The earliest issue time shown: {@code from}, else now minus the range, else none. */
  public @Nullable Instant start(Instant now) {
    if (from != null) {
      return from;
    }
    return range == null ? null : now.minus(RANGES.get(range));
  }

  /** The filter's query parameters, in a stable order, without the absent ones. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (company != null) {
      p.put("company", company);
    }
    if (type != null) {
      p.put("type", type.name());
    }
    if (status != null) {
      p.put("status", status.name());
    }
    if (range != null) {
      p.put("range", range);
    }
    if (from != null) {
      p.put("from", from.toString());
    }
    if (to != null) {
      p.put("to", to.toString());
    }
    return p;
  }

  /** The query string ({@code company=OpenAI&type=FUNDING}), empty for no filter. */
  public String queryString() {
    return parameters().entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The event types one can filter by (all but UNKNOWN). */
  public static List<EventType> types() {
    return Arrays.stream(EventType.values()).filter(t -> t != EventType.UNKNOWN).toList();
  }

  /** The statuses one can filter by (all but UNKNOWN). */
  public static List<EventStatus> statuses() {
    return Arrays.stream(EventStatus.values()).filter(s -> s != EventStatus.UNKNOWN).toList();
  }

  private static @Nullable EventType parseType(@Nullable String value) {
    return parseSymbol("type", value == null ? null : value.replace('-', '_'), types());
  }

  private static @Nullable EventStatus parseStatus(@Nullable String value) {
    return parseSymbol("status", value, statuses());
  }

  /** One of {@code allowed} by its name in any case, or {@link Invalid} listing them. */
  private static <E extends Enum<E>> @Nullable E parseSymbol(
      String parameter, @Nullable String value, List<E> allowed) {
    if (value == null) {
      return null;
    }
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (E symbol : allowed) {
      if (symbol.name().equals(name)) {
        return symbol;
      }
    }
    throw new Invalid("unknown " + parameter + " '" + value + "'; use one of " + names(allowed));
  }

  /** An ISO-8601 instant ({@code 2026-11-28T06:00:00Z}) or a UTC date ({@code 2026-11-28}). */
  static @Nullable Instant parseTime(String name, @Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new Invalid(
            name
                + " must be an ISO-8601 instant such as 2026-11-28T06:00:00Z or a date such as"
                + " 2026-11-28, not '"
                + value
                + "'");
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String names(List<? extends Enum<?>> values) {
    List<String> names = new ArrayList<>();
    values.forEach(v -> names.add(v.name()));
    return String.join(", ", names);
  }

  private static Map<String, Duration> ranges() {
    Map<String, Duration> r = new LinkedHashMap<>();
    r.put("1h", Duration.ofHours(1));
    r.put("24h", Duration.ofHours(24));
    r.put("7d", Duration.ofDays(7));
    r.put("30d", Duration.ofDays(30));
    return java.util.Collections.unmodifiableMap(r);
  }
}
