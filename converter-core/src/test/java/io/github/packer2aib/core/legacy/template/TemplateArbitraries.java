package io.github.packer2aib.core.legacy.template;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Text made of the pieces Go templates are made of, in any order: valid, broken and odd. */
final class TemplateArbitraries {
  private TemplateArbitraries() {}

  static Arbitrary<String> templateLike() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{{",
                "}}",
                "{{-",
                " -}}",
                "{{/*",
                "*/}}",
                "|",
                "(",
                ")",
                "`",
                "\"",
                "'",
                "\\",
                " ",
                "\n",
                "\t",
                ".",
                ".Path",
                "$",
                "$x",
                ":=",
                "=",
                "-",
                "+",
                "0x",
                "1e",
                "9",
                "user",
                "env",
                "split",
                "replace",
                "lower",
                "upper",
                "isotime",
                "strftime",
                "timestamp",
                "uuid",
                "build",
                "build_name",
                "clean_resource_name",
                "nil",
                "true",
                "if",
                "end",
                "printf",
                "`region`",
                "`password`",
                "\"a,b\"",
                "\",\"",
                "0",
                "-1",
                "\uD83D\uDE00",
                "é",
                "\u0000",
                "{",
                "}",
                "{{- ",
                ".5",
                "%Y",
                "x.y"),
            Arbitraries.strings().ofMaxLength(4));
    return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
  }
}
