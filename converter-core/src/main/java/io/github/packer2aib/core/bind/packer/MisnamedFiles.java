package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.legacy.LegacyDetector;
import io.github.packer2aib.core.doc.DocMember;
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
 * required" at its first brace, saved as {@code .pkr.json} "Extraneous JSON object property" at
 * {@code "builders"}, and a file of variable values ({@code name = "…"} only, or a JSON object of
 * them) one "Unsupported argument" or "Extraneous JSON object property" per value. The codes stay;
 * the first error's detail gets a sentence that names the case and what to do, worded once here for
 * both syntaxes.
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
      return Optional.of(legacyTemplate(source.name()));
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
   * What to tell about {@code file}, a template file ({@code .pkr.hcl} or {@code .pkr.json}) that
   * holds a legacy JSON template: Packer reads one only from a file given alone, by its content
   * (the converter too), and a {@code .pkr.*} name makes it part of an HCL2 template.
   */
  static String legacyTemplate(String file) {
    return "This file holds a legacy JSON template (an object with \"builders\"), not an HCL2"
        + " template: name it "
        + stem(file)
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
   * Whether a {@code .pkr.json} file's top level is an object of values, as a JSON variable file
   * is: it has a property ({@code "//"} comments aside), and none is an argument or block type of a
   * template file. Packer reads such a file only when it is named {@code .pkrvars.json}.
   */
  static boolean onlyValues(DocNode root) {
    if (!(root instanceof DocObject o)) {
      return false;
    }
    boolean any = false;
    for (DocMember m : o.members()) {
      if (m.key().equals("//")) {
        continue;
      }
      if (PackerSchema.ROOT.attribute(m.key()).isPresent()
          || PackerSchema.ROOT.block(m.key()).isPresent()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /**
   * What to tell about {@code file}, a template file of variable values only ({@link
   * #onlyAssignments}, {@link #onlyValues}), given as part of a template whose other files are
   * {@code others}.
   */
  static String variableFile(String file, List<String> others) {
    boolean json = TemplateFiles.baseName(file).endsWith(TemplateFiles.JSON);
    String stem = stem(file);
    String vars = json ? ".pkrvars.json" : ".pkrvars.hcl";
    String start =
        "This file holds only variable values ("
            + (json ? "\"name\": value" : "name = value")
            + "), as a variable file does, but a file named "
            + (json ? TemplateFiles.JSON : TemplateFiles.HCL)
            + " is read as part of the template, and Packer refuses such values there too. Rename"
            + " it "
            + stem
            + vars
            + " and pass it with --var-file";
    if (others.isEmpty()) {
      // The file was given alone: the template is elsewhere.
      return start
          + ", giving the template's file or folder as the input (or name it "
          + stem
          + ".auto"
          + vars
          + " in the template's folder, which reads it).";
    }
    return start
        + " (or "
        + stem
        + ".auto"
        + vars
        + ", which its folder reads)"
        + (others.size() == 1
            ? ", or give " + others.get(0) + " alone as the input with --var-file " + file + "."
            : ".");
  }

  /** The file name of {@code path} without {@code .pkr.hcl} or {@code .pkr.json}. */
  private static String stem(String path) {
    String name = TemplateFiles.baseName(path);
    for (String extension : List.of(TemplateFiles.HCL, TemplateFiles.JSON)) {
      if (name.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }
}
