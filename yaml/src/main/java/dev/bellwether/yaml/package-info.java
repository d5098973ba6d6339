/**
 * The one YAML binding of Bellwether's configuration files (sources, companies, watchlist, event
 * cues, Slack channels): {@link dev.bellwether.yaml.YamlDocument} reads a file into nodes that keep
 * their lines and collects every problem as {@code file:line: message}. Depends on snakeyaml-engine
 * and nothing of ours, so every module may use it (ADR 0013).
 */
@NullMarked
package dev.bellwether.yaml;

import org.jspecify.annotations.NullMarked;
