package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.legacy.LegacyDetector;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Advice for a file whose name makes it a template file ({@code .pkr.hcl}, {@code .pkr.json}) while
 * its content is something else, which Packer refuses too, with errors that say nothing of the
 * cause: a legacy JSON template saved as {@code .pkr.hcl} gets HCL's "Argument or block definition
 * required" at its first brace, saved as {@code .pkr.json} an "Extraneous JSON object property" for
 * {@code builders}, and a file of variable values ({@code name = "…"} only) one "Unsupported
 * argument" per value. The codes stay; their detail gets a sentence that names the case and what to
 * do.
 */
final class MisnamedFiles {
  private MisnamedFiles() {}

  /** A quoted {@code builders} key: the mark of a legacy template that does not parse as JSON. */
  private static final Pattern BUILDERS_KEY = Pattern.compile("\"builders\"\\s*:");

  /**
   * What to tell about an HCL file with syntax errors that holds JSON (its first significant
   * character is {@code {}), or empty when it does not. A legacy template (top-level {@code
   * builders}) is to be named {@code .json}, HCL's JSON syntax {@code .pkr.json}.
   */
  static Optional<String> jsonInHcl(SourceFile source) {
    String text = source.text();
    int first = DocReader.firstSignificant(text);
    if (first < 0 || text.charAt(first) != '{') {
      return Optional.empty();
    }
    String stem = stem(source.name());
    ParseResult parsed = JsonReader.read(source);
    DocNode document =
        parsed.hasErrors() || parsed.documents().size() != 1 ? null : parsed.documents().get(0);
    boolean legacy =
        document != null
            ? LegacyDetector.looksLikeLegacy(document)
            : BUILDERS_KEY.matcher(text).find();
    if (legacy) {
      return Optional.of(legacyTemplate(stem, "HCL"));
    }
    if (document instanceof DocObject o
        && o.members().stream().anyMatch(m -> PackerHclLoader.HCL_JSON_KEYS.contains(m.key()))) {
      return Optional.of(
          "This file holds HCL's JSON syntax, not HCL's native syntax: name it "
              + stem
              + TemplateFiles.JSON
              + ".");
    }
    return Optional.of(
        "This file starts with \"{\", as JSON does, but a .pkr.hcl file is read as HCL's native"
            + " syntax: name a legacy JSON template .json, and a template in HCL's JSON syntax"
            + " .pkr.json.");
  }

  /**
   * What to tell about a {@code .pkr.json} file named {@code name} whose content {@code document}
   * has errors as HCL's JSON syntax: when it is a legacy template (top-level {@code builders}), to
   * name it {@code .json}, as for one saved as {@code .pkr.hcl}; else empty. Packer refuses it the
   * same way, and in a tree being migrated this naming is common.
   */
  static Optional<String> legacyInJson(String name, DocNode document) {
    if (!LegacyDetector.looksLikeLegacy(document)) {
      return Optional.empty();
    }
    String base = TemplateFiles.baseName(name);
    String stem =
        base.endsWith(TemplateFiles.JSON)
            ? base.substring(0, base.length() - TemplateFiles.JSON.length())
            : base;
    return Optional.of(legacyTemplate(stem, "HCL's JSON syntax"));
  }

  /**
   * The advice for a legacy template saved under a template file's name: the one wording for {@code
   * .pkr.hcl} and {@code .pkr.json}, which {@code notWhat} tells apart.
   */
  private static String legacyTemplate(String stem, String notWhat) {
    return "This file holds a legacy JSON template (an object with \"builders\"), not "
        + notWhat
        + ": name it "
        + stem
        + ".json and give that file as the input: a legacy template is read alone, by its"
        + " content.";
  }

  /**
   * Whether a template file's top level holds only arguments, as a file of variable values does:
   * Packer reads such a file only when it is named {@code .pkrvars.hcl}.
   */
  static boolean onlyAssignments(Body body) {
    return !body.attributes().isEmpty() && body.blocks().isEmpty();
  }

  /**
   * What to tell about {@code file}, a template file of variable values only ({@link
   * #onlyAssignments}), given as part of a template whose other HCL files are {@code others}.
   */
  static String variableFile(String file, List<String> others) {
    String stem = stem(file);
    String start =
        "This file holds only variable values (name = value), as a variable file does, but a file"
            + " named .pkr.hcl is read as part of the template, and Packer refuses such values"
            + " there too. Rename it "
            + stem
            + ".pkrvars.hcl and pass it with --var-file";
    if (others.isEmpty()) {
      // The file was given alone: the template is elsewhere.
      return start
          + ", giving the template's file or folder as the input (or name it "
          + stem
          + ".auto.pkrvars.hcl in the template's folder, which reads it).";
    }
    return start
        + " (or "
        + stem
        + ".auto.pkrvars.hcl, which its folder reads)"
        + (others.size() == 1
            ? ", or give " + others.get(0) + " alone as the input with --var-file " + file + "."
            : ".");
  }

  /** The file name of {@code path} without {@code .pkr.hcl}. */
  private static String stem(String path) {
    String name = TemplateFiles.baseName(path);
    return name.endsWith(TemplateFiles.HCL)
        ? name.substring(0, name.length() - TemplateFiles.HCL.length())
        : name;
  }
}
