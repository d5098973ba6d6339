package dev.bellwether.slackbot;

import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import dev.bellwether.slackbot.post.AlertPoster;
import dev.bellwether.slackbot.post.AlertSink;
import dev.bellwether.slackbot.post.Checkpoint;
import dev.bellwether.slackbot.post.ParkedAlerts;
import dev.bellwether.slackbot.post.PosterStats;
import dev.bellwether.slackbot.post.Routes;
import dev.bellwether.slackbot.post.StoryThreads;
import dev.bellwether.slackbot.post.ThreadedSlackSink;
import dev.bellwether.slackbot.post.WebhookSink;
import dev.bellwether.slackbot.web.SlackWebApi;
import dev.bellwether.slackbot.web.SlackWebhook;
import dev.bellwether.slackbot.web.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Slack bot wired and running on its own thread: {@link #start}, then {@link #close}. */
public final class SlackBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final AlertPoster poster;
  private final @Nullable StoryThreads threads;
  private final ParkedAlerts parked;
  private final Thread thread;

  private SlackBot(AlertPoster poster, @Nullable StoryThreads threads, ParkedAlerts parked) {
    this.poster = poster;
    this.threads = threads;
    this.parked = parked;
    this.thread = new Thread(this::run, "bellwether-slack");
  }

  /**
   * Starts posting the alerts of {@code kafka} to Slack.
   *
   * @param ruleRoutes watchlist rule id → route, from the watchlist the processors use
   */
  public static SlackBot start(
      SlackBotConfig config, Map<String, String> ruleRoutes, KafkaConnection kafka) {
    return start(config, ruleRoutes, kafka, SlackWebApi.Limits.standard());
  }

  /** As {@link #start(SlackBotConfig, Map, String)} with other limits (tests pace faster). */
  public static SlackBot start(
      SlackBotConfig config,
      Map<String, String> ruleRoutes,
      KafkaConnection kafka,
      SlackWebApi.Limits limits) {
    if (!config.enabled()) {
      throw new SlackBotException(
          "set "
              + SlackBotConfig.TOKEN
              + " or "
              + SlackBotConfig.WEBHOOK_URL
              + " to post to Slack");
    }
    try (Admin admin = Admin.create(kafka.config())) {
      TopicInstaller.ensure(admin, List.of(Topics.ALERTS, Topics.DLQ, StoryThreads.TOPIC));
    }
    Clock clock = Clock.systemUTC();
    ParkedAlerts parked = new ParkedAlerts(kafka, clock);
    StoryThreads threads = null;
    AlertSink sink;
    if (config.token() != null) {
      threads = StoryThreads.load(kafka, StoryThreads.TOPIC.name(), Duration.ofMinutes(1));
      SlackWebApi api =
          SlackWebApi.create(config.token(), config.apiUrl(), limits, clock, Sleeper.SYSTEM);
      Routes routes = new Routes(ruleRoutes, config.channels(), config.defaultChannel());
      sink = new ThreadedSlackSink(api, routes, threads, Checkpoint.Listener.NONE);
    } else {
      sink =
          new WebhookSink(
              new SlackWebhook(
                  Objects.requireNonNull(config.webhookUrl()), limits, clock, Sleeper.SYSTEM));
    }
    AlertPoster poster =
        new AlertPoster(
            AlertPoster.consumer(kafka, AlertPoster.GROUP, config.startAt()),
            Topics.ALERTS.name(),
            sink,
            parked,
            Checkpoint.Listener.NONE);
    SlackBot bot = new SlackBot(poster, threads, parked);
    log.info("Slack bot starting: {}", config);
    bot.thread.start();
    return bot;
  }

  /** How long a stop lets a post in flight finish before it interrupts the bot's waits. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private volatile boolean closing;

  public PosterStats stats() {
    return poster.stats();
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  private void run() {
    try {
      poster.subscribe();
      poster.runUntilWoken();
    } catch (RuntimeException e) {
      if (closing) {
        log.info(
            "Slack bot stopped while waiting on Slack ({}); the alert it held is posted at the next"
                + " start",
            e.getMessage());
      } else {
        log.error("Slack bot stopped: {}", e.toString(), e);
      }
    } finally {
      Thread.interrupted(); // a close that interrupted a wait must not fail the consumer's close
      poster.close();
    }
  }

  /**
   * Stops the bot: the poller is woken at once; a post waiting out Slack's rate limit or a retry
   * (up to minutes) is interrupted after {@link #GRACE}, its alert left uncommitted for the next
   * start, so that a stop never waits on Slack.
   */
  @Override
  public void close() {
    closing = true;
    poster.wakeup();
    try {
      thread.join(GRACE.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(Duration.ofSeconds(20).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (threads != null) {
      threads.close();
    }
    parked.close();
  }
}
