package dev.bellwether.slackbot.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * What Slack receives for one alert.
 *
 * @param text the plain-text fallback (notifications, clients without Block Kit)
 * @param blocks the Block Kit layout
 */
public record RenderedAlert(String text, List<LayoutBlock> blocks) {
  public RenderedAlert {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }
}
