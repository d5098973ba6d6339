package dev.bellwether.app;

import dev.bellwether.core.tagging.Tagger;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --companies}, {@code --cues} and {@code --model} options of every command that tags
 * ({@code @Mixin}).
 */
final class TaggerFiles {
  @Option(
      names = "--companies",
      paramLabel = "FILE",
      description =
          "Company knowledge base YAML. Default: the built-in one (docs/configuration.md).")
  @Nullable Path companies;

  @Option(
      names = "--cues",
      paramLabel = "FILE",
      description =
          "Event cues YAML (trigger words and patterns per event type). Default: the built-in"
              + " cues.yaml; `bellwether tag --show-cues` prints it (docs/configuration.md).")
  @Nullable Path cues;

  @Mixin ModelOption model = new ModelOption();

  /** A tagger over these files, or the built-in ones; a bad file is refused whole. */
  Tagger tagger() {
    return Knowledge.withModel(Knowledge.tagger(companies, cues), model.model);
  }

  /** The tagger's files and the watchlist, or the built-in ones, with the model. */
  Knowledge knowledge(@Nullable Path watchlist) {
    return Knowledge.load(companies, cues, watchlist).withModel(model.model);
  }

  /** The rules alone, over these files (for training a model). */
  Tagger rules() {
    return Knowledge.tagger(companies, cues);
  }
}
