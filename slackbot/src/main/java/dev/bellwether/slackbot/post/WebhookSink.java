package dev.bellwether.slackbot.post;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.slackbot.render.AlertRenderer;
import dev.bellwether.slackbot.web.SlackWebhook;

/**
 * Incoming-webhook mode, for teams that cannot install an app: every alert, NEW or UPDATE, is a
 * message in the webhook's channel. A webhook cannot thread, edit or read history, so a crash
 * between posting and committing may post one alert twice.
 */
public final class WebhookSink implements AlertSink {
  private final SlackWebhook webhook;

  public WebhookSink(SlackWebhook webhook) {
    this.webhook = webhook;
  }

  @Override
  public Delivery deliver(Alert alert, boolean recovering) {
    webhook.send(AlertRenderer.render(alert));
    return new Delivery(Delivery.Outcome.POSTED, "webhook");
  }
}
