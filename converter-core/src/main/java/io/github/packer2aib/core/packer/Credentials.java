package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.diag.CredentialNames;
import io.github.packer2aib.core.diag.EditDistance;
import io.github.packer2aib.core.source.TextMemo;

/**
 * The names of plugin settings that hold a credential: {@code client_secret}, {@code
 * winrm_password}, {@code ssh_private_key}, {@code oidc_request_token}, … A value written there is
 * a secret whether or not it comes from a {@code sensitive} variable, so the loaders mark it
 * sensitive ({@code inspect} shows {@code "<sensitive>"}, no message quotes it, and the mapper
 * would refuse to copy it) and a renderer masks it where it quotes the line it is written on.
 *
 * <p>Only names that hold the secret itself: a path to one ({@code ssh_private_key_file}, {@code
 * client_cert_path}) or a setting about one ({@code client_cert_token_timeout}) is shown as
 * written, which is what a reader of a diagnostic needs to fix it.
 */
public final class Credentials {
  private Credentials() {}

  /**
   * Whether the setting {@code name} (of a source, provisioner or post-processor) holds one: its
   * name {@link #namedAsSecret says so}, or it is a misspelling of a credential setting of the
   * azure-arm builder or of Packer's communicator ({@code client_secert}, {@code winrm_pasword}).
   * Packer refuses such a field ({@code PKRMAP-E128}), but the value written there is the secret
   * all the same, and the line that quotes it would show it.
   */
  public static boolean holdsSecret(String name) {
    return namedAsSecret(name) || (mayBeNear(name) && NEAR_CREDENTIAL_SETTING.get(name));
  }

  /**
   * {@link #nearCredentialSetting} of the names met first: every setting of every template is
   * asked, a bulk run's templates repeat the same few dozen names, and nine edit distances per
   * setting were 8% of a bulk run of legacy templates.
   */
  private static final TextMemo<Boolean> NEAR_CREDENTIAL_SETTING =
      new TextMemo<>(4096, Credentials::nearCredentialSetting);

  /**
   * The credential settings of the azure-arm builder and of Packer's communicator, whose
   * misspellings hold secrets too. Only whole names: a word alone within two edits of "secret"
   * takes in "secure".
   */
  private static final String[] CREDENTIAL_SETTINGS = {
    "client_jwt",
    "ssh_password",
    "client_secret",
    "winrm_password",
    "ssh_private_key",
    "oidc_request_token",
    "ssh_proxy_password",
    "client_cert_password",
    "ssh_bastion_password"
  };

  /** The shortest and longest of {@link #CREDENTIAL_SETTINGS}. */
  private static final int SHORTEST = 10;

  private static final int LONGEST = 20;

  /** Whether {@code name} is long enough and short enough to be near one of them. */
  private static boolean mayBeNear(String name) {
    int n = name.length();
    return n >= SHORTEST - EditDistance.MAX && n <= LONGEST + EditDistance.MAX;
  }

  /** Whether {@code name} is two edits or fewer from one of {@link #CREDENTIAL_SETTINGS}. */
  static boolean nearCredentialSetting(String name) {
    if (!mayBeNear(name)) {
      return false; // most names: too short or too long to be one (every setting comes here)
    }
    for (String setting : CREDENTIAL_SETTINGS) {
      if (EditDistance.between(name, setting) <= EditDistance.MAX) {
        return true;
      }
    }
    return false;
  }

  /** Whether the name {@code name} says that it holds a credential. */
  public static boolean namedAsSecret(String name) {
    // Each word ends in d, t, y or n: most names are answered by their last letter (every setting
    // of every template comes here).
    char last = name.isEmpty() ? 0 : name.charAt(name.length() - 1);
    if (last != 'd' && last != 't' && last != 'y' && last != 'n') {
      return false;
    }
    return ends(name, "password")
        || ends(name, "secret")
        || ends(name, "secret_key")
        || ends(name, "private_key")
        || ends(name, "token")
        || ends(name, "jwt");
  }

  /**
   * Whether the environment variable {@code name} holds one (AZURE_PASSWORD, SAS_TOKEN,
   * AZURE_STORAGE_KEY): named as a credential in any case, by the one list of {@link
   * CredentialNames} that the converter's own environment, a template's environment_vars and env,
   * and RULE-W329's assignments in commands share. Packer reads it at build time and never stores
   * it, so a value read from it while converting is secret.
   *
   * <p>Wider than {@link #namedAsSecret}, deliberately: a plugin setting named {@code access_key}
   * (the amazon builders') is a key's id, no secret, while {@code ARM_ACCESS_KEY} in an environment
   * is a storage account's key; and tools glue the words of variables ({@code PGPASSWORD}, {@code
   * SYSTEM_ACCESSTOKEN}) where plugins write settings with underscores.
   */
  public static boolean environmentHoldsSecret(String name) {
    return CredentialNames.isCredential(name);
  }

  /** {@code name} is {@code word}, or ends with {@code _word}. */
  private static boolean ends(String name, String word) {
    int at = name.length() - word.length();
    return name.endsWith(word) && (at == 0 || name.charAt(at - 1) == '_');
  }
}
