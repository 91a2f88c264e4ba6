package io.github.packer2aib.core.example;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.PackerConversion;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.Path;
import java.time.Instant;

/** Converts templates given as text, as a service that receives them would. */
public final class LibraryExample {
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
          + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib";

  /** An image template (JSON or YAML, also an ARM deployment): messages, then the output. */
  public static String convertImageTemplate(String name, String text) {
    SourceFile input = new SourceFile(name, text);
    ConversionResult result = new Converter().convert(input, ConvertOptions.defaults());
    return report(result, input);
  }

  /** A Packer template (image.pkr.hcl, .pkr.json, or a legacy .json or .yaml) without files. */
  public static String convertPackerTemplate(String name, String text) {
    PackerOptions packer =
        PackerOptions.defaults(
            Path.of("/template").toAbsolutePath(), Clock.frozenAt(Instant.now()));
    MapOptions mapping = MapOptions.defaults().withIdentity(IDENTITY);
    ConversionResult result =
        new PackerConversion().convertText(name, text, packer, mapping, OutputFormat.JSON);
    return report(result);
  }

  /** The messages, quoting the result's own (masked) copies of files, then each template. */
  private static String report(ConversionResult result, SourceFile... read) {
    StringBuilder out = new StringBuilder(result.textRenderer(read).render(result.diagnostics()));
    for (ConvertedTemplate t : result.templates()) {
      out.append("== ").append(t.name()).append('\n').append(t.text());
    }
    return out.toString();
  }
}
