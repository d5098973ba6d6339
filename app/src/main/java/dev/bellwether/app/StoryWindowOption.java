package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How far apart the articles of one story may be, shared by {@code process} and {@code replay}. */
final class StoryWindowOption {
  @Option(
      names = "--story-window",
      paramLabel = "DURATION",
      descriptionKey = ConfigKey.Names.STORY_WINDOW)
  Duration window;
}
