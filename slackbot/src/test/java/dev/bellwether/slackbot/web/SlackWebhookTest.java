package dev.bellwether.slackbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bellwether.slackbot.ManualTime;
import dev.bellwether.slackbot.SampleAlerts;
import dev.bellwether.slackbot.StandInSlack;
import dev.bellwether.slackbot.render.AlertRenderer;
import dev.bellwether.slackbot.render.RenderedAlert;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SlackWebhookTest {
  private final StandInSlack slack = StandInSlack.start("unused");
  private final ManualTime time = new ManualTime();
  private final SlackWebhook webhook =
      new SlackWebhook(URI.create(slack.webhookUrl()), SlackWebApi.Limits.standard(), time, time);
  private final RenderedAlert message = AlertRenderer.render(SampleAlerts.funding("s1", "r"));

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLog() {
    log.start();
    root.addAppender(log);
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    root.detachAppender(log);
    root.setLevel(Level.INFO);
    slack.close();
  }

  @Test
  void theUrlNeverAppearsInTheLogEvenAtDebug() {
    slack.failNext("webhook", 500, null);
    slack.failNext("webhook", 404, null);

    assertThatThrownBy(() -> webhook.send(message)).isInstanceOf(SlackCallException.class);

    assertThat(log.list).isNotEmpty();
    assertThat(log.list)
        .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("webhook-secret"));
  }

  @Test
  void postsTextAndBlocks() {
    webhook.send(message);

    assertThat(slack.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.blocks).contains("header"));
  }

  @Test
  void honoursRetryAfterAndRetriesServerErrors() {
    slack.failNext("webhook", 429, "3");
    slack.failNext("webhook", 500, null);

    webhook.send(message);

    assertThat(time.sleeps()).startsWith(Duration.ofSeconds(3));
    assertThat(slack.messages()).hasSize(1);
  }

  @Test
  void aRemovedWebhookIsPermanentAndItsUrlStaysSecret() {
    slack.failNext("webhook", 404, null);

    assertThatThrownBy(() -> webhook.send(message))
        .isInstanceOfSatisfying(SlackCallException.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessageNotContaining("webhook-secret");
    assertThat(webhook.toString()).doesNotContain("webhook-secret");
  }
}
