package dev.bellwether.app.web;

import dev.bellwether.app.ops.OpsHttpException;
import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.dashboard.Dashboard;
import dev.bellwether.dashboard.trends.TrendsRoute;
import dev.bellwether.dashboard.trends.TrendsSource;
import dev.bellwether.schemas.KafkaConnection;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.util.List;

/** The dashboard as part of a role: its size checked, its meters and readiness registered. */
public final class DashboardRole {
  private DashboardRole() {}

  /** A dashboard keeping {@code options.alerts()} alerts, not yet reading. */
  public static Dashboard create(DashboardOptions options) {
    if (options.alerts() < 1 || options.alerts() > 1_000_000) {
      throw new OpsHttpException(
          "--dashboard-alerts must be between 1 and 1000000, not " + options.alerts());
    }
    return Dashboard.reading(options.alerts(), Clock.systemUTC());
  }

  /**
   * The role's ops HTTP server with the dashboard's pages and {@code /api/trends} (answered by
   * {@code trends}) beside health and metrics.
   */
  public static RoleOps serve(
      String role, OpsHttpOptions http, Dashboard dashboard, TrendsSource trends) {
    return RoleOps.start(role, http, List.of(dashboard.routes(), TrendsRoute.serving(trends)));
  }

  /**
   * Starts reading {@code kafka}' alerts; the role is ready only while it reads, and {@code
   * /metrics} shows what the dashboard holds.
   */
  public static void start(Dashboard dashboard, KafkaConnection kafka, RoleOps ops) {
    dashboard.startReading(kafka);
    ops.requireRunning("dashboard", dashboard::readingAlerts);
    Gauge.builder("bellwether_dashboard_alerts", dashboard, d -> d.alerts().size())
        .description("Alerts the dashboard holds")
        .register(ops.meters());
    Gauge.builder("bellwether_dashboard_streams", dashboard, Dashboard::streams)
        .description("Live alert streams (/api/alerts/stream) open")
        .register(ops.meters());
    Gauge.builder("bellwether_dashboard_skipped_records", dashboard, Dashboard::skippedRecords)
        .description("Records on the alerts topic that were not alerts, skipped")
        .register(ops.meters());
  }
}
