package io.github.packer2aib.core.validate;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the API version a template is validated against: its own literal {@code apiVersion} when
 * we know it; otherwise the one the user chose ({@code --api-version}) or the default, with a note
 * saying so. An unknown literal version is an error unless the user chose one.
 *
 * @param version the version to validate against, empty when there is none (an error was reported)
 * @param literal whether the file fixes this version (its literal {@code apiVersion}, a variable's
 *     literal value, a literal a nested deployment passes, or a parameter's defaultValue), so that
 *     {@code convert} writes it in place of an expression: its output is the resource alone,
 *     without the deployment's parameters and variables, and read alone it would be checked against
 *     another version
 */
public record VersionSelection(
    Optional<ApiVersion> version, boolean literal, List<Diagnostic> diagnostics) {

  public VersionSelection {
    diagnostics = List.copyOf(diagnostics);
  }

  public static VersionSelection select(
      DocObject resource, String pointer, Optional<ApiVersion> chosen) {
    return select(resource, pointer, chosen, ArmValues.NONE, false);
  }

  /**
   * As {@link #select(DocObject, String, Optional)}, for a resource of an ARM deployment template,
   * whose {@code apiVersion} may read a parameter or a variable:
   *
   * <ul>
   *   <li>a value the file fixes (a variable's literal value, a literal a nested deployment passes)
   *       is read as if written in its place, as a literal {@code apiVersion} is (VER-N006);
   *   <li>{@code [parameters('name')]} is checked against the parameter's {@code defaultValue} when
   *       that is a known version and no version was chosen, rather than against the default
   *       (2024-02-01, which rejects what older versions accept) (VER-N007);
   *   <li>any other expression leaves the version to the deployment (VER-N003).
   * </ul>
   *
   * @param values what the file fixes of the parameters and variables, in the resource's scope
   * @param convert for convert, where {@code --api-version} is the version to write, not the one
   *     the template is read in: the parameter's defaultValue is the version read even when one was
   *     chosen, and the notes say which version is written
   */
  public static VersionSelection select(
      DocObject resource,
      String pointer,
      Optional<ApiVersion> chosen,
      ArmValues values,
      boolean convert) {
    ApiVersion fallback = chosen.orElse(ApiVersion.DEFAULT);
    String how =
        chosen.isPresent()
            ? "the version chosen with --api-version"
            : "the default; choose another with --api-version";
    Optional<DocMember> member = apiVersionMember(resource);
    if (member.isEmpty()) {
      return new VersionSelection(
          Optional.of(fallback),
          false,
          List.of(
              Diagnostic.of(
                      VersionCode.MISSING_API_VERSION,
                      resource.range() == null ? null : keyOnly(resource),
                      "This template has no apiVersion; it is checked against "
                          + fallback.id()
                          + " ("
                          + how
                          + ") and written with that version.")
                  .withPath(pointer)));
    }
    DocMember m = member.get();
    Optional<String> text = DocScalar.stringValue(m.value());
    String at = JsonPointer.append(pointer, m.key()); // "ApiVersion" is where it is written
    if (text.isEmpty()) {
      return new VersionSelection(
          Optional.empty(),
          false,
          List.of(
              Diagnostic.of(
                      VersionCode.NOT_A_STRING,
                      m.value().range(),
                      "apiVersion must be a string such as \""
                          + ApiVersion.DEFAULT.id()
                          + "\", not "
                          + m.value().kindName()
                          + ".")
                  .withPath(at)));
    }
    String value = text.get();
    Optional<String> parameter = ArmExpression.parameterName(value);
    Optional<ArmValues.Value> fixed =
        ArmExpression.variableName(value)
            .flatMap(values::variable)
            .or(() -> parameter.flatMap(values::fixedParameter));
    String read = fixed.map(ArmValues.Value::text).orElse(value);
    // As Resource Manager compares API versions: ignoring case (VER-W009 asks for the spelling).
    Optional<ApiVersion> known = ApiVersion.parseIgnoringCase(read);
    // What convert writes in place of the expression: the version read, or the one chosen.
    String written =
        convert && chosen.isPresent()
            ? chosen.get().id() + ", the version chosen with --api-version,"
            : "it";
    if (known.isPresent() && fixed.isPresent()) {
      List<Diagnostic> notes = new ArrayList<>();
      notes.add(
          Diagnostic.of(
                  VersionCode.FIXED_API_VERSION,
                  m.value().range(),
                  "apiVersion is "
                      + value
                      + via(fixed.get())
                      + ", whose value in this file is \""
                      + fixed.get().text()
                      + "\": the template is checked against that version, and convert writes "
                      + written
                      + " in place of the expression.")
              .withPath(at));
      otherCase(read, known.get(), m, at).ifPresent(notes::add);
      chosenNotUsed(known.get(), chosen, convert, m, at).ifPresent(notes::add);
      return new VersionSelection(known, true, notes);
    }
    value = read;
    if (known.isPresent()) {
      List<Diagnostic> notes = new ArrayList<>();
      otherCase(read, known.get(), m, at).ifPresent(notes::add);
      chosenNotUsed(known.get(), chosen, convert, m, at).ifPresent(notes::add);
      return new VersionSelection(known, true, notes);
    }
    if (ArmExpression.isExpression(value)) {
      Optional<ArmValues.Value> byDefault =
          chosen.isEmpty() || convert
              ? parameter
                  .flatMap(values::parameterDefault)
                  .filter(d -> ApiVersion.parseIgnoringCase(d.text()).isPresent())
              : Optional.empty();
      if (byDefault.isPresent()) {
        ArmValues.Value d = byDefault.get();
        // With --api-version, convert reads the template in the parameter's default and writes
        // the version chosen in place of the expression: nothing is left to the deployment.
        String rest =
            chosen.isEmpty()
                ? "the template is checked against that version (a deployment that passes another"
                    + " version is not checked: choose it with --api-version), and convert writes"
                    + " it in place of the expression, since its output, the resource alone, has"
                    + " no parameters to read it from."
                : "the template is read in that version, and convert writes "
                    + written
                    + " in place of the expression.";
        ApiVersion byDefaultVersion = ApiVersion.parseIgnoringCase(d.text()).orElseThrow();
        List<Diagnostic> notes = new ArrayList<>();
        notes.add(
            Diagnostic.of(
                    VersionCode.PARAMETER_DEFAULT_API_VERSION,
                    m.value().range(),
                    "apiVersion is "
                        + value
                        + via(d)
                        + ", whose defaultValue in this file is \""
                        + d.text()
                        + "\": "
                        + rest)
                .withPath(at));
        otherCase(d.text(), byDefaultVersion, m, at).ifPresent(notes::add);
        return new VersionSelection(Optional.of(byDefaultVersion), true, notes);
      }
      String checked =
          convert && chosen.isPresent()
              ? fallback.id()
                  + ", the version chosen with --api-version, which convert writes in"
                  + " place of the expression"
              : fallback.id() + " (" + how + ")";
      return new VersionSelection(
          Optional.of(fallback),
          false,
          List.of(
              Diagnostic.of(
                      VersionCode.EXPRESSION_API_VERSION,
                      m.value().range(),
                      "apiVersion is the ARM expression "
                          + value
                          + ", known only at deployment; the template is checked against "
                          + checked
                          + ".")
                  .withPath(at)));
    }
    String supported = String.join(", ", ApiVersion.ids());
    if (chosen.isPresent()) {
      return new VersionSelection(
          chosen,
          false,
          List.of(
              Diagnostic.of(
                      VersionCode.UNSUPPORTED_API_VERSION_OVERRIDDEN,
                      m.value().range(),
                      "apiVersion \""
                          + value
                          + "\" is not one packer2aib knows ("
                          + supported
                          + "); the template is read as "
                          + chosen.get().id()
                          + ", the version chosen with --api-version."
                          + blanks(value))
                  .withPath(at)));
    }
    return new VersionSelection(
        Optional.empty(),
        false,
        List.of(
            Diagnostic.of(
                    VersionCode.UNSUPPORTED_API_VERSION,
                    m.value().range(),
                    "apiVersion \""
                        + value
                        + "\" is not one packer2aib knows. Use one of "
                        + supported
                        + ", or pass --api-version to read the template as one of them."
                        + blanks(value)
                        + Placeholders.hint(value))
                .withPath(at)));
  }

  /**
   * For validate, a note that {@code --api-version} was not used: the template fixes a known
   * version of its own, which it is checked against. Silent, the option would look as if it had
   * been checked ("ok" for a template the chosen version would refuse); convert re-targets instead.
   */
  private static Optional<Diagnostic> chosenNotUsed(
      ApiVersion own, Optional<ApiVersion> chosen, boolean convert, DocMember m, String at) {
    if (convert || chosen.isEmpty() || chosen.get() == own) {
      return Optional.empty();
    }
    String v = chosen.get().id();
    return Optional.of(
        Diagnostic.of(
                VersionCode.CHOSEN_API_VERSION_NOT_USED,
                m.value().range(),
                "The template names API version "
                    + own.id()
                    + ", so it is checked against that version: --api-version "
                    + v
                    + " chooses a version only for a template that names none. To check the"
                    + " template re-targeted to "
                    + v
                    + ", convert it with --api-version "
                    + v
                    + " (and --strict to fail on its warnings), which drops what "
                    + v
                    + " lacks and warns of each field it drops.")
            .withPath(at));
  }

  /**
   * A warning for a known version written in another case ({@code 2019-05-01-Preview}). Resource
   * Manager compares API versions ignoring case, so the template is read as that version; the
   * service's own spelling is asked for, and convert writes it.
   */
  private static Optional<Diagnostic> otherCase(
      String text, ApiVersion version, DocMember m, String at) {
    if (text.equals(version.id())) {
      return Optional.empty();
    }
    return Optional.of(
        Diagnostic.of(
                VersionCode.API_VERSION_CASE,
                m.value().range(),
                "The API version \""
                    + text
                    + "\" is "
                    + version.id()
                    + " written in another case. Azure Resource Manager compares API versions"
                    + " ignoring case, so the template is checked against "
                    + version.id()
                    + ", and convert writes it so; write it \""
                    + version.id()
                    + "\" as the service's specification does.")
            .withPath(at));
  }

  /**
   * The sentence that ends a message about an unknown version that is a known one with blanks
   * around it ({@code " 2024-02-01"}), which --api-version would take: the file's value is what
   * Resource Manager is sent, blanks and all. Empty for any other value.
   */
  private static String blanks(String value) {
    return ApiVersion.parseLeniently(value)
        .map(v -> " Did you mean \"" + v.id() + "\"? Remove the blanks around it.")
        .orElse("");
  }

  /** How a value reaches the resource's template, as a parenthesis after the expression. */
  private static String via(ArmValues.Value v) {
    return v.via().map(how -> " (" + how + ")").orElse("");
  }

  /**
   * The resource's {@code apiVersion} member: the exact key, else one differing only in case, which
   * ARM reads as the same property ({@code "ApiVersion"}; SPEC-W102 reports the spelling).
   */
  public static Optional<DocMember> apiVersionMember(DocObject resource) {
    return resource.memberAnyCase("apiVersion");
  }

  /** The start of an object, as a zero-width range, for notes about the object as a whole. */
  private static io.github.packer2aib.core.source.Range keyOnly(DocObject o) {
    return new io.github.packer2aib.core.source.Range(
        o.range().file(), o.range().start(), o.range().start());
  }
}
