package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The characters of a name: exactly Azure's class {@code [A-Za-z0-9-_.]}. */
class NameCharactersTest {
  private static final Pattern AZURE = Pattern.compile("[A-Za-z0-9-_.]");

  @Test
  void everyCharacterIsSafeExactlyWhenAzuresClassHoldsIt() {
    for (int c = 0; c < 0x3000; c++) {
      assertEquals(
          AZURE.matcher(new String(Character.toChars(c))).matches(),
          NameCharacters.isSafe(c),
          "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void aNameIsSafeWhenNotEmptyAndEveryCharacterIs() {
    assertTrue(NameCharacters.allSafe("ubuntu-22.04_image"));
    assertFalse(NameCharacters.allSafe(""));
    assertFalse(NameCharacters.allSafe("a/b"));
    assertFalse(NameCharacters.allSafe("über"));
  }

  @Test
  void windowsDeviceNamesAreFoundInAnyCaseAndBeforeAnyExtension() {
    for (String device :
        new String[] {
          "con",
          "CON",
          "Nul",
          "aux",
          "prn",
          "com0",
          "COM1",
          "com9",
          "lpt1",
          "LPT9",
          "nul.json",
          "con.a.yaml",
          "con .json",
          "aux.",
          "com1.tar.gz"
        }) {
      assertTrue(NameCharacters.isWindowsDevice(device), device);
    }
    for (String name :
        new String[] {
          "",
          "co",
          "cons",
          "console",
          "con_",
          "con-web",
          "com",
          "com10",
          "lpt",
          "xcon",
          "nulls.json",
          "web.con",
          "_con"
        }) {
      assertFalse(NameCharacters.isWindowsDevice(name), name);
    }
  }
}
