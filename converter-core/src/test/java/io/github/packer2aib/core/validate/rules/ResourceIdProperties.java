package io.github.packer2aib.core.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written resource id check answers what the pattern it replaced answers. */
class ResourceIdProperties {
  /** The resource id pattern the check was written from. */
  private static final Pattern RESOURCE_ID =
      Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/.+");

  @Property(tries = 5000)
  void agreesWithThePattern(@ForAll("ids") String id) {
    assertEquals(RESOURCE_ID.matcher(id).matches(), ServiceRules.isResourceId(id), id);
  }

  @Test
  void readsTheUsualForms() {
    assertTrue(
        ServiceRules.isResourceId(
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/images/x"));
    assertTrue(ServiceRules.isResourceId("/SUBSCRIPTIONS/0/RESOURCEGROUPS/rg/PROVIDERS/p/a/b/c"));
    assertFalse(ServiceRules.isResourceId("/subscriptions/0/resourceGroups/rg/providers/p/"));
    assertFalse(ServiceRules.isResourceId("/subscriptions//resourceGroups/rg/providers/p/x"));
    assertFalse(ServiceRules.isResourceId("/subscriptions/0/resourceGroups/rg/providers/p/x\ny"));
    // The long s (U+017F) and the Kelvin sign fold to ASCII letters only with UNICODE_CASE.
    assertFalse(ServiceRules.isResourceId("/\u017Fubscriptions/0/resourceGroups/rg/providers/p/x"));
    assertFalse(ServiceRules.isResourceId(""));
  }

  /** Ids made of the pattern's own words in various cases, separators and odd characters. */
  @Provide
  Arbitrary<String> ids() {
    Arbitrary<String> token =
        Arbitraries.of(
            List.of(
                "/",
                "subscriptions",
                "SubScriptions",
                "resourceGroups",
                "RESOURCEGROUPS",
                "resourcegroup",
                "providers",
                "Providers",
                "\u017Fubscriptions",
                "0000",
                "rg",
                "a",
                "x/y",
                "\n",
                "\r",
                "\u2028",
                "\u0085",
                " ",
                "\u00e9",
                "//"));
    Arbitrary<String> random = Arbitraries.strings().withChars("/sSpP\nx").ofMaxLength(3);
    Arbitrary<String> loose =
        Arbitraries.oneOf(token, token, token, random)
            .list()
            .ofMaxSize(14)
            .map(parts -> String.join("", parts));
    // Nearly valid ids: the shape of one, each part from the tokens (maybe empty or broken).
    Arbitrary<String> part =
        Arbitraries.oneOf(token, random, Arbitraries.of("a", "rg", "Microsoft.Compute/images/x"));
    Arbitrary<String> shaped =
        Arbitraries.oneOf(token, Arbitraries.of("subscriptions", "resourceGroups", "providers"))
            .list()
            .ofSize(3)
            .flatMap(
                words ->
                    part.list()
                        .ofSize(4)
                        .map(
                            parts ->
                                "/"
                                    + words.get(0)
                                    + "/"
                                    + parts.get(0)
                                    + "/"
                                    + words.get(1)
                                    + "/"
                                    + parts.get(1)
                                    + "/"
                                    + words.get(2)
                                    + "/"
                                    + parts.get(2)
                                    + "/"
                                    + parts.get(3)));
    return Arbitraries.oneOf(loose, shaped, shaped);
  }
}
