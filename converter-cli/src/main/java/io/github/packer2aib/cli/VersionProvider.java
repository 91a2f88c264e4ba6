package io.github.packer2aib.cli;

import io.github.packer2aib.core.aib.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version (from a Maven-filtered resource) and the API versions. */
final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    List<String> ids = ApiVersion.ids();
    return new String[] {
      "packer2aib " + version(),
      "AIB API versions "
          + ids.get(0)
          + " to "
          + ids.get(ids.size() - 1)
          + " (default "
          + ApiVersion.DEFAULT.id()
          + ")"
    };
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
