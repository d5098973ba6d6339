package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.avro.Alert;

/** Where the poster delivers alerts: Slack's Web API with threads, or an incoming webhook. */
public interface AlertSink {
  /**
   * Delivers one alert.
   *
   * @param recovering the alert may have been delivered before a restart: check first
   * @throws dev.bellwether.slackbot.web.SlackCallException when Slack refuses or stays unreachable
   */
  Delivery deliver(Alert alert, boolean recovering);

  /** Partitions moved to this instance: state other instances wrote may need reading again. */
  default void partitionsAssigned() {}
}
