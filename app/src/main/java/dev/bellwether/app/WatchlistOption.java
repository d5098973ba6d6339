package dev.bellwether.app;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --watchlist} option of the commands that raise alerts ({@code @Mixin}). */
final class WatchlistOption {
  @Option(
      names = "--watchlist",
      paramLabel = "FILE",
      description = "Watchlist rules YAML. Default: the built-in one (docs/configuration.md).")
  @Nullable Path file;
}
