package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program that prints a result's diagnostics quotes the result's own copy of a file in place of
 * the text it read: the copy masks what a quoted line must not show. Rendering with the input as
 * read, the obvious call, printed an ARM template's securestring default on the line of a
 * diagnostic; the library review found this documented only on a private method.
 */
class QuotedFilesTest {
  private static final String ARM =
      "{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/"
          + "deploymentTemplate.json#\",\"contentVersion\":\"1.0.0.0\",\"parameters\":{\"pw\":"
          + "{\"type\":\"securestring\",\"defaultValue\":\"SECUREDEFAULT-9876\"}},\"resources\":"
          + "[{\"type\":\"Microsoft.VirtualMachineImages/imageTemplates\",\"apiVersion\":"
          + "\"2024-02-01\",\"name\":\"t\",\"location\":\"westeurope\",\"properties\":{\"bogus\":1,"
          + "\"source\":{\"type\":\"PlatformImage\",\"publisher\":\"Canonical\",\"offer\":\"ubuntu\","
          + "\"sku\":\"22_04-lts\",\"version\":\"latest\"},\"customize\":[{\"type\":\"Shell\","
          + "\"name\":\"s\",\"inline\":[\"[parameters('pw')]\"]}],\"distribute\":[{\"type\":"
          + "\"ManagedImage\",\"imageId\":\"/subscriptions/00000000-0000-0000-0000-000000000000/"
          + "resourceGroups/rg/providers/Microsoft.Compute/images/i\",\"location\":\"westeurope\",\"runOutputName\":\"r\"}]}}]}\n";

  @Test
  void theResultsMaskedCopyOfTheInputIsQuotedInPlaceOfTheTextRead() {
    SourceFile input = new SourceFile("arm.json", ARM);
    ConversionResult r = new Converter().convert(input, ConvertOptions.defaults());

    String text = r.textRenderer(input).render(r.diagnostics());

    assertTrue(text.contains("arm.json:1:"), text);
    assertTrue(text.contains("1 | "), "a line is quoted: " + text);
    assertFalse(text.contains("SECUREDEFAULT"), text);
    List<SourceFile> quoted = r.quotedFiles(input);
    assertEquals(1, quoted.size());
    assertNotSame(input, quoted.get(0), "the result's copy");
    assertEquals(r.sources(), quoted);
  }

  @Test
  void theCallersFilesAreQuotedWhereTheResultHasNoCopy() {
    SourceFile plain = new SourceFile("plain.json", "{}\n");
    SourceFile other = new SourceFile("other.json", "{}\n");
    SourceFile masked = new SourceFile("plain.json", "{}\n");
    ConversionResult none = new ConversionResult(List.of(), List.of());
    ConversionResult copy = new ConversionResult(List.of(), List.of(), List.of(masked));

    assertEquals(List.of(plain, other), none.quotedFiles(plain, other));
    List<SourceFile> quoted = copy.quotedFiles(plain, other);
    assertSame(masked, quoted.get(0));
    assertSame(other, quoted.get(1));
  }
}
