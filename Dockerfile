# syntax=docker/dockerfile:1
#
# One image for every Bellwether role; the command picks the role:
#   docker build -t bellwether:local .
#   docker run --rm bellwether:local ingest --bootstrap-servers kafka:9092 --sources /etc/bellwether/sources.yaml
#   docker run --rm bellwether:local --help
# docker-compose.yml builds it and runs each role as its own service (docs/operations.md).

ARG JDK_IMAGE=eclipse-temurin:17-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:17-jre-jammy

# --- build: the shaded jar, with the Maven wrapper --------------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY schemas/ schemas/
COPY yaml/ yaml/
COPY core/ core/
COPY localkafka/ localkafka/
COPY extract/ extract/
COPY ingest/ ingest/
COPY processors/ processors/
COPY slackbot/ slackbot/
COPY dashboard/ dashboard/
COPY app/ app/
# bench is a reactor module but not part of the image: its pom is enough for Maven to read the
# reactor. Every module of pom.xml must appear here (DockerfileTest checks it).
COPY bench/pom.xml bench/pom.xml
# Tests run in CI (./mvnw -B verify), not here. The cache mount keeps ~/.m2 between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl app -am package -DskipTests \
    && cp app/target/bellwether.jar /bellwether.jar

# --- run: a JRE, the jar, the default configuration, a user without privileges ----------------
FROM ${JRE_IMAGE}
RUN groupadd --system --gid 10001 bellwether \
    && useradd --system --uid 10001 --gid bellwether --home-dir /var/lib/bellwether \
         --shell /usr/sbin/nologin bellwether \
    && mkdir -p /var/lib/bellwether/streams /etc/bellwether \
    && chown -R bellwether:bellwether /var/lib/bellwether
COPY --from=build /bellwether.jar /opt/bellwether/bellwether.jar
# Defaults; docker-compose.yml mounts ./config over them, read-only.
COPY config/ /etc/bellwether/
USER 10001:10001
WORKDIR /var/lib/bellwether
# Streams state of `process`; logs stay on stderr (BELLWETHER_LOG_FORMAT=json for shippers).
ENV BELLWETHER_STATE_DIR=/var/lib/bellwether/streams
# The ops HTTP server of every role: /health/live, /health/ready, /metrics.
EXPOSE 8080
# The JVM is PID 1 and gets SIGTERM itself, so each role's shutdown hook closes it cleanly.
# More JVM options: JAVA_TOOL_OPTIONS (e.g. -Xmx512m), which the JVM reads on its own.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/bellwether/bellwether.jar"]
CMD ["--help"]
