package io.github.packer2aib.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder trees for the {@code convert -r} tests, and ways to read what a run left behind. */
final class BulkTrees {
  private BulkTrees() {}

  static final String IDENTITY = Templates.IDENTITY;

  /**
   * {@code convert -r --identity IDENTITY extra...} through {@code builder}, with a fixed clock
   * ({@code SOURCE_DATE_EPOCH}), so outputs compare from run to run.
   */
  static CliRun bulk(CliRun.Builder builder, String... extra) {
    List<String> args = new ArrayList<>(List.of("convert", "-r", "--identity", IDENTITY));
    args.addAll(List.of(extra));
    return builder.env(Map.of("SOURCE_DATE_EPOCH", "1700000000")).run(args.toArray(String[]::new));
  }

  /** An HCL2 template whose one source is named {@code name}; it converts with --identity. */
  static String hcl(String name) {
    return "source \"azure-arm\" \""
        + name
        + "\" {\n"
        + "  os_type                           = \"Linux\"\n"
        + "  subscription_id                   = \"00000000-0000-0000-0000-000000000001\"\n"
        + "  location                          = \"westeurope\"\n"
        + "  image_publisher                   = \"Canonical\"\n"
        + "  image_offer                       = \"0001-com-ubuntu-server-jammy\"\n"
        + "  image_sku                         = \"22_04-lts-gen2\"\n"
        + "  managed_image_name                = \""
        + name
        + "-image\"\n"
        + "  managed_image_resource_group_name = \"rg-images\"\n"
        + "}\n"
        + "build {\n"
        + "  sources = [\"source.azure-arm."
        + name
        + "\"]\n"
        + "  provisioner \"shell\" {\n"
        + "    inline = [\"echo hello\"]\n"
        + "  }\n"
        + "}\n";
  }

  /** A legacy JSON template with one azure-arm builder named {@code name}. */
  static String legacy(String name) {
    return "{\n"
        + "  \"builders\": [{\n"
        + "    \"type\": \"azure-arm\", \"name\": \""
        + name
        + "\", \"os_type\": \"Linux\",\n"
        + "    \"subscription_id\": \"00000000-0000-0000-0000-000000000001\",\n"
        + "    \"location\": \"westeurope\",\n"
        + "    \"image_publisher\": \"Canonical\",\n"
        + "    \"image_offer\": \"0001-com-ubuntu-server-jammy\",\n"
        + "    \"image_sku\": \"22_04-lts-gen2\",\n"
        + "    \"managed_image_name\": \""
        + name
        + "-image\",\n"
        + "    \"managed_image_resource_group_name\": \"rg-images\"\n"
        + "  }],\n"
        + "  \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo hello\"]}]\n"
        + "}\n";
  }

  /** The same legacy template written as YAML. */
  static String legacyYaml(String name) {
    return "builders:\n"
        + "  - type: azure-arm\n"
        + "    name: "
        + name
        + "\n"
        + "    os_type: Linux\n"
        + "    subscription_id: 00000000-0000-0000-0000-000000000001\n"
        + "    location: westeurope\n"
        + "    image_publisher: Canonical\n"
        + "    image_offer: 0001-com-ubuntu-server-jammy\n"
        + "    image_sku: 22_04-lts-gen2\n"
        + "    managed_image_name: "
        + name
        + "-image\n"
        + "    managed_image_resource_group_name: rg-images\n"
        + "provisioners:\n"
        + "  - type: shell\n"
        + "    inline: [\"echo hello\"]\n";
  }

  /** A valid AIB resource. */
  static final String AIB = Templates.VALID_AIB;

  /** An AIB resource with an unknown source type: an error. */
  static final String BROKEN_AIB = Templates.VALID_AIB.replace("PlatformImage", "NoSuchImage");

  /** An ARM deployment template holding two image templates, named a and b. */
  static String twoTemplates() {
    String a = Templates.VALID_AIB.replaceFirst("\\{", "{ \"name\": \"a\",");
    String b = Templates.VALID_AIB.replaceFirst("\\{", "{ \"name\": \"b\",");
    return "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
        + "deploymentTemplate.json#\",\n  \"resources\": ["
        + a
        + ","
        + b
        + "]\n}\n";
  }

  /**
   * A repository below {@code root} with one template of each family: an HCL2 folder ({@code
   * hcl/web}), a legacy JSON template ({@code legacy/old.json}) and an AIB template ({@code
   * aib/image.json}); returns {@code root}.
   */
  static Path threeKinds(Path root) {
    put(root, "hcl/web/main.pkr.hcl", hcl("web"));
    put(root, "legacy/old.json", legacy("old"));
    put(root, "aib/image.json", AIB);
    return root;
  }

  static Path put(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file under a folder: relative path ('/') → content, sorted; without a bulk run's list of
   * its outputs ({@link OutputManifest}), which EarlierOutputsTest checks.
   */
  static TreeMap<String, String> files(Path root) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(OutputManifest.FILE_NAME))
          .forEach(all::add);
    }
    for (Path p : all) {
      out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
    }
    return out;
  }

  /** Deletes a folder and everything under it: the properties' trees are not left in /tmp. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
