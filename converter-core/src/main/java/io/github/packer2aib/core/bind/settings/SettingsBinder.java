package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.DiagnosticCatalogue;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.EditDistance;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.mapping.packer.MapOptions.GalleryVersioning;
import io.github.packer2aib.core.mapping.packer.OptionValues;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a per-template settings file ({@code --settings}, YAML or JSON) into {@link Settings}. It
 * never touches the file system: the caller reads the file, and variable files are only resolved as
 * names against the settings file's name. Every problem of the file is reported at once.
 *
 * <p>Variable values may be secrets, so no diagnostic ever quotes one; it names the variable.
 */
public final class SettingsBinder {

  static final String DEFAULTS = "defaults";
  static final String TEMPLATES = "templates";
  static final String PATH = "path";
  static final String SKIP = "skip";
  static final String IDENTITY = "identity";
  static final String SUBSCRIPTION = "subscription";
  static final String LOCATION = "location";
  static final String SCRIPT_BASE_URI = "script-base-uri";
  static final String FILE_BASE_URI = "file-base-uri";
  static final String SKIP_UNSUPPORTED = "skip-unsupported";
  static final String API_VERSION = "api-version";
  static final String GALLERY_VERSIONING = "gallery-versioning";
  static final String BUILD_TIMEOUT = "build-timeout";
  static final String VARS = "vars";
  static final String VAR_FILES = "var-files";
  static final String DATA = "data";
  static final String ONLY = "only";
  static final String EXCEPT = "except";
  static final String IGNORE = "ignore";

  /** The keys of a layer: one per long command-line option, in the order the README lists them. */
  static final List<String> OPTION_KEYS =
      List.of(
          IDENTITY,
          SUBSCRIPTION,
          LOCATION,
          SCRIPT_BASE_URI,
          FILE_BASE_URI,
          SKIP_UNSUPPORTED,
          API_VERSION,
          GALLERY_VERSIONING,
          BUILD_TIMEOUT,
          VARS,
          VAR_FILES,
          DATA,
          ONLY,
          EXCEPT,
          IGNORE);

  private static final List<String> TOP_KEYS = List.of(DEFAULTS, TEMPLATES);
  private static final List<String> ENTRY_ONLY_KEYS = List.of(PATH, SKIP);

  /** Suggestions are keys at most this many edits away. */
  private static final int MAX_DISTANCE = 2;

  private final SourceFile file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Range> secrets = new ArrayList<>();

  /** Where variable values are written: masked when a renderer quotes the line. */
  private void secret(DocNode value) {
    if (value != null && value.range() != null) {
      secrets.add(value.range());
    }
  }

  private SettingsBinder(SourceFile file) {
    this.file = file;
  }

  /** Reads and binds a settings file; the settings are present only when there is no error. */
  public static SettingsResult bind(SourceFile file) {
    ParseResult parsed = DocReader.read(file);
    SettingsBinder binder = new SettingsBinder(file);
    // The reader's messages may quote what it found; the binder's own never quote a value.
    SourceFile allValues = SourceFile.ofValues(file.name(), file.text());
    binder.diagnostics.addAll(ValueMask.scrub(parsed.diagnostics(), List.of(allValues)));
    Settings settings = binder.document(parsed.documents());
    boolean failed = binder.diagnostics.stream().anyMatch(Diagnostic::isError);
    // With syntax errors the tree may miss a vars section: then every value of the file is masked.
    SourceFile shown = parsed.hasErrors() ? allValues : file.withSecrets(binder.secrets);
    return new SettingsResult(
        failed ? Optional.empty() : Optional.of(settings), binder.diagnostics, shown);
  }

  private Settings document(List<DocNode> documents) {
    for (int i = 1; i < documents.size(); i++) {
      report(
          SettingsCode.SEVERAL_DOCUMENTS,
          documents.get(i).range(),
          JsonPointer.ROOT,
          "A settings file holds one document, but this YAML stream has "
              + documents.size()
              + ". Merge the documents into one, or remove the \"---\" separators.");
    }
    if (documents.isEmpty() || isNull(documents.get(0))) {
      return Settings.empty();
    }
    DocNode root = documents.get(0);
    if (!(root instanceof DocObject o)) {
      wrongType(
          root,
          JsonPointer.ROOT,
          "The settings file",
          "an object with the keys \"defaults\" and \"templates\"");
      return Settings.empty();
    }
    TemplateSettings defaults = TemplateSettings.EMPTY;
    List<Entry> entries = new ArrayList<>();
    for (DocMember m : o.members()) {
      String pointer = JsonPointer.append(JsonPointer.ROOT, m.key());
      if (m.key().equals(DEFAULTS)) {
        defaults = defaults(m.value(), pointer);
      } else if (m.key().equals(TEMPLATES)) {
        entries = templates(m.value(), pointer);
      } else {
        unknownKey(m, pointer, TOP_KEYS, "at the top of a settings file");
      }
    }
    return new Settings(defaults, entries);
  }

  private TemplateSettings defaults(DocNode node, String pointer) {
    if (isNull(node)) {
      return TemplateSettings.EMPTY;
    }
    if (!(node instanceof DocObject o)) {
      wrongType(node, pointer, "\"defaults\"", "an object of option keys");
      return TemplateSettings.EMPTY;
    }
    Layer layer = new Layer();
    layer.defaults = true;
    for (DocMember m : o.members()) {
      String p = JsonPointer.append(pointer, m.key());
      if (ENTRY_ONLY_KEYS.contains(m.key())) {
        report(
            SettingsCode.MISPLACED_KEY,
            m.keyRange(),
            p,
            "The key \""
                + m.key()
                + "\" belongs in an entry of \"templates\", not in \"defaults\", which applies to"
                + " every template. Move it into the entry of the templates it is meant for.");
      } else if (!option(layer, m, p)) {
        unknownKey(m, p, OPTION_KEYS, "in \"defaults\"");
      }
    }
    return layer.build();
  }

  private List<Entry> templates(DocNode node, String pointer) {
    List<Entry> entries = new ArrayList<>();
    if (isNull(node)) {
      return entries;
    }
    if (!(node instanceof DocArray a)) {
      wrongType(node, pointer, "\"templates\"", "a list of entries, each with a \"path\" glob");
      return entries;
    }
    for (int i = 0; i < a.items().size(); i++) {
      entry(a.items().get(i), JsonPointer.append(pointer, i)).ifPresent(entries::add);
    }
    return entries;
  }

  private Optional<Entry> entry(DocNode node, String pointer) {
    if (!(node instanceof DocObject o)) {
      wrongType(node, pointer, "An entry of \"templates\"", "an object with a \"path\" glob");
      return Optional.empty();
    }
    Layer layer = new Layer();
    PathMatcher matcher = null;
    String glob = null;
    Range pathRange = null;
    boolean hasPath = false;
    for (DocMember m : o.members()) {
      String p = JsonPointer.append(pointer, m.key());
      if (m.key().equals(PATH)) {
        hasPath = true;
        Optional<String> g = nonEmptyString(m, p, "a glob such as packer-hcl/**");
        if (g.isPresent()) {
          matcher = glob(g.get(), m.value().range(), p);
          glob = g.get();
          pathRange = m.value().range();
        }
      } else if (m.key().equals(SKIP)) {
        if (m.value() instanceof DocScalar v
            && (v.type() == DocScalar.Type.BOOLEAN || v.type() == DocScalar.Type.NUMBER)) {
          // skip: false read as the reason "false" skipped the template it meant to keep.
          report(
              SettingsCode.WRONG_TYPE,
              m.value().range(),
              p,
              "The value of \"skip\" must be a string: the reason the template is not"
                  + " converted. Write the reason in words; to convert the template, remove"
                  + " skip (a later entry cannot take a skip back).");
        } else {
          nonEmptyString(m, p, "the reason the template is not converted")
              .ifPresent(s -> layer.skip = Optional.of(s));
        }
      } else if (!option(layer, m, p)) {
        List<String> keys = new ArrayList<>(ENTRY_ONLY_KEYS);
        keys.addAll(OPTION_KEYS);
        unknownKey(m, p, keys, "in an entry of \"templates\"");
      }
    }
    if (!hasPath) {
      report(
          SettingsCode.MISSING_PATH,
          o.range(),
          pointer,
          "Each entry of \"templates\" needs a \"path\": a glob on the template's path relative to"
              + " the input root, such as packer-hcl/**. Add one, or use \"defaults\" for"
              + " settings of every template.");
    }
    if (matcher == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(glob, matcher, pathRange, JsonPointer.append(pointer, PATH), layer.build()));
  }

  private PathMatcher glob(String glob, Range range, String pointer) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      int at = e.getIndex();
      report(
          SettingsCode.INVALID_GLOB,
          range,
          pointer,
          "The glob \""
              + glob
              + "\" is invalid: "
              + e.getDescription()
              + (at >= 0 && at < glob.length() ? " (at character " + (at + 1) + ")" : "")
              + ". Globs use the JDK's syntax: * (within a folder), ** (across folders), ?,"
              + " [abc] and {a,b}; escape a special character with a backslash.");
      return null;
    }
  }

  /**
   * Reads member {@code m} into {@code layer} if it is an option key; false if it is not one. A bad
   * value is reported and leaves the option unset.
   */
  private boolean option(Layer layer, DocMember m, String p) {
    switch (m.key()) {
      case IDENTITY:
        string(m, p, "the resource id of a user-assigned managed identity")
            .ifPresent(
                s -> {
                  if (OptionValues.isUserAssignedIdentity(s)) {
                    layer.identity = Optional.of(s);
                  } else {
                    report(
                        SettingsCode.INVALID_IDENTITY,
                        m.value().range(),
                        p,
                        "The value of \"identity\" must be the resource id of a user-assigned"
                            + " managed identity, like "
                            + OptionValues.IDENTITY_EXAMPLE
                            + ".");
                  }
                });
        return true;
      case SUBSCRIPTION:
        nonBlankString(m, p, "a subscription id")
            .ifPresent(s -> layer.subscription = Optional.of(s));
        return true;
      case LOCATION:
        nonBlankString(m, p, "a region such as westeurope")
            .ifPresent(
                s ->
                    OptionValues.region(s)
                        .ifPresentOrElse(
                            r -> layer.location = Optional.of(r),
                            () ->
                                report(
                                    SettingsCode.INVALID_LOCATION,
                                    m.value().range(),
                                    p,
                                    "The value of "
                                        + quote(m.key())
                                        + " is not the name of an Azure region: region names are"
                                        + " letters and digits (westeurope, eastus2) once spaces"
                                        + " and upper case are taken out. Give the region's"
                                        + " name.")));
        return true;
      case SCRIPT_BASE_URI:
        baseUri(m, p).ifPresent(s -> layer.scriptBaseUri = Optional.of(s));
        return true;
      case FILE_BASE_URI:
        baseUri(m, p).ifPresent(s -> layer.fileBaseUri = Optional.of(s));
        return true;
      case SKIP_UNSUPPORTED:
        bool(m, p).ifPresent(b -> layer.skipUnsupported = Optional.of(b));
        return true;
      case API_VERSION:
        string(m, p, "an API version such as " + ApiVersion.DEFAULT.id())
            .ifPresent(s -> apiVersion(m, p, s).ifPresent(v -> layer.apiVersion = Optional.of(v)));
        return true;
      case GALLERY_VERSIONING:
        string(m, p, "explicit or latest")
            .ifPresent(
                s ->
                    galleryVersioning(m, p, s)
                        .ifPresent(v -> layer.galleryVersioning = Optional.of(v)));
        return true;
      case BUILD_TIMEOUT:
        buildTimeout(m, p).ifPresent(v -> layer.buildTimeout = Optional.of(v));
        return true;
      case VARS:
        vars(m, p, layer);
        return true;
      case DATA:
        data(m, p, layer.data);
        return true;
      case VAR_FILES:
        for (Located s : strings(m, p, "file names such as [vars/common.pkrvars.hcl]")) {
          if (s.text().isEmpty()) {
            report(
                SettingsCode.EMPTY_VALUE,
                s.range(),
                s.pointer(),
                "A variable file name must not be empty. Give the file's path relative to the"
                    + " settings file's folder.");
          } else {
            resolve(s).ifPresent(layer.varFiles::add);
          }
        }
        return true;
      case ONLY:
        usagePatterns(m, p, "usage patterns such as [\"azure-arm.*\"]").forEach(layer.only::add);
        return true;
      case EXCEPT:
        usagePatterns(m, p, "usage patterns such as [\"azure-arm.windows\"]")
            .forEach(layer.except::add);
        return true;
      case IGNORE:
        for (Located s : strings(m, p, "warning or note codes such as [PKRMAP-W301]")) {
          // As on the command line: any case, kept in upper case.
          String id = s.text().trim().toUpperCase(Locale.ROOT);
          Optional<String> problem = DiagnosticCatalogue.whyNotIgnorable(id);
          if (problem.isPresent()) {
            report(
                SettingsCode.CODE_NOT_IGNORABLE, s.range(), s.pointer(), sentence(problem.get()));
          } else {
            layer.ignore.add(id);
          }
        }
        return true;
      default:
        return false;
    }
  }

  private Optional<ApiVersion> apiVersion(DocMember m, String p, String s) {
    Optional<ApiVersion> v = ApiVersion.parseLeniently(s);
    if (v.isEmpty()) {
      report(
          SettingsCode.UNKNOWN_API_VERSION,
          m.value().range(),
          p,
          "The API version \""
              + s
              + "\" is not supported. Use one of: "
              + String.join(", ", ApiVersion.ids())
              + ".");
    }
    return v;
  }

  private Optional<GalleryVersioning> galleryVersioning(DocMember m, String p, String s) {
    for (GalleryVersioning v : GalleryVersioning.values()) {
      // As the command line: the mode's name in any case.
      if (v.name().equalsIgnoreCase(s)) {
        return Optional.of(v);
      }
    }
    report(
        SettingsCode.UNKNOWN_GALLERY_VERSIONING,
        m.value().range(),
        p,
        "The value of \"gallery-versioning\" must be explicit (keep the template's image_version)"
            + " or latest (let Image Builder number gallery image versions), not \""
            + s
            + "\".");
    return Optional.empty();
  }

  private Optional<Integer> buildTimeout(DocMember m, String p) {
    // A number as YAML and JSON write it, or its digits as a string (as on the command line).
    Optional<String> text =
        m.value() instanceof DocScalar s && s.type() == DocScalar.Type.NUMBER
            ? Optional.of(s.text())
            : DocScalar.stringValue(m.value());
    if (text.isEmpty()) {
      wrongType(
          m.value(), p, "The value of " + quote(m.key()), "a number of minutes: 6 to 960, or 0");
      return Optional.empty();
    }
    Optional<Integer> minutes = MapOptions.buildTimeoutMinutes(text.get());
    if (minutes.isEmpty()) {
      report(
          SettingsCode.INVALID_BUILD_TIMEOUT,
          m.value().range(),
          p,
          "The value of \"build-timeout\" must be a whole number of minutes from 6 to 960, or 0 for"
              + " Image Builder's default (240 minutes), not \""
              + text.get()
              + "\".");
    }
    return minutes;
  }

  private Optional<String> baseUri(DocMember m, String p) {
    Optional<String> s = string(m, p, "an http or https URL");
    if (s.isEmpty()) {
      return s;
    }
    Optional<OptionValues.BaseUriProblem> problem = OptionValues.baseUriProblem(s.get());
    problem.ifPresent(
        kind ->
            report(
                SettingsCode.INVALID_BASE_URI, m.value().range(), p, baseUriDetail(m.key(), kind)));
    return problem.isPresent() ? Optional.empty() : s;
  }

  private static String baseUriDetail(String key, OptionValues.BaseUriProblem kind) {
    if (kind == OptionValues.BaseUriProblem.NOT_HTTP_URL) {
      return "The value of \""
          + key
          + "\" must be an http or https URL such as"
          + " https://account.blob.core.windows.net/container/prefix/, without a fragment.";
    }
    return "The URL of \""
        + key
        + "\""
        + kind.why()
        + " Remove "
        + (kind == OptionValues.BaseUriProblem.USER_INFO ? "them" : "the signature")
        + " from this file, as "
        + (kind == OptionValues.BaseUriProblem.USER_INFO ? "they are secrets." : "it is a secret.");
  }

  /** The {@code vars} object: each value as {@code --var name=value} would take it. */
  private void vars(DocMember m, String p, Layer layer) {
    secret(m.value());
    if (!(m.value() instanceof DocObject o)) {
      wrongType(
          m.value(),
          p,
          "\"vars\"",
          "an object of variable names and values, such as {region: westeurope}");
      return;
    }
    for (DocMember v : o.members()) {
      String vp = JsonPointer.append(p, v.key());
      boolean nameOk = varName(v, vp);
      Optional<String> value = varValue(v, vp);
      if (nameOk && value.isPresent()) {
        layer.vars.put(v.key(), value.get());
        layer.varKeys.put(v.key(), v.keyRange());
        layer.varPointers.put(v.key(), vp);
      }
    }
  }

  /**
   * The {@code data} object: values of data source attributes by {@code data.TYPE.NAME.ATTRIBUTE},
   * as {@code --data} takes them; masked where the file is quoted (a Key Vault secret may be one).
   */
  private void data(DocMember m, String p, Map<String, String> into) {
    secret(m.value());
    if (!(m.value() instanceof DocObject o)) {
      wrongType(
          m.value(),
          p,
          "\"data\"",
          "an object of data source attributes and values, such as"
              + " {data.hcp-packer-image.base.id: IMAGE}");
      return;
    }
    for (DocMember v : o.members()) {
      String vp = JsonPointer.append(p, v.key());
      boolean named = PackerOptions.isDataKey(v.key());
      if (!named) {
        report(
            SettingsCode.INVALID_DATA_KEY,
            v.keyRange(),
            vp,
            "\""
                + v.key()
                + "\" is not of the form data.TYPE.NAME.ATTRIBUTE. Write each value as"
                + " data.TYPE.NAME.ATTRIBUTE: value under \"data\".");
      }
      Optional<String> value = varValue(v, vp);
      if (named && value.isPresent()) {
        into.put(v.key(), value.get());
      }
    }
  }

  private boolean varName(DocMember v, String pointer) {
    if (v.key().isEmpty() || v.key().indexOf('=') >= 0) {
      report(
          SettingsCode.INVALID_VAR_NAME,
          v.keyRange(),
          pointer,
          (v.key().isEmpty()
                  ? "A variable name must not be empty."
                  : "The variable name \""
                      + v.key()
                      + "\" holds \"=\", which no variable name has.")
              + " Write each variable as name: value under \"vars\".");
      return false;
    }
    return true;
  }

  /**
   * A variable's value as text: strings as they are, numbers and booleans as written. The value may
   * be a secret, so a message never quotes it and stands at the variable's name: a renderer shows
   * the subject's first line, which for a block list or map would be the value itself.
   */
  private Optional<String> varValue(DocMember v, String pointer) {
    DocNode node = v.value();
    if (node instanceof DocScalar s && s.type() != DocScalar.Type.NULL) {
      return Optional.of(s.text());
    }
    if (node instanceof DocScalar) {
      report(
          SettingsCode.WRONG_TYPE,
          v.keyRange(),
          pointer,
          "The variable \""
              + v.key()
              + "\" has no value (null). Give a value, or write \"\" for an empty string.");
      return Optional.empty();
    }
    report(
        SettingsCode.STRUCTURED_VAR_VALUE,
        v.keyRange(),
        pointer,
        "The value of the variable \""
            + v.key()
            + "\" is "
            + node.kindName()
            + ", but variable values are text, exactly as --var name=value takes them. Write a"
            + " list or map as HCL in quotes, for example regions: '[\"westeurope\"]' or tags:"
            + " '{team = \"images\"}'.");
    return Optional.empty();
  }

  /**
   * A variable file name resolved against the settings file's folder, as a name only; a name that
   * no file can have (a NUL character, or one the platform's paths refuse) is reported.
   */
  private Optional<String> resolve(Located varFile) {
    String name = varFile.text();
    Path given;
    try {
      given = ControlCharacters.hasNul(name) ? null : Path.of(name);
    } catch (InvalidPathException e) {
      given = null;
    }
    if (given == null) {
      report(
          SettingsCode.INVALID_FILE_NAME,
          varFile.range(),
          varFile.pointer(),
          "The variable file name "
              + ControlCharacters.quote(name)
              + (ControlCharacters.hasNul(name)
                  ? " contains a NUL character (\\u0000), which no file name can hold."
                  : " is not a file name this system allows.")
              + " Give the file's path relative to the settings file's folder.");
      return Optional.empty();
    }
    Path folder;
    try {
      folder = Path.of(file.name()).getParent();
    } catch (InvalidPathException e) {
      folder = null; // a display name that is no path: the name is all there is to go on
    }
    if (given.isAbsolute() || folder == null) {
      return Optional.of(given.normalize().toString());
    }
    return Optional.of(folder.resolve(given).normalize().toString());
  }

  /** A list of strings with their locations; reports the list or its items when of another type. */
  private List<Located> strings(DocMember m, String p, String example) {
    List<Located> out = new ArrayList<>();
    if (!(m.value() instanceof DocArray a)) {
      wrongType(m.value(), p, quote(m.key()), "a list of strings: " + example);
      return out;
    }
    for (int i = 0; i < a.items().size(); i++) {
      DocNode item = a.items().get(i);
      String ip = JsonPointer.append(p, i);
      Optional<String> s = DocScalar.stringValue(item);
      if (s.isPresent()) {
        out.add(new Located(s.get(), item.range(), ip));
      } else {
        wrongType(item, ip, "Each item of " + quote(m.key()), "a string");
      }
    }
    return out;
  }

  /**
   * The patterns of {@code only} or {@code except}: an empty one matches no usage, and left the
   * template with none to convert (PKRMAP-E002) far from the settings line that caused it.
   */
  private List<String> usagePatterns(DocMember m, String p, String example) {
    List<String> out = new ArrayList<>();
    for (Located s : strings(m, p, example)) {
      if (s.text().isBlank()) {
        report(
            SettingsCode.EMPTY_VALUE,
            s.range(),
            s.pointer(),
            "A usage pattern must not be empty. Give a source usage name or pattern, such as"
                + " azure-arm.ubuntu or azure-arm.*.");
      } else {
        out.add(s.text());
      }
    }
    return out;
  }

  private Optional<String> string(DocMember m, String p, String expected) {
    Optional<String> s = DocScalar.stringValue(m.value());
    if (s.isEmpty()) {
      wrongType(m.value(), p, "The value of " + quote(m.key()), "a string: " + expected);
    }
    return s;
  }

  private Optional<String> nonEmptyString(DocMember m, String p, String expected) {
    return nonEmpty(m, p, expected, false);
  }

  /** {@link #nonEmptyString}, blanks counting as empty, and the value stripped of them. */
  private Optional<String> nonBlankString(DocMember m, String p, String expected) {
    return nonEmpty(m, p, expected, true);
  }

  private Optional<String> nonEmpty(DocMember m, String p, String expected, boolean blank) {
    Optional<String> s = string(m, p, expected);
    if (s.isPresent() && (blank ? s.get().isBlank() : s.get().isEmpty())) {
      report(
          SettingsCode.EMPTY_VALUE,
          m.value().range(),
          p,
          "The value of " + quote(m.key()) + " must not be empty. Give " + expected + ".");
      return Optional.empty();
    }
    return blank ? s.map(String::strip) : s;
  }

  private Optional<Boolean> bool(DocMember m, String p) {
    Optional<Boolean> b = m.value() instanceof DocScalar s ? s.asBoolean() : Optional.empty();
    if (b.isEmpty()) {
      wrongType(m.value(), p, "The value of " + quote(m.key()), "a boolean: true or false");
    }
    return b;
  }

  private void wrongType(DocNode node, String pointer, String what, String expected) {
    String subject = what.startsWith("\"") ? "The value of " + what : what;
    report(
        SettingsCode.WRONG_TYPE,
        node.range(),
        pointer,
        subject + " is " + node.kindName() + ", but must be " + expected + ".");
  }

  private void unknownKey(DocMember m, String pointer, List<String> known, String where) {
    // A misspelt "vars" holds variable values too.
    secret(m.value());
    String close = closest(m.key(), known);
    report(
        SettingsCode.UNKNOWN_KEY,
        m.keyRange(),
        pointer,
        "The key \""
            + m.key()
            + "\" is not known "
            + where
            + "."
            + (close != null ? " Did you mean \"" + close + "\"?" : "")
            + " The keys are: "
            + String.join(", ", known)
            + ".");
  }

  private static String closest(String given, List<String> candidates) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String c : candidates) {
      int d = EditDistance.between(given.toLowerCase(Locale.ROOT), c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private void report(SettingsCode code, Range range, String pointer, String detail) {
    diagnostics.add(Diagnostic.of(code, range, detail).withPath(pointer));
  }

  private static boolean isNull(DocNode node) {
    return node instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
  }

  /** A clause made a sentence: capitalised, with a period unless it asks a question. */
  private static String sentence(String clause) {
    String s = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    return s.endsWith("?") ? s : s + ".";
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }

  /** A string item of a list, with where it stands. */
  private record Located(String text, Range range, String pointer) {}

  /** One layer while it is read; {@link #build} freezes it. */
  private static final class Layer {
    final Map<String, String> vars = new LinkedHashMap<>();
    final Map<String, Range> varKeys = new LinkedHashMap<>();
    final Map<String, String> varPointers = new LinkedHashMap<>();
    final Map<String, String> data = new LinkedHashMap<>();
    final List<String> varFiles = new ArrayList<>();
    final List<String> only = new ArrayList<>();
    final List<String> except = new ArrayList<>();
    final List<String> ignore = new ArrayList<>();
    Optional<String> identity = Optional.empty();
    Optional<String> subscription = Optional.empty();
    Optional<String> location = Optional.empty();
    Optional<String> scriptBaseUri = Optional.empty();
    Optional<String> fileBaseUri = Optional.empty();
    Optional<ApiVersion> apiVersion = Optional.empty();
    Optional<Boolean> skipUnsupported = Optional.empty();
    Optional<GalleryVersioning> galleryVersioning = Optional.empty();
    Optional<Integer> buildTimeout = Optional.empty();
    Optional<String> skip = Optional.empty();

    /** Whether this is the {@code defaults} layer, whose variables every template is given. */
    boolean defaults;

    TemplateSettings build() {
      return new TemplateSettings(
          vars,
          data,
          varFiles,
          only,
          except,
          ignore,
          identity,
          subscription,
          location,
          scriptBaseUri,
          fileBaseUri,
          apiVersion,
          skipUnsupported,
          galleryVersioning,
          buildTimeout,
          skip,
          varKeys,
          varPointers,
          defaults ? vars.keySet() : Set.of());
    }
  }
}
