package dev.bellwether.app.config;

import java.util.Arrays;
import java.util.ListResourceBundle;

/**
 * The help text of every option that stands for a {@link ConfigKey}, as the resource bundle picocli
 * reads an option's description from by its {@code descriptionKey}. Options without such a key keep
 * the description written at the option.
 */
final class OptionDescriptions extends ListResourceBundle {
  @Override
  protected Object[][] getContents() {
    return Arrays.stream(ConfigKey.values())
        .filter(key -> key.description() != null)
        .map(key -> new Object[] {key.variable(), key.description()})
        .toArray(Object[][]::new);
  }
}
