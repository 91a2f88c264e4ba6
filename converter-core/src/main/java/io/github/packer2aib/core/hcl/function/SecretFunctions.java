package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packer functions that read secrets, over the network ({@code vault}, {@code consul_key}, {@code
 * aws_secretsmanager}, {@code aws_secretsmanager_raw}) or with a private key ({@code rsadecrypt}).
 * A conversion must do neither (it runs on a workstation or in CI, and its output must not hold
 * secrets), so a call is not made: its result is an unknown, sensitive string, as a data source's
 * value is (mapping.md D.6: "refuse if their value reaches the output"). Packer's own docs feed a
 * credential this way ({@code local "client_secret" { expression = vault(…), sensitive = true }}),
 * and such a credential is dropped by the mapper, so the template converts; where the value does
 * reach the output, the mapper refuses it (PKRMAP-E107) and names the call ({@link #readsFrom}).
 */
public final class SecretFunctions {
  private SecretFunctions() {}

  /**
   * How a function gets its secret: {@code from}, as the end of "it reads a secret …"; {@code
   * byName}, whether its arguments name where the secret is kept in a store ({@link #readsByName}).
   */
  private record Reader(String from, boolean byName) {}

  /** Each function, with how it gets its secret. */
  private static final Map<String, Reader> SOURCES = sources();

  private static Map<String, Reader> sources() {
    Map<String, Reader> m = new LinkedHashMap<>();
    m.put("vault", new Reader("from HashiCorp Vault", true));
    m.put("consul_key", new Reader("from Consul", true));
    m.put("aws_secretsmanager", new Reader("from AWS Secrets Manager", true));
    m.put("aws_secretsmanager_raw", new Reader("from AWS Secrets Manager", true));
    m.put("rsadecrypt", new Reader("by decryption with a private key", false));
    return Collections.unmodifiableMap(m);
  }

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    for (String name : SOURCES.keySet()) {
      fs.add(
          define(name)
              .variadic(Parameter.of("args", Type.DYNAMIC).nullable().unknowns())
              .returns(Type.STRING)
              .impl(a -> SECRET));
    }
    return fs;
  }

  /** What every call gives: one value, as values are immutable. */
  private static final Value SECRET = Value.unknown(Type.STRING).mark(Mark.SENSITIVE);

  /**
   * How the function {@code name} gets its secret ("from HashiCorp Vault"), when it is one of these
   * functions.
   */
  public static Optional<String> readsFrom(String name) {
    Reader r = SOURCES.get(name);
    return r == null ? Optional.empty() : Optional.of(r.from());
  }

  /**
   * Whether the function {@code name} reads a secret from a store by the name its arguments give
   * ({@code vault(path, key)}, {@code consul_key(key)}, {@code aws_secretsmanager(name, key)}):
   * those arguments say where the secret is kept, not what it is. {@code rsadecrypt} decrypts what
   * it is given, and is not one of them.
   */
  public static boolean readsByName(String name) {
    Reader r = SOURCES.get(name);
    return r != null && r.byName();
  }
}
