package io.github.packer2aib.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** One run of the command line with captured streams. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return with().run(args);
  }

  static Builder with() {
    return new Builder();
  }

  static final class Builder {
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);
    private Map<String, String> env = Map.of();
    private Supplier<Engine> engine = Engine::core;

    Builder stdin(String text) {
      stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Builder stdin(InputStream in) {
      stdin = in;
      return this;
    }

    Builder env(Map<String, String> newEnv) {
      env = newEnv;
      return this;
    }

    Builder engine(Engine newEngine) {
      engine = () -> newEngine;
      return this;
    }

    CliRun run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(args, stdin, new PrintWriter(out), new PrintWriter(err), env, engine);
      return new CliRun(code, out.toString(), err.toString());
    }
  }
}
