package dev.bellwether.slackbot;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A loopback stand-in for the part of Slack's Web API the bot uses: {@code chat.postMessage},
 * {@code chat.update}, {@code conversations.history} and {@code conversations.replies}, answering
 * with JSON shaped like Slack's. Faults can be queued per method: an HTTP status (429 with
 * Retry-After, 500) or an {@code ok:false} error.
 */
public final class StandInSlack implements AutoCloseable {
  /** A message as the stand-in holds it. */
  public static final class Posted {
    public final String channel;
    public final String ts;
    public final @Nullable String threadTs;
    public volatile String text;
    public volatile String blocks;
    public final @Nullable String alertId;
    public volatile int edits;

    Posted(
        String channel,
        String ts,
        @Nullable String threadTs,
        String text,
        String blocks,
        @Nullable String alertId) {
      this.channel = channel;
      this.ts = ts;
      this.threadTs = threadTs;
      this.text = text;
      this.blocks = blocks;
      this.alertId = alertId;
    }

    public boolean isReply() {
      return threadTs != null;
    }

    @Override
    public String toString() {
      return channel + "@" + ts + (threadTs == null ? "" : " in " + threadTs) + " " + alertId;
    }
  }

  private record Fault(int status, @Nullable String retryAfter, @Nullable String error) {}

  private final HttpServer server;
  private final String token;
  private final List<Posted> messages = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Set<String> missingChannels = new HashSet<>();
  private long nextTs = 1_772_460_000_000_100L;

  private StandInSlack(String token) throws IOException {
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::handle);
    server.createContext("/services/", this::handleWebhook);
    server.start();
  }

  public static StandInSlack start(String token) {
    try {
      return new StandInSlack(token);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL to give the SDK ({@code methodsEndpointUrlPrefix}). */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public synchronized void missingChannel(String channel) {
    missingChannels.add(idOf(channel));
  }

  /** The next call of {@code method} answers with this HTTP status (429 carries Retry-After). */
  public synchronized void failNext(String method, int status, @Nullable String retryAfter) {
    faults
        .computeIfAbsent(method, m -> new ArrayDeque<>())
        .add(new Fault(status, retryAfter, null));
  }

  /** The next call of {@code method} answers 200 with {@code ok:false} and this error. */
  public synchronized void errorNext(String method, String error) {
    faults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Fault(200, null, error));
  }

  public synchronized List<Posted> messages() {
    return List.copyOf(messages);
  }

  /** Messages in a channel, given by id or by {@code #name}. */
  public synchronized List<Posted> messagesIn(String channel) {
    return messages.stream().filter(m -> m.channel.equals(idOf(channel))).toList();
  }

  /**
   * The channel id the stand-in gives a name ({@code #ai-deals} → {@code CAIDEALS}); ids stay as
   * they are.
   */
  public static String idOf(String channel) {
    return channel.startsWith("#")
        ? "C" + channel.substring(1).replace("-", "").toUpperCase(java.util.Locale.ROOT)
        : channel;
  }

  /** Every call, as {@code method channel}, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      Map<String, String> form =
          parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Answer answer = answer(method, form, ("Bearer " + token).equals(auth));
      if (answer.retryAfter != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The incoming webhook's URL. */
  public String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/webhook-secret";
  }

  private void handleWebhook(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Answer answer = webhook(body);
      if (answer.retryAfter != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter);
      }
      byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Slack's webhooks answer {@code ok} as text, or an error code such as {@code no_service}. */
  private synchronized Answer webhook(String body) {
    calls.add("webhook");
    Deque<Fault> queued = faults.get("webhook");
    Fault fault = queued == null ? null : queued.poll();
    if (fault != null) {
      return new Answer(
          fault.status, fault.retryAfter, fault.error == null ? "internal_error" : fault.error);
    }
    JsonObject payload = JsonParser.parseString(body).getAsJsonObject();
    messages.add(
        new Posted(
            "webhook",
            ts(),
            null,
            payload.get("text").getAsString(),
            String.valueOf(payload.get("blocks")),
            null));
    return new Answer(200, null, "ok");
  }

  private record Answer(int status, @Nullable String retryAfter, String body) {}

  private synchronized Answer answer(String method, Map<String, String> form, boolean authorized) {
    String named = form.getOrDefault("channel", "");
    String channel = idOf(named);
    calls.add(method + " " + named);
    Deque<Fault> queued = faults.get(method);
    Fault fault = queued == null ? null : queued.poll();
    if (fault != null && fault.error == null) {
      String body =
          fault.status == 429
              ? "{\"ok\":false,\"error\":\"ratelimited\"}"
              : "<html><body>Internal Server Error</body></html>";
      return new Answer(fault.status, fault.retryAfter, body);
    }
    if (fault != null) {
      return error(fault.error);
    }
    if (!authorized) {
      return error("invalid_auth");
    }
    if (missingChannels.contains(channel)) {
      return error("channel_not_found");
    }
    if (named.startsWith("#") && !method.equals("chat.postMessage")) {
      return error("channel_not_found"); // as Slack: only chat.postMessage takes a name
    }
    return switch (method) {
      case "chat.postMessage" -> postMessage(channel, form);
      case "chat.update" -> update(channel, form);
      case "conversations.history" -> history(channel, form, null);
      case "conversations.replies" -> history(channel, form, form.get("ts"));
      default -> error("unknown_method");
    };
  }

  private Answer postMessage(String channel, Map<String, String> form) {
    String ts = ts();
    String threadTs = form.get("thread_ts");
    Posted posted =
        new Posted(
            channel,
            ts,
            threadTs,
            form.getOrDefault("text", ""),
            form.getOrDefault("blocks", "[]"),
            alertId(form.get("metadata")));
    messages.add(posted);
    JsonObject body = ok();
    body.addProperty("channel", channel);
    body.addProperty("ts", ts);
    body.add("message", json(posted));
    return new Answer(200, null, body.toString());
  }

  private Answer update(String channel, Map<String, String> form) {
    String ts = form.getOrDefault("ts", "");
    for (Posted posted : messages) {
      if (posted.channel.equals(channel) && posted.ts.equals(ts)) {
        posted.text = form.getOrDefault("text", posted.text);
        posted.blocks = form.getOrDefault("blocks", posted.blocks);
        posted.edits++;
        JsonObject body = ok();
        body.addProperty("channel", channel);
        body.addProperty("ts", ts);
        body.addProperty("text", posted.text);
        return new Answer(200, null, body.toString());
      }
    }
    return error("message_not_found");
  }

  private Answer history(String channel, Map<String, String> form, @Nullable String thread) {
    int limit = Integer.parseInt(form.getOrDefault("limit", "100"));
    boolean withMetadata =
        "1".equals(form.get("include_all_metadata"))
            || "true".equals(form.get("include_all_metadata"));
    JsonArray found = new JsonArray();
    for (int i = messages.size() - 1; i >= 0 && found.size() < limit; i--) {
      Posted m = messages.get(i);
      boolean inScope =
          m.channel.equals(channel)
              && (thread == null
                  ? m.threadTs == null
                  : thread.equals(m.threadTs) || thread.equals(m.ts));
      if (inScope) {
        JsonObject message = json(m);
        if (!withMetadata) {
          message.remove("metadata");
        }
        found.add(message);
      }
    }
    JsonObject body = ok();
    body.add("messages", found);
    body.addProperty("has_more", false);
    return new Answer(200, null, body.toString());
  }

  private static JsonObject json(Posted m) {
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("subtype", "bot_message");
    message.addProperty("bot_id", "B0BELLWETHER");
    message.addProperty("text", m.text);
    message.addProperty("ts", m.ts);
    if (m.threadTs != null) {
      message.addProperty("thread_ts", m.threadTs);
    }
    if (m.alertId != null) {
      JsonObject metadata = new JsonObject();
      metadata.addProperty("event_type", "bellwether_alert");
      JsonObject payload = new JsonObject();
      payload.addProperty("alert_id", m.alertId);
      metadata.add("event_payload", payload);
      message.add("metadata", metadata);
    }
    return message;
  }

  private static @Nullable String alertId(@Nullable String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return null;
    }
    JsonObject parsed = JsonParser.parseString(metadata).getAsJsonObject();
    return parsed.getAsJsonObject("event_payload").get("alert_id").getAsString();
  }

  private static JsonObject ok() {
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    return body;
  }

  private static Answer error(String error) {
    return new Answer(200, null, "{\"ok\":false,\"error\":\"" + error + "\"}");
  }

  private String ts() {
    long micros = nextTs++;
    return (micros / 1_000_000)
        + "."
        + String.format(java.util.Locale.ROOT, "%06d", micros % 1_000_000);
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
