package dev.bellwether.app.web;

import picocli.CommandLine.Option;

/** The dashboard's options, shared by {@code run} and {@code web} ({@code @Mixin}). */
public final class DashboardOptions {
  @Option(
      names = "--dashboard-alerts",
      paramLabel = "N",
      defaultValue = "${env:BELLWETHER_DASHBOARD_ALERTS:-10000}",
      description =
          "How many of the newest alerts the dashboard keeps in memory (about 3 KB each; env"
              + " BELLWETHER_DASHBOARD_ALERTS). Default: ${DEFAULT-VALUE}.")
  int alerts = 10_000;

  public int alerts() {
    return alerts;
  }
}
