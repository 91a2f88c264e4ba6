package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Packer functions that read secrets or reach the network. A conversion must not do either (it
 * runs on a workstation or in CI, and its output must not contain secrets), so these always fail,
 * saying why and what to do instead.
 */
final class RefusedFunctions {
  private RefusedFunctions() {}

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    refuse(fs, "vault", "it reads a secret from HashiCorp Vault over the network");
    refuse(fs, "consul_key", "it reads a key from Consul over the network");
    refuse(fs, "aws_secretsmanager", "it reads a secret from AWS Secrets Manager over the network");
    refuse(fs, "aws_secretsmanager_raw", "it reads a secret from AWS Secrets Manager over the network");
    refuse(fs, "rsadecrypt", "it decrypts a secret with a private key");
    return fs;
  }

  private static void refuse(List<HclFunction> fs, String name, String why) {
    String message =
        "The \""
            + name
            + "\" function is not supported by packer2aib because "
            + why
            + "; secrets and network access are refused at conversion time. Pass the value in a"
            + " sensitive variable instead, or set it in the image template after conversion";
    fs.add(
        define(name)
            .variadic(Parameter.of("args", Type.DYNAMIC).nullable().unknowns())
            .returns(Type.STRING)
            .impl(
                a -> {
                  throw new FunctionException(FunctionCode.UNSUPPORTED_FUNCTION, -1, message);
                }));
  }
}
