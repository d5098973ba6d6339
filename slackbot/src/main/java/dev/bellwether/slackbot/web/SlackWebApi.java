package dev.bellwether.slackbot.web;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import dev.bellwether.slackbot.render.RenderedAlert;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Web API methods the bot uses, through the official SDK, with Slack's limits respected:
 * a per-channel pace for writes, {@code Retry-After} on 429, capped exponential backoff on 5xx and
 * I/O errors, and permanent errors told apart from retriable ones.
 */
public final class SlackWebApi {
  /** The message metadata event type that marks the bot's messages. */
  public static final String EVENT_TYPE = "bellwether_alert";

  /** The metadata payload key holding the alert id. */
  public static final String ALERT_ID = "alert_id";

  /** The longest wait a {@code Retry-After} is honoured with. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
  private static final Set<String> RETRIABLE_ERRORS =
      Set.of(
          "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

  private final MethodsClient methods;
  private final Limits limits;
  private final ChannelPacer pacer;
  private final Sleeper sleeper;

  /**
   * How hard to push and how long to wait.
   *
   * @param pace the least time between two writes to one channel
   * @param maxAttempts attempts per call before a retriable failure is given up
   * @param firstBackoff the wait after the first retriable failure, doubled each time
   * @param maxBackoff the cap of that wait
   * @param historyLimit how many recent messages the once-only check looks through
   */
  public record Limits(
      Duration pace,
      int maxAttempts,
      Duration firstBackoff,
      Duration maxBackoff,
      int historyLimit) {
    public Limits {
      if (maxAttempts < 1 || historyLimit < 1) {
        throw new IllegalArgumentException("maxAttempts and historyLimit must be positive");
      }
    }

    public static Limits standard() {
      return new Limits(
          Duration.ofSeconds(1), 6, Duration.ofMillis(500), Duration.ofSeconds(30), 200);
    }
  }

  SlackWebApi(MethodsClient methods, Limits limits, Clock clock, Sleeper sleeper) {
    this.methods = methods;
    this.limits = limits;
    this.pacer = new ChannelPacer(clock, sleeper, limits.pace());
    this.sleeper = sleeper;
  }

  /**
   * A client for Slack at {@code apiUrl} (for example {@code http://127.0.0.1:8080/api/}), or Slack
   * itself when null.
   */
  public static SlackWebApi create(
      SlackToken token, @Nullable String apiUrl, Limits limits, Clock clock, Sleeper sleeper) {
    SlackConfig config = new SlackConfig();
    if (apiUrl != null && !apiUrl.isBlank()) {
      config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }
    config.setHttpClientCallTimeoutMillis(30_000);
    // Stats would call auth.test and keep per-team metrics threads; the bot paces calls itself.
    config.setStatsEnabled(false);
    config.getMethodsConfig().setStatsEnabled(false);
    return new SlackWebApi(
        Slack.getInstance(config).methods(token.reveal()), limits, clock, sleeper);
  }

  /** Posts a message and returns where it landed: the channel id and the message ts. */
  public Posted post(SlackPost post) {
    var response =
        call(
            "chat.postMessage",
            post.channel(),
            true,
            () ->
                methods.chatPostMessage(
                    r ->
                        r.channel(post.channel())
                            .threadTs(post.threadTs())
                            .text(post.message().text())
                            .blocks(post.message().blocks())
                            .metadata(metadata(post.alertId()))
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return new Posted(response.getChannel(), response.getTs());
  }

  /** Replaces a message's text and blocks (the story's parent, with its latest facts). */
  public void update(String channel, String ts, RenderedAlert message, String alertId) {
    call(
        "chat.update",
        channel,
        true,
        () ->
            methods.chatUpdate(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .text(message.text())
                        .blocks(message.blocks())
                        .metadata(metadata(alertId))));
  }

  /**
   * Looks through the channel's recent messages (or the thread's replies when {@code threadTs} is
   * given) for one this bot posted for {@code alertId}.
   */
  public Optional<Posted> findPosted(String channel, @Nullable String threadTs, String alertId) {
    List<Message> messages =
        threadTs == null
            ? call(
                    "conversations.history",
                    channel,
                    false,
                    () ->
                        methods.conversationsHistory(
                            r ->
                                r.channel(channel)
                                    .limit(limits.historyLimit())
                                    .includeAllMetadata(true)))
                .getMessages()
            : call(
                    "conversations.replies",
                    channel,
                    false,
                    () ->
                        methods.conversationsReplies(
                            r ->
                                r.channel(channel)
                                    .ts(threadTs)
                                    .limit(limits.historyLimit())
                                    .includeAllMetadata(true)))
                .getMessages();
    return messages == null
        ? Optional.empty()
        : messages.stream()
            .filter(m -> isFor(m, alertId))
            .findFirst()
            .map(m -> new Posted(channel, m.getTs()));
  }

  /** Where a message landed. */
  public record Posted(String channel, String ts) {
    public Posted {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(ts, "ts");
    }
  }

  static Message.Metadata metadata(String alertId) {
    return Message.Metadata.builder()
        .eventType(EVENT_TYPE)
        .eventPayload(Map.of(ALERT_ID, alertId))
        .build();
  }

  private static boolean isFor(Message message, String alertId) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && EVENT_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && alertId.equals(String.valueOf(metadata.getEventPayload().get(ALERT_ID)));
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T call(
      String method, String channel, boolean write, Call<T> call) {
    Duration backoff = limits.firstBackoff();
    for (int attempt = 1; ; attempt++) {
      if (write) {
        pacer.awaitTurn(channel);
      }
      SlackCallException failure;
      Duration wait;
      try {
        T response = call.run();
        if (response.isOk()) {
          return response;
        }
        String error = String.valueOf(response.getError());
        failure =
            new SlackCallException(method, channel, error, !RETRIABLE_ERRORS.contains(error), null);
        wait = backoff;
      } catch (SlackApiException e) {
        int code = e.getResponse().code();
        failure =
            new SlackCallException(
                method, channel, "http " + code, code < 500 && code != 429, null);
        wait = code == 429 ? retryAfter(e) : backoff;
      } catch (IOException e) {
        failure =
            new SlackCallException(
                method, channel, "I/O: " + e.getClass().getSimpleName(), false, e);
        wait = backoff;
      }
      if (failure.permanent() || attempt >= limits.maxAttempts()) {
        throw failure;
      }
      log.warn(
          "{} to {}: {} (attempt {} of {}), retrying in {} ms",
          method,
          channel,
          failure.error(),
          attempt,
          limits.maxAttempts(),
          wait.toMillis());
      sleeper.sleep(wait);
      if (wait.equals(backoff)) {
        backoff = min(backoff.multipliedBy(2), limits.maxBackoff());
      }
    }
  }

  /** Slack's {@code Retry-After} in seconds; one second when it is missing or unreadable. */
  static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return Duration.ofSeconds(
          Math.max(1, Long.parseLong(Objects.requireNonNull(header).strip())));
    } catch (RuntimeException unreadable) {
      return Duration.ofSeconds(1);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
