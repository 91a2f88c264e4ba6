package io.github.packer2aib.core.diag;

import java.util.List;
import java.util.Locale;

/**
 * The names of variables and keys that say they hold a credential, in any case: one list for the
 * three places that judge a name. The environment of the process running the converter ({@code
 * EnvironmentCredentials}: a CI job's ARM_CLIENT_SECRET), a template's {@code environment_vars},
 * {@code env} and execute_command assignments ({@code PKRMAP-E405}, and {@code env("…")} reads),
 * and an assignment written in a command ({@code export DB_PASSWORD=…}, {@code "api_token": "…"}:
 * {@code RULE-W329} and the masking of quoted lines, {@link SecretScrubber}). The lists differed:
 * {@code AZURE_STORAGE_KEY=…} in {@code environment_vars} was exported without a word while the
 * same name in the converter's own environment was withheld as a credential.
 *
 * <p>A name is a credential's when it ends with one of {@link #GLUED} (also glued to the word
 * before it, as CI systems and tools spell theirs: {@code PGPASSWORD}, {@code SYSTEM_ACCESSTOKEN},
 * {@code CLIENTSECRET}, {@code DATADOG_APIKEY}), or is, or ends with {@code _} and, one of {@link
 * #WORDS} (the keys of services: {@code AWS_SECRET_ACCESS_KEY}, {@code AZURE_STORAGE_ACCOUNT_KEY},
 * {@code OPENAI_API_KEY}). A key that is public ({@code SSH_PUBLIC_KEY}), an id ({@code
 * GPG_KEY_ID}) or a file ({@code TOKEN_FILE}) is none; nor is {@code MONKEY}, which ends with "key"
 * alone.
 *
 * <p>The names of plugin settings ({@code client_secret}, {@code ssh_private_key}) are judged by
 * {@code Credentials}, which also knows their misspellings; every such name is one of these too.
 */
public final class CredentialNames {
  private CredentialNames() {}

  /** The words that end a credential's name, glued to the one before or not (lower case). */
  public static final List<String> GLUED = List.of("password", "token", "secret", "apikey");

  /** The words that end a credential's name as words of their own, alone or after {@code _}. */
  public static final List<String> WORDS =
      List.of(
          "secret_key",
          "private_key",
          "jwt",
          "access_key",
          "account_key",
          "api_key",
          "storage_key",
          "shared_key",
          "master_key",
          "sas_key");

  /**
   * {@link #GLUED} as a pattern's name (in a case-insensitive pattern): any letters, digits and
   * underscores before one of the words.
   */
  static final String GLUED_PATTERN = "[a-z0-9_]*(?:" + String.join("|", GLUED) + ")";

  /** {@link #WORDS} as a pattern's name: a word alone, or after letters, digits and {@code _}. */
  static final String WORDS_PATTERN = "(?:[a-z0-9_]*_)?(?:" + String.join("|", WORDS) + ")";

  /** Whether the name {@code name} says it holds a credential, in any case. */
  public static boolean isCredential(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < GLUED.size(); i++) {
      if (n.endsWith(GLUED.get(i))) {
        return true;
      }
    }
    for (int i = 0; i < WORDS.size(); i++) {
      String w = WORDS.get(i);
      if (n.endsWith(w)
          && (n.length() == w.length() || n.charAt(n.length() - w.length() - 1) == '_')) {
        return true;
      }
    }
    return false;
  }
}
