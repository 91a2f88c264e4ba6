package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a JSON or YAML file the search found is to a bulk run, read and told by its content: a
 * template it converts, no template (skipped), or one it takes for a template and cannot read
 * (failed). {@link BulkTask} converts by this, and {@link TemplatesInOutput} counts by it what the
 * run would have converted in the output folder: the two read the same files, and a copy of these
 * rules in each had already drifted apart.
 */
sealed interface DocumentFile {

  /** A template the run converts, as {@code kind}, with its text and the document it parses to. */
  record Template(TemplateKind kind, SourceFile source, ParseResult parsed)
      implements DocumentFile {}

  /** No template: the run lists it as skipped, for {@code reason} (a phrase, no full stop). */
  record NotATemplate(String reason) implements DocumentFile {}

  /**
   * A file the run takes for a template but cannot read (a template saved as UTF-16, a file it may
   * not open): it fails, for {@code reason}.
   */
  record Unreadable(String reason) implements DocumentFile {}

  /**
   * Reads and tells {@code path}, which messages name {@code shown}; {@code alone} when it was
   * given on its own as a root (then a file in HCL's JSON syntax is converted whatever its name).
   */
  static DocumentFile read(Path path, String shown, boolean alone) {
    if (alone) {
      // Named by the user: never a file of the operating system (a file found by the walk has
      // been judged by Discovery, which knows its folder's real path and where its link leads).
      Optional<HostFile> host = InputReader.systemFile(path);
      if (host.isPresent()) {
        return new Unreadable(InputReader.hostFileReason(host.get()));
      }
    }
    Input input = InputReader.readFile(path, shown, Discovery.MAX_DOCUMENT_BYTES);
    if (input instanceof Input.Unreadable u && u.reason().equals(InputReader.TOO_LARGE)) {
      // Larger than other files a tree holds are read: a template only when its text names one
      // (up to the 64 MiB a single convert reads). A legacy template of 13 MB was skipped,
      // exit 0, where convert of the file alone converts it.
      if (!withinInputLimit(path) || !namesATemplate(path)) {
        return new NotATemplate("larger than 10 MiB, and not a template by its text");
      }
      input = InputReader.readFile(path, shown, InputReader.MAX_INPUT_BYTES);
      if (input instanceof Input.Unreadable big && big.reason().equals(InputReader.TOO_LARGE)) {
        return new Unreadable(InputReader.TOO_LARGE_INPUT);
      }
    }
    if (input instanceof Input.Unreadable u) {
      // UTF-16 without a byte order mark (NULs between the letters) as UTF-16 with one: a
      // template only when it names one.
      boolean otherEncoding =
          u.reason().startsWith(InputReader.NOT_UTF8)
              || u.reason()
                  .startsWith(io.github.packer2aib.core.source.OtherEncodings.NULS_BETWEEN_LETTERS);
      if (otherEncoding && !namesATemplate(path)) {
        return new NotATemplate("not UTF-8 text");
      }
      return new Unreadable(u.reason());
    }
    SourceFile source = ((Input.Loaded) input).source();
    boolean yaml = TemplateKind.isYaml(path.getFileName().toString());
    ParseResult parsed = DocReader.read(source);
    PackerTemplates.Classified what = PackerTemplates.classify(source, parsed);
    return switch (what.form()) {
      // Packer reads no YAML: a YAML file is a legacy template only when it has one's shape.
      // Another tool's YAML with a builders key (snapcraft's `builders: native`) is none.
      case LEGACY ->
          yaml && !parsed.hasErrors() && !hasYamlBuilders(parsed)
              ? new NotATemplate(
                  "not a template: its builders is not a list of builders with a type (so no"
                      + " legacy Packer template)")
              : new Template(
                  yaml ? TemplateKind.LEGACY_YAML : TemplateKind.LEGACY_JSON, source, parsed);
      // Packer reads HCL's JSON syntax only from a *.pkr.json file, as part of its folder; a plain
      // *.json is a legacy template to Packer, and this is none (eas.json, a devcontainer.json,
      // Terraform's main.tf.json). A file given alone is converted.
      case HCL_JSON ->
          alone
              ? new Template(TemplateKind.HCL2_JSON, source, parsed)
              : new NotATemplate(
                  "not a template: blocks in HCL's JSON syntax, which Packer reads only from a"
                      + " *.pkr.json file (rename it so to convert it), and no builders");
      case AIB ->
          new Template(yaml ? TemplateKind.AIB_YAML : TemplateKind.AIB_JSON, source, parsed);
      default -> new NotATemplate("not a template: " + what.reason());
    };
  }

  /**
   * Whether a YAML document's {@code builders} is what a legacy template's is: a list holding a
   * builder, an object with a {@code type}.
   */
  private static boolean hasYamlBuilders(ParseResult parsed) {
    for (DocNode document : parsed.documents()) {
      if (document instanceof DocObject o
          && o.memberIgnoringCase("builders").map(DocMember::value).orElse(null)
              instanceof DocArray builders) {
        for (DocNode b : builders.items()) {
          if (b instanceof DocObject builder && builder.memberIgnoringCase("type").isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether a file that is not UTF-8 names a template (a template saved as Latin-1 or UTF-16, with
   * or without a byte order mark, read as UTF-16 then): then it fails, with where its first bad
   * byte is or that it is UTF-16, instead of being passed over.
   */
  /** Whether {@code path} is at most the 64 MiB a single convert reads (else it is not read). */
  private static boolean withinInputLimit(Path path) {
    try {
      return Files.size(path) <= InputReader.MAX_INPUT_BYTES;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean namesATemplate(Path path) {
    try {
      return OtherEncodings.namesATemplate(Files.readAllBytes(path));
    } catch (IOException | OutOfMemoryError e) {
      return false;
    }
  }
}
