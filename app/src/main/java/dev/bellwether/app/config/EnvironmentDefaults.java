package dev.bellwether.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Gives an option whose {@code descriptionKey} names a {@link ConfigKey} the variable's value when
 * it is set and not blank, or else the key's default; a flag on the command line wins over both.
 * Options without such a key keep their own defaults. The option's help text is the key's too
 * ({@link OptionDescriptions}), and each command's help ends with an "Environment variables"
 * section listing the variables of its options.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
  /** The help section's key, placed before the footer. */
  static final String SECTION = "environment";

  private final Map<String, String> env;

  public EnvironmentDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Installs the defaults on {@code cli} and every subcommand below it, and the help section on
   * each command that has such options.
   */
  public static void install(CommandLine cli, Map<String, String> env) {
    cli.setDefaultValueProvider(new EnvironmentDefaults(env));
    cli.setResourceBundle(new OptionDescriptions());
    addHelpSection(cli);
  }

  /** The key an option stands for, when its {@code descriptionKey} names one. */
  public static Optional<ConfigKey> keyOf(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.descriptionKey().isEmpty()) {
      return Optional.empty();
    }
    return ConfigKey.of(option.descriptionKey()).filter(k -> k.reader() == ConfigKey.Reader.OPTION);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    return keyOf(arg)
        .map(
            key -> {
              String value = key.valueIn(env);
              return value != null ? value : key.defaultValue();
            })
        .orElse(null);
  }

  private static void addHelpSection(CommandLine cli) {
    List<String> lines = new ArrayList<>();
    for (OptionSpec option : cli.getCommandSpec().options()) {
      keyOf(option)
          .ifPresent(
              key -> lines.add(String.format("  %-33s %s", key.variable(), option.longestName())));
    }
    List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
    if (!lines.isEmpty() && !keys.contains(SECTION)) {
      String nl = System.lineSeparator();
      String text =
          nl + "Environment variables (a flag given wins):" + nl + String.join(nl, lines) + nl;
      cli.getHelpSectionMap().put(SECTION, help -> text);
      keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
      cli.setHelpSectionKeys(keys);
    }
    cli.getSubcommands().values().forEach(EnvironmentDefaults::addHelpSection);
  }
}
