package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.Objects;

/**
 * The values given with {@code --data} for a data source that reads secrets ({@code
 * azure-keyvaultsecret}): sensitive, and never shown. A message about a secret in the output names
 * such a data source as where the secret came from, as it names a sensitive variable, rather than
 * "a sensitive variable or local" the template does not have.
 *
 * @param reference {@code data.TYPE.NAME}
 * @param value the object of the given attributes
 */
public record SecretData(String reference, Value value) {
  /** The data source type that reads a secret from Azure Key Vault. */
  public static final String KEY_VAULT_SECRET = "azure-keyvaultsecret";

  public SecretData {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Whether a data source of {@code type} reads a secret: what is given for it is sensitive, and
   * its value belongs in a step that fetches it on the build VM, not in the image template.
   */
  public static boolean readsSecrets(String type) {
    return type.equals(KEY_VAULT_SECRET);
  }

  /**
   * The advice where a secret belongs instead of the image template, as the end of "have a step …":
   * "fetch {@code secret} on the build VM instead (for instance from Key Vault with the VM's
   * identity)". One text for the binder's and the mapper's messages about secrets that cannot be
   * read at conversion time (a secret data source, {@code vault(…)} and the like).
   *
   * @param secret what is fetched, as "the secret" or "the secrets"
   */
  public static String fetchOnTheVm(String secret) {
    return "fetch "
        + secret
        + " on the build VM instead (for instance from Key Vault with the VM's identity)";
  }
}
