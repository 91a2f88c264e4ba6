package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every part of a diagnostic a renderer prints goes through the secret scrubber: the summary, the
 * detail, the JSON pointer and the related places' labels. The text and JSON renderers once
 * scrubbed only the detail, so a credential quoted in a label reached the terminal.
 */
class RenderedSecretsTest {

  private static final String SECRET = "Hunter2Hunter2Hunter2";

  private static Diagnostic everywhere() {
    SourceFile file = new SourceFile("t.json", "{\"a\": 1}");
    return new Diagnostic(
            "TEST-E001",
            Severity.ERROR,
            "Bad --password=" + SECRET,
            "The command sets --password=" + SECRET + ".",
            Optional.of(file.range(1, 4)),
            Optional.of("/inline/--password=" + SECRET),
            List.of())
        .withRelated(new Related(file.range(6, 7), "password: " + SECRET));
  }

  @Test
  void theTextRendererScrubsEveryPart() {
    SourceFile file = new SourceFile("t.json", "{\"a\": 1}");
    String text = new TextRenderer(n -> Optional.of(file)).render(List.of(everywhere()));
    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("note: password: ***"), text);
  }

  @Test
  void theJsonRendererScrubsEveryPart() {
    String json = new JsonRenderer().render(List.of(everywhere()));
    assertFalse(json.contains(SECRET), json);
    assertTrue(json.contains("\"label\" : \"password: ***\""), json);
  }

  @Test
  void theSarifRendererScrubsEveryPart() {
    String sarif = new SarifRenderer("1", Optional.empty()).render(List.of(everywhere()));
    assertFalse(sarif.contains(SECRET), sarif);
  }
}
