package dev.bellwether.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;

/** A Javalin server on a free port of 127.0.0.1 serving the given routes, for the HTTP tests. */
public final class LoopbackServer {
  private LoopbackServer() {}

  public static Javalin start(Consumer<JavalinConfig> routes) {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              routes.accept(config);
            })
        .start();
  }
}
