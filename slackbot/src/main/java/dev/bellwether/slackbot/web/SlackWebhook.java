package dev.bellwether.slackbot.web;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import dev.bellwether.slackbot.render.RenderedAlert;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incoming webhook: one channel chosen when the webhook was made, no threads, no history. Paced
 * and retried like the Web API. Its URL is a secret and never appears in logs or errors.
 */
public final class SlackWebhook {
  private static final Logger log = LoggerFactory.getLogger(SlackWebhook.class);
  private static final String CHANNEL = "webhook";

  private final Slack slack = Slack.getInstance(quietConfig());
  private final URI url;
  private final SlackWebApi.Limits limits;
  private final ChannelPacer pacer;
  private final Sleeper sleeper;

  public SlackWebhook(URI url, SlackWebApi.Limits limits, Clock clock, Sleeper sleeper) {
    this.url = url;
    this.limits = limits;
    this.pacer = new ChannelPacer(clock, sleeper, limits.pace());
    this.sleeper = sleeper;
  }

  public void send(RenderedAlert message) {
    Payload payload = Payload.builder().text(message.text()).blocks(message.blocks()).build();
    Duration backoff = limits.firstBackoff();
    for (int attempt = 1; ; attempt++) {
      pacer.awaitTurn(CHANNEL);
      SlackCallException failure;
      Duration wait = backoff;
      try {
        WebhookResponse response = slack.send(url.toString(), payload);
        int code = response.getCode();
        if (code == 200) {
          return;
        }
        String error = "http " + code + " " + String.valueOf(response.getBody()).strip();
        failure =
            new SlackCallException("webhook", CHANNEL, error, code < 500 && code != 429, null);
        if (code == 429) {
          wait = retryAfter(response.getHeaders());
        }
      } catch (IOException e) {
        failure =
            new SlackCallException(
                "webhook", CHANNEL, "I/O: " + e.getClass().getSimpleName(), false, null);
      }
      if (failure.permanent() || attempt >= limits.maxAttempts()) {
        throw failure;
      }
      log.warn(
          "webhook: {} (attempt {}), retrying in {} ms", failure.error(), attempt, wait.toMillis());
      sleeper.sleep(wait);
      if (wait.equals(backoff)) {
        backoff =
            backoff.multipliedBy(2).compareTo(limits.maxBackoff()) <= 0
                ? backoff.multipliedBy(2)
                : limits.maxBackoff();
      }
    }
  }

  /** The SDK's default listener logs each request URL at DEBUG: for a webhook, the secret. */
  private static SlackConfig quietConfig() {
    SlackConfig config = new SlackConfig();
    config.setHttpClientResponseHandlers(new java.util.ArrayList<>());
    config.setHttpClientCallTimeoutMillis(30_000);
    config.setStatsEnabled(false);
    return config;
  }

  private static Duration retryAfter(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        try {
          return Duration.ofSeconds(Math.max(1, Long.parseLong(header.getValue().get(0).strip())));
        } catch (NumberFormatException e) {
          return Duration.ofSeconds(1);
        }
      }
    }
    return Duration.ofSeconds(1);
  }

  @Override
  public String toString() {
    return "SlackWebhook[url redacted]";
  }
}
