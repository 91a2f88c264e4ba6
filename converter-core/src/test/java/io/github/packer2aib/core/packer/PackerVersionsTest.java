package io.github.packer2aib.core.packer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** go-version's grammar, as Packer reads required_version and min_packer_version with it. */
class PackerVersionsTest {

  @Test
  void versionsAsGoVersionParsesThem() {
    for (String v :
        // "1.2.3-" too: the dash is a pre-release letter to go-version.
        List.of(
            "1.7.0",
            "v1.7",
            "1",
            "1.6.0-beta.1",
            "1.6.0beta",
            "1.6.0+ent",
            "1.2.3-4.5~x",
            "1.2.3-")) {
      assertTrue(PackerVersions.isVersion(v), v);
    }
    for (String v :
        List.of("", "banana", "1.", ".1", "1..2", "v", " 1.0", "1.99999999999999999999")) {
      assertFalse(PackerVersions.isVersion(v), v);
    }
  }

  @Test
  void constraintsAsGoVersionParsesThem() {
    for (String c :
        List.of(
            ">= 1.7.0",
            "~> 1.11",
            ">=1.7,<2",
            " = 1.0 ",
            "!= 1.8.0, >= 1.7",
            "1.7.0",
            ">= 99.0.0",
            "\t>1.0\n")) {
      assertTrue(PackerVersions.isConstraint(c), c);
    }
    for (String c :
        List.of("", "banana", ">= 1.7.0,", "=> 1.7", ">= 1.7 < 2", "latest", ">= 1.7\u000b")) {
      assertFalse(PackerVersions.isConstraint(c), c);
    }
  }
}
