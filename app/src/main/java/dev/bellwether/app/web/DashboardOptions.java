package dev.bellwether.app.web;

import dev.bellwether.app.config.ConfigKey;
import picocli.CommandLine.Option;

/** The dashboard's options, shared by {@code run} and {@code web} ({@code @Mixin}). */
public final class DashboardOptions {
  @Option(
      names = "--dashboard-alerts",
      paramLabel = "N",
      descriptionKey = ConfigKey.Names.DASHBOARD_ALERTS)
  int alerts;

  public int alerts() {
    return alerts;
  }
}
