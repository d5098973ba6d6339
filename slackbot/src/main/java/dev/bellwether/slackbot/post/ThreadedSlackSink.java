package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.slackbot.post.Delivery.Outcome;
import dev.bellwether.slackbot.render.AlertRenderer;
import dev.bellwether.slackbot.render.RenderedAlert;
import dev.bellwether.slackbot.web.SlackCallException;
import dev.bellwether.slackbot.web.SlackPost;
import dev.bellwether.slackbot.web.SlackWebApi;
import dev.bellwether.slackbot.web.SlackWebApi.Posted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack through the Web API: a story's first alert opens a channel message, each later alert
 * replies in its thread and edits the parent when the facts change. When {@code recovering}, the
 * channel (or thread) is searched for the alert id first, so a restart never posts twice.
 */
public final class ThreadedSlackSink implements AlertSink {
  private static final Logger log = LoggerFactory.getLogger(ThreadedSlackSink.class);

  private final SlackWebApi api;
  private final Routes routes;
  private final StoryThreads threads;
  private final Checkpoint.Listener checkpoints;
  private final Set<String> uncheckable = new HashSet<>();

  public ThreadedSlackSink(
      SlackWebApi api, Routes routes, StoryThreads threads, Checkpoint.Listener checkpoints) {
    this.api = api;
    this.routes = routes;
    this.threads = threads;
    this.checkpoints = checkpoints;
  }

  @Override
  public Delivery deliver(Alert alert, boolean recovering) {
    RenderedAlert rendered = AlertRenderer.render(alert);
    Optional<StoryThread> thread = threads.get(alert.getStoryId());
    return thread.isPresent()
        ? reply(alert, rendered, thread.get(), recovering)
        : open(alert, rendered, recovering);
  }

  @Override
  public void partitionsAssigned() {
    threads.refresh();
  }

  private Delivery open(Alert alert, RenderedAlert rendered, boolean recovering) {
    Routes.Route route = routes.forRule(alert.getRuleId());
    if (route.dropped()) {
      return new Delivery(Outcome.DROPPED, route.reason());
    }
    String channel = Routes.requireChannel(route.channel());
    Optional<Posted> earlier = recovering ? findInChannel(channel, alert) : Optional.empty();
    Posted posted =
        earlier.orElseGet(() -> api.post(new SlackPost(channel, null, alert.getId(), rendered)));
    checkpoints.reached(Checkpoint.POSTED, alert.getId());
    threads.save(
        alert.getStoryId(),
        new StoryThread(posted.channel(), posted.ts(), alert.getId(), factsDigest(alert)));
    checkpoints.reached(Checkpoint.THREAD_SAVED, alert.getId());
    return new Delivery(earlier.isPresent() ? Outcome.ALREADY_POSTED : Outcome.POSTED, channel);
  }

  /**
   * The once-only check of a channel message. Slack reads history only by channel id: for a channel
   * configured by name the check is skipped, with a warning once, rather than the alert parked.
   */
  private Optional<Posted> findInChannel(String channel, Alert alert) {
    try {
      return api.findPosted(channel, null, alert.getId());
    } catch (SlackCallException e) {
      if (!e.permanent()) {
        throw e;
      }
      if (uncheckable.add(channel)) {
        log.warn(
            "cannot read the history of {} ({}): alert {} is posted without the once-only check;"
                + " configure the channel by id (docs/slack.md)",
            channel,
            e.error(),
            alert.getId());
      }
      return Optional.empty();
    }
  }

  private Delivery reply(
      Alert alert, RenderedAlert rendered, StoryThread thread, boolean recovering) {
    Optional<Posted> earlier =
        recovering
            ? api.findPosted(thread.channel(), thread.ts(), alert.getId())
            : Optional.empty();
    if (earlier.isEmpty()) {
      api.post(new SlackPost(thread.channel(), thread.ts(), alert.getId(), rendered));
    }
    checkpoints.reached(Checkpoint.POSTED, alert.getId());
    String digest = factsDigest(alert);
    if (!digest.equals(thread.digest())) {
      editParent(alert, rendered, thread);
      checkpoints.reached(Checkpoint.PARENT_UPDATED, alert.getId());
      threads.save(alert.getStoryId(), thread.withDigest(digest));
      checkpoints.reached(Checkpoint.THREAD_SAVED, alert.getId());
    }
    return new Delivery(
        earlier.isPresent() ? Outcome.ALREADY_POSTED : Outcome.REPLIED, thread.channel());
  }

  private void editParent(Alert alert, RenderedAlert rendered, StoryThread thread) {
    try {
      api.update(thread.channel(), thread.ts(), rendered, thread.parentAlertId());
    } catch (SlackCallException e) {
      if (!e.permanent()) {
        throw e;
      }
      // The reply is posted; a parent that cannot be edited (deleted, too old) is not worth
      // parking the alert for.
      log.warn(
          "story {}: parent message {} not edited: {}", alert.getStoryId(), thread.ts(), e.error());
    }
  }

  /** What the parent shows that an update may change: status, flags, headline, facts. */
  static String factsDigest(Alert alert) {
    String shown =
        alert.getStatus()
            + "|"
            + alert.getEnded()
            + "|"
            + alert.getRelaxed()
            + "|"
            + alert.getHeadline()
            + "|"
            + new TreeMap<>(alert.getFacts())
            + "|"
            + new TreeMap<>(alert.getConflicts());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
