package dev.bellwether.app.config;

import org.jspecify.annotations.Nullable;

/**
 * Each configuration key more than one command reads, declared once, in the spirit of Debezium's
 * {@code Field}: flag, environment variable, default and description. Picocli's annotations take
 * compile-time constants only, so a key is a holder of constants rather than an object; {@code
 * DEFAULT_VALUE} is picocli's {@code ${env:VARIABLE:-DEFAULT}} for the option's {@code
 * defaultValue}, and {@code DESCRIPTION} names the variable and shows the default.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** The port of a role's ops HTTP server (health, metrics, API, dashboard). */
  public static final class HttpPort {
    public static final String FLAG = "--http-port";
    public static final String VARIABLE = "BELLWETHER_HTTP_PORT";
    public static final String DEFAULT = "8080";
    public static final String DEFAULT_VALUE = "${env:" + VARIABLE + ":-" + DEFAULT + "}";
    public static final String DESCRIPTION =
        "Port of the HTTP server (/health/live, /health/ready, /metrics, the API and, for run"
            + " and web, the dashboard); 0 picks a free one (env "
            + VARIABLE
            + "). Default: ${DEFAULT-VALUE}.";

    private HttpPort() {}
  }

  /** The address a role's ops HTTP server listens on. */
  public static final class HttpHost {
    public static final String FLAG = "--http-host";
    public static final String VARIABLE = "BELLWETHER_HTTP_HOST";
    public static final String DEFAULT = "127.0.0.1";
    public static final String DEFAULT_VALUE = "${env:" + VARIABLE + ":-" + DEFAULT + "}";
    public static final String DESCRIPTION =
        "Address the HTTP server listens on; 0.0.0.0 for all (env "
            + VARIABLE
            + "). It needs no credentials: keep it on loopback or behind a trusted network."
            + " Default: ${DEFAULT-VALUE}.";

    private HttpHost() {}
  }

  /**
   * The User-Agent SEC requires of EDGAR clients, for filings and filing pages; no flag, and no
   * default: a sources file's {@code edgar.user-agent} is the other way to set it.
   */
  public static final class EdgarUserAgent {
    public static final String VARIABLE =
        dev.bellwether.ingest.source.SourcesFile.EDGAR_USER_AGENT_VARIABLE;
    public static final String DESCRIPTION =
        "User-Agent for SEC EDGAR, naming your organisation and a contact address (env "
            + VARIABLE
            + ").";

    private EdgarUserAgent() {}

    /** The variable's value in this process's environment; null when unset or blank. */
    public static @Nullable String fromEnvironment() {
      return valueOf(System.getenv(VARIABLE));
    }

    /** Blank counts as unset: compose passes {@code ${VAR:-}} as an empty string. */
    public static @Nullable String valueOf(@Nullable String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
