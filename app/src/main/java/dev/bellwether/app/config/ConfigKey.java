package dev.bellwether.app.config;

import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.slackbot.SlackBotConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every environment variable Bellwether reads, declared once, as Debezium declares its {@code
 * Field}s: the variable, its default and who reads it. docs/configuration.md's reference table is
 * checked against this list ({@code ConfigKeyTest}), and so is every {@code BELLWETHER_*} name in
 * the code, the logging configuration and the compose file.
 *
 * <p>A variable that stands for an option ({@link Reader#OPTION}) is linked to it by the option's
 * {@code descriptionKey}, which names the variable through {@link Names} (annotations take
 * compile-time constants only). {@link EnvironmentDefaults} then gives the option the variable's
 * value when it is set, or the default here, and its help text from here ({@link
 * OptionDescriptions}); each command's help lists the variables of its options. The option itself
 * says only its flag, its parameter's label and its key.
 */
public enum ConfigKey {
  BOOTSTRAP_SERVERS(
      option(
          Names.BOOTSTRAP_SERVERS, "localhost:9092", "Kafka cluster. Default: ${DEFAULT-VALUE}.")),
  KAFKA_CONFIG(
      option(
          Names.KAFKA_CONFIG,
          null,
          "Kafka client settings for every client of this command, as Java "
              + "properties (security.protocol, sasl.*, ssl.*: docs/configuration.md); "
              + "also BELLWETHER_KAFKA_<SETTING> variables, e.g. "
              + "BELLWETHER_KAFKA_SECURITY_PROTOCOL=SASL_SSL, which win over the file. "
              + "Secrets are never printed.")),
  /** A family: {@code BELLWETHER_KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}. */
  KAFKA_SETTING(code(Names.KAFKA_SETTING_PREFIX + "<SETTING>", null)),
  DATA_DIR(
      option(
          Names.DATA_DIR,
          "bellwether-data",
          "Where the broker's logs and the processors' state live. Default: "
              + "${DEFAULT-VALUE}.")),
  STATE_DIR(
      option(
          Names.STATE_DIR,
          "bellwether-data/streams",
          "Where the state stores live. Default: ${DEFAULT-VALUE}.")),
  STORY_WINDOW(
      option(
          Names.STORY_WINDOW,
          "72h",
          "How far apart two articles linked into one story may be published. "
              + "Default: ${DEFAULT-VALUE}.")),
  MODEL(
      option(
          Names.MODEL,
          "builtin",
          "The learned event model beside the rules (docs/tagging.md): a file "
              + "written by `bellwether train`, the built-in one, or none for the rules "
              + "alone. Default: ${DEFAULT-VALUE}.")),
  COMMIT_INTERVAL(
      option(
          Names.COMMIT_INTERVAL,
          "200ms",
          "How often the processors commit their exactly-once transactions, 10ms "
              + "to 1m. An alert waits for two commits: 100ms gives alerts sooner up to "
              + "about half of saturation, 200ms keeps p99 under a second nearer to "
              + "saturation. Default: ${DEFAULT-VALUE}.")),
  INSTANCE_ID(
      option(
          Names.INSTANCE_ID,
          null,
          "Names this fetcher's transactional producer (bellwether-fetch-ID): "
              + "unique per running instance, stable across restarts. Default: the host "
              + "name.")),
  EDGAR_USER_AGENT(code(SourcesFile.EDGAR_USER_AGENT_VARIABLE, null)),
  HTTP_HOST(
      option(
          Names.HTTP_HOST,
          "127.0.0.1",
          "Address the HTTP server listens on; 0.0.0.0 for all. It needs no "
              + "credentials: keep it on loopback or behind a trusted network. Default: "
              + "${DEFAULT-VALUE}.")),
  HTTP_PORT(
      option(
          Names.HTTP_PORT,
          "8080",
          "Port of the HTTP server (/health/live, /health/ready, /metrics, the "
              + "API and, for run and web, the dashboard); 0 picks a free one. Default: "
              + "${DEFAULT-VALUE}.")),
  HTTP_ADVERTISED_HOST(
      option(
          Names.HTTP_ADVERTISED_HOST,
          null,
          "Host name other processor instances use to reach this one's ops HTTP "
              + "server (for /api/trends across instances). Default: --http-host, or "
              + "the machine's host name when that is 0.0.0.0.")),
  DASHBOARD_ALERTS(
      option(
          Names.DASHBOARD_ALERTS,
          "10000",
          "How many of the newest alerts the dashboard keeps in memory (about 3 "
              + "KB each). Default: ${DEFAULT-VALUE}.")),
  PROCESSORS_URL(
      option(
          Names.PROCESSORS_URL,
          null,
          "HTTP address of any `bellwether process` instance (or `run`), asked "
              + "for /api/trends. Without it the trends view says trends are not "
              + "available.")),
  /** The host port compose publishes the dashboard on; no Bellwether process reads it. */
  DASHBOARD_PORT(compose("BELLWETHER_DASHBOARD_PORT", "8080")),
  LOG_FORMAT(code("BELLWETHER_LOG_FORMAT", "text")),
  LOG_LEVEL(logback("BELLWETHER_LOG_LEVEL", "INFO")),
  KAFKA_LOG_LEVEL(logback("BELLWETHER_KAFKA_LOG_LEVEL", "WARN")),
  SLACK_BOT_TOKEN(code(SlackBotConfig.TOKEN, null)),
  SLACK_WEBHOOK_URL(code(SlackBotConfig.WEBHOOK_URL, null)),
  SLACK_API_URL(code(SlackBotConfig.API_URL, "https://slack.com/api/")),
  SLACK_CHANNELS_FILE(code(SlackBotConfig.CHANNELS_FILE, null)),
  SLACK_CHANNELS(code(SlackBotConfig.CHANNELS, null)),
  SLACK_DEFAULT_CHANNEL(code(SlackBotConfig.DEFAULT_CHANNEL, null)),
  SLACK_START(code(SlackBotConfig.START, "latest"));

  /** Who reads a variable. */
  public enum Reader {
    /** An option's default, through {@link EnvironmentDefaults}. */
    OPTION,
    /** Bellwether's code, where the variable is needed (the module declaring it is named). */
    CODE,
    /** {@code logback.xml}, when logging starts. */
    LOGBACK,
    /** Only {@code docker-compose.yml}. */
    COMPOSE
  }

  /**
   * The names of the variables options stand for, as constants for their {@code descriptionKey}:
   * {@code @Option(names = "--http-port", descriptionKey = Names.HTTP_PORT)}.
   */
  public static final class Names {
    public static final String BOOTSTRAP_SERVERS = "BELLWETHER_BOOTSTRAP_SERVERS";
    public static final String KAFKA_CONFIG = "BELLWETHER_KAFKA_CONFIG";
    public static final String KAFKA_SETTING_PREFIX = "BELLWETHER_KAFKA_";
    public static final String DATA_DIR = "BELLWETHER_DATA_DIR";
    public static final String STATE_DIR = "BELLWETHER_STATE_DIR";
    public static final String STORY_WINDOW = "BELLWETHER_STORY_WINDOW";
    public static final String MODEL = "BELLWETHER_MODEL";
    public static final String COMMIT_INTERVAL = "BELLWETHER_COMMIT_INTERVAL";
    public static final String INSTANCE_ID = "BELLWETHER_INSTANCE_ID";
    public static final String HTTP_HOST = "BELLWETHER_HTTP_HOST";
    public static final String HTTP_PORT = "BELLWETHER_HTTP_PORT";
    public static final String HTTP_ADVERTISED_HOST = "BELLWETHER_HTTP_ADVERTISED_HOST";
    public static final String DASHBOARD_ALERTS = "BELLWETHER_DASHBOARD_ALERTS";
    public static final String PROCESSORS_URL = "BELLWETHER_PROCESSORS_URL";

    private Names() {}
  }

  /** What is known of a variable. */
  private record Spec(
      String variable,
      @Nullable String defaultValue,
      Reader reader,
      @Nullable String description) {}

  private static Spec option(String variable, @Nullable String defaultValue, String description) {
    return new Spec(variable, defaultValue, Reader.OPTION, description);
  }

  private static Spec code(String variable, @Nullable String defaultValue) {
    return new Spec(variable, defaultValue, Reader.CODE, null);
  }

  private static Spec logback(String variable, String defaultValue) {
    return new Spec(variable, defaultValue, Reader.LOGBACK, null);
  }

  private static Spec compose(String variable, String defaultValue) {
    return new Spec(variable, defaultValue, Reader.COMPOSE, null);
  }

  private final Spec spec;

  ConfigKey(Spec spec) {
    this.spec = spec;
  }

  public String variable() {
    return spec.variable();
  }

  /** The value used when the variable is not set (and no flag is given); null: none. */
  public @Nullable String defaultValue() {
    return spec.defaultValue();
  }

  /**
   * The help text of the option that stands for this variable ({@code ${DEFAULT-VALUE}} is
   * picocli's); null for a variable without an option.
   */
  public @Nullable String description() {
    return spec.description();
  }

  public Reader reader() {
    return spec.reader();
  }

  /**
   * The variable's value in {@code env}, stripped; null when unset or blank (compose passes an
   * unset {@code ${VAR:-}} as an empty string).
   */
  public @Nullable String valueIn(Map<String, String> env) {
    String value = env.get(spec.variable());
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The key of a variable name, when Bellwether knows it. */
  public static Optional<ConfigKey> of(String variable) {
    return Arrays.stream(values()).filter(k -> k.variable().equals(variable)).findFirst();
  }
}
