package io.github.packer2aib.core.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.SecretScrubber;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three places that judge whether a variable's name says it holds a credential use one list
 * (credentials review, session 29): the converter's own environment ({@link
 * EnvironmentCredentials}), a template's environment_vars and env ({@link
 * Credentials#environmentHoldsSecret}, PKRMAP-E405), and an assignment written in a command ({@link
 * SecretScrubber#literalCredential}, RULE-W329). The environment's list was the widest:
 * AZURE_STORAGE_KEY=… in environment_vars and export STORAGE_ACCOUNT_KEY=… in a command passed
 * silently.
 */
class CredentialNamesAgreementTest {
  private static final List<String> CREDENTIALS =
      List.of(
          "ADMIN_PASSWORD",
          "PGPASSWORD",
          "password",
          "SAS_TOKEN",
          "SYSTEM_ACCESSTOKEN",
          "CLIENTSECRET",
          "client_secret",
          "AWS_SECRET_KEY",
          "SSH_PRIVATE_KEY",
          "client_jwt",
          "AWS_SECRET_ACCESS_KEY",
          "ARM_ACCESS_KEY",
          "STORAGE_ACCOUNT_KEY",
          "AZURE_STORAGE_KEY",
          "OPENAI_API_KEY",
          "DATADOG_APIKEY",
          "BLOB_SAS_KEY",
          "SHARED_KEY",
          "COSMOS_MASTER_KEY",
          "DB2_PASSWORD");

  private static final List<String> NONE =
      List.of(
          "PATH",
          "HOME",
          "SSH_PUBLIC_KEY",
          "GPG_KEY_ID",
          "AWS_ACCESS_KEY_ID",
          "TOKEN_FILE",
          "PASSWORD_FILE",
          "MONKEY",
          "KEY",
          "ARM_CLIENT_ID",
          "XJWT");

  private static boolean inACommand(String name) {
    return SecretScrubber.literalCredential("export " + name + "=hunter2hunter2").isPresent();
  }

  @Test
  void theEnvironmentTheTemplatesVariablesAndCommandsAgreeOnEveryName() {
    for (String name : CREDENTIALS) {
      assertTrue(EnvironmentCredentials.namedAsCredential(name), name);
      assertTrue(Credentials.environmentHoldsSecret(name), name);
      assertTrue(inACommand(name), name);
    }
    for (String name : NONE) {
      assertFalse(EnvironmentCredentials.namedAsCredential(name), name);
      assertFalse(Credentials.environmentHoldsSecret(name), name);
      assertFalse(inACommand(name), name);
    }
  }

  /**
   * A plugin setting's name is judged apart, deliberately: the amazon builders' access_key is a
   * key's id, no secret, and settings are not glued.
   */
  @Test
  void aSettingNamedAccessKeyIsNoSecret() {
    assertFalse(Credentials.namedAsSecret("access_key"));
    assertTrue(Credentials.environmentHoldsSecret("ACCESS_KEY"));
    assertEquals(true, Credentials.namedAsSecret("secret_key"));
  }
}
