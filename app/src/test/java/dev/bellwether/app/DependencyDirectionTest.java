package dev.bellwether.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of docs/architecture.md: yaml, schemas and core at the bottom, then
 * localkafka, ingest and processors, then app. Arrows never point back up, and core stays pure.
 */
class DependencyDirectionTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importBellwether() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // test jars (localkafka's, slackbot's) hold test code too, outside target/test-classes
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.bellwether");
  }

  @Test
  void coreImportsNoKafkaHttpAvroParsersLoggingOrMetrics() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.rometools..",
            "org.jsoup..",
            "org.slf4j..",
            "ch.qos.logback..",
            "java.net.http..",
            "io.micrometer..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "dev.bellwether.schemas..",
            "dev.bellwether.extract..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..")
        .because("core is the pure, tested domain (DESIGN.md)")
        .check(classes);
  }

  @Test
  void theYamlBindingKnowsNothingOfOursButSnakeYaml() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.yaml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.schemas..",
            "dev.bellwether.core..",
            "dev.bellwether.extract..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.slackbot..",
            "dev.bellwether.dashboard..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..",
            "org.apache.kafka..",
            "org.slf4j..")
        .because("every module reads its configuration through it (ADR 0013)")
        .check(classes);
  }

  @Test
  void schemasDependOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.core..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..")
        .check(classes);
  }

  @Test
  void ingestAndProcessorsDoNotKnowEachOtherOrTheApp() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.processors..", "dev.bellwether.app..", "dev.bellwether.localkafka..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.processors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.ingest..", "dev.bellwether.app..", "dev.bellwether.localkafka..")
        .check(classes);
  }

  @Test
  void extractIsPureAndKnowsNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.extract..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.rometools..",
            "org.slf4j..",
            "java.net.http..",
            "io.micrometer..",
            "dev.bellwether.schemas..",
            "dev.bellwether.core..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..")
        .because("the extractor turns a page's bytes into its article and nothing else (issue 20)")
        .check(classes);
  }

  @Test
  void httpAndPolitenessSitBelowEverySourceKind() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.ingest.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.ingest.poll..",
            "dev.bellwether.ingest.page..",
            "dev.bellwether.ingest.feed..",
            "dev.bellwether.ingest.html..",
            "dev.bellwether.extract..")
        .because("fetching politely (limits, robots.txt, host throttle) serves every reader alike")
        .check(classes);
  }

  @Test
  void processorsDoNoBlockingHttp() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.processors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.net.http..", "com.rometools..", "org.jsoup..", "dev.bellwether.extract..")
        .because("blocking I/O never runs on a Streams thread")
        .check(classes);
  }

  @Test
  void onlyTheReplayRunsKafkasTestDriver() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.bellwether.processors.replay..")
        .should()
        .dependOnClassesThat()
        .haveNameMatching(
            "org\\.apache\\.kafka\\.streams\\.(TopologyTestDriver|TestInputTopic|TestOutputTopic"
                + "|test\\..*|processor\\.(api\\.)?MockProcessorContext)(\\$.*)?")
        .because("kafka-streams-test-utils ships only for bellwether replay (ADR 0014)")
        .check(classes);
  }

  @Test
  void slackbotKnowsOnlyTheSchemas() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.slackbot..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.core..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..")
        .because("the Slack bot is a downstream consumer of the alerts topic (DESIGN.md)")
        .check(classes);
  }

  @Test
  void dashboardKnowsOnlyTheSchemas() {
    noClasses()
        .that()
        .resideInAPackage("dev.bellwether.dashboard..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bellwether.core..",
            "dev.bellwether.ingest..",
            "dev.bellwether.processors..",
            "dev.bellwether.slackbot..",
            "dev.bellwether.app..",
            "dev.bellwether.localkafka..")
        .because("the dashboard is a read-only consumer of the alerts topic (docs/architecture.md)")
        .check(classes);
  }
}
