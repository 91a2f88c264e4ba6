package io.github.packer2aib.core.legacy.template;

import static io.github.packer2aib.core.legacy.template.TestTemplates.azureBuilder;
import static io.github.packer2aib.core.legacy.template.TestTemplates.eval;
import static io.github.packer2aib.core.legacy.template.TestTemplates.provisioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateEvaluatorTest {

  private static String string(String text, Scope scope) {
    Evaluation e = eval(text, scope);
    assertEquals(List.of(), e.problems(), text);
    return e.value().unmarked().asString();
  }

  private static TemplateProblem problem(String text, Scope scope) {
    Evaluation e = eval(text, scope);
    assertEquals(1, e.problems().size(), () -> text + ": " + e.problems());
    assertEquals(Value.unknown(Type.STRING), e.value());
    return e.problems().get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "~",
      value = {
        "plain text~plain text",
        "{{user `region`}}-vm~westeurope-vm",
        "{{ user `prefix` | lower }}~web app",
        "{{ upper (user `region`) }}~WESTEUROPE",
        "{{ split (user `csv`) \",\" 1 }}~b",
        "{{ split \"a,b,c\" \",\" 0 }}~a",
        "{{ split \"abc\" \"\" 2 }}~c",
        "{{ user `csv` | replace \",\" \";\" 1 }}~a;b,c",
        "{{ replace \",\" \";\" -1 \"a,b,c\" }}~a;b;c",
        "{{ replace \"\" \"-\" 2 \"ab\" }}~-a-b",
        "{{ replace_all \",\" \" \" (user `csv`) }}~a b c",
        "{{ clean_resource_name \"My Image: v1.0!\" }}~My-Image--v1.0",
        "{{ clean_resource_name \"café-x\" }}~caf---x",
        "{{ template_dir }}/scripts~/templates/web/scripts",
        "{{ pwd }}~/work",
        "{{ build_name }}/{{ build_type }}~web/azure-arm",
        "{{ packer_version }}~1.6.6",
        "{{ timestamp }}~1700000000",
        "{{ isotime }}~2023-11-14T22:13:20Z",
        "{{ isotime \"2006-01-02\" }}~2023-11-14",
        "{{ isotime \"20060102150405\" }}~20231114221320",
        "{{ isotime \"Jan _2 03:04PM MST\" }}~Nov 14 10:13PM UTC",
        "{{ strftime \"%Y-%m-%d %H:%M:%S\" }}~2023-11-14 22:13:20",
        "{{ strftime \"%a %b %e %j %L %%\" }}~Tue Nov %e %j .000 %",
        "{{ 42 }} {{ 1.5 }} {{ 1e21 }} {{ 1e-5 }} {{ true }}~42 1.5 1e+21 1e-05 true",
        // Go's shortest forms (Packer 1.6.6), where JDK 17's Double.toString is longer.
        "{{ 1e23 }} {{ 5e-324 }} {{ 2.82879384806159E17 }} {{ 1e22 }}~1e+23 5e-324"
            + " 2.82879384806159e+17 1e+22",
        "{{ \"a\\tb\" }}~a\tb",
        "a {{- `x` -}} b~axb",
        "a {{- /* c */}} b~a b",
        "a\\n  {{- `x` }}~ax",
        "{{ lower timestamp }}~1700000000",
      })
  void evaluatesAsPackerDoes(String text, String expected) {
    assertEquals(expected.replace("\\t", "\t"), string(text.replace("\\n", "\n"), azureBuilder()));
  }

  @Test
  void aLayoutConstantNameIsReadAsALayoutWithAWarning() {
    Evaluation e = eval("{{ isotime \"RFC3339\" }}", azureBuilder());
    assertEquals("RFC1010109", e.value().unmarked().asString());
    assertEquals(1, e.problems().size());
    assertEquals(GoTemplateCode.LAYOUT_CONSTANT_NAME, e.problems().get(0).code());
    assertEquals(new Span(3, 10), e.problems().get(0).span());
  }

  @Test
  void characterConstantsPrintAsNumbers() {
    assertEquals("97 10", string("{{ 'a' }} {{ '\\n' }}", azureBuilder()));
  }

  @Test
  void provisionerTimeDataIsKeptVerbatim() {
    String text = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}' {{user `region`}}";
    assertEquals(
        "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}' westeurope",
        string(text, provisioner(new BuildTarget("web", "azure-arm"))));
    assertEquals("{{.WinRMPassword}}", string("{{.WinRMPassword}}", provisioner()));
    assertEquals("{{ . }}|{{ upper .Path }}", string("{{ . }}|{{ upper .Path }}", provisioner()));
    assertEquals("{{ printf `%s.sh` .Path }}", string("{{ printf `%s.sh` .Path }}", provisioner()));
    assertEquals(
        GoTemplateCode.UNKNOWN_FUNCTION, problem("{{ uper .Path }}", provisioner()).code());
    // $.Path is .Path, and a field of data in parentheses is data too.
    assertEquals(
        "{{ $.Path }}|{{ (.Build).Name }}",
        string("{{ $.Path }}|{{ (.Build).Name }}", provisioner()));
  }

  /**
   * A field of a function's result or of a constant is no placeholder: Packer 1.6.6 fails ("can't
   * evaluate field Foo in type string"), and it was kept as written with only a warning.
   */
  @ParameterizedTest
  @CsvSource(
      delimiterString = "~",
      value = {
        "{{ (lower `a`).Foo }}~14~18~The value before .Foo is a string, which has no fields, so"
            + " Packer fails (\"can't evaluate field Foo in type string\"). Remove \".Foo\".",
        "x {{ (1).A.B | upper }}~8~12~The value before .A is an int, which has no fields, so Packer"
            + " fails (\"can't evaluate field A in type int\"). Remove \".A.B\".",
      })
  void aFieldOfAValueThatIsNoDataIsAnError(String text, int start, int end, String detail) {
    TemplateProblem p = problem(text, provisioner());
    assertEquals(GoTemplateCode.INVALID_SYNTAX, p.code(), p.detail());
    assertEquals(new Span(start, end), p.span());
    assertEquals(detail, p.detail());
  }

  /**
   * {@code $} alone is all of Packer's data (it prints a map of build values), refused as the other
   * template variables are; it was kept as a placeholder.
   */
  @Test
  void theRootDataAloneIsRefused() {
    for (String text : List.of("{{ $ }}", "a {{ lower $ }}", "{{ upper (lower $) }}")) {
      TemplateProblem p = problem(text, provisioner());
      assertEquals(GoTemplateCode.UNSUPPORTED_ACTION, p.code(), text);
      assertTrue(p.detail().startsWith("$ alone is the data Packer fills"), p.detail());
      assertEquals("$", text.substring(p.span().start(), p.span().end()));
    }
  }

  @Test
  void sensitiveVariablesMarkEveryStringThatUsesThem() {
    Evaluation e = eval("pw={{ user `password` | upper }}", provisioner());
    assertTrue(e.value().isSensitive());
    assertEquals("pw=S3CRET!", e.value().unmarked().asString());
    assertFalse(eval("{{ user `region` }}", provisioner()).value().isSensitive());
  }

  @Test
  void buildValuesAreUnknown() {
    Evaluation e = eval("pw={{ build `Password` }}", provisioner());
    assertEquals(List.of(), e.problems());
    assertEquals(Value.unknown(Type.STRING), e.value());
    assertEquals(
        GoTemplateCode.NOT_AVAILABLE, problem("{{ build `ID` }}", Scope.variables()).code());
  }

  /**
   * A provisioner whose "except" leaves no builder runs for no build, and Packer never renders it:
   * its build_name was an error, "only available in builders, provisioners and post-processors",
   * which failed a template that Packer builds.
   */
  @Test
  void buildNameInAProvisionerThatRunsForNoBuildIsNoError() {
    Evaluation e = eval("echo {{ build_name }} {{ build_type }}", provisioner());
    assertEquals(List.of(), e.problems());
    assertEquals(Value.unknown(Type.STRING), e.value());
    assertEquals(
        GoTemplateCode.NOT_AVAILABLE, problem("{{ build_name }}", Scope.variables()).code());
  }

  /**
   * Packer renders a builder's name before any build exists, so build_name, build_type and build
   * fail there ("build_name not available", checked with Packer 1.6.6); they were unknown, and the
   * builder silently kept its name as written.
   */
  @Test
  void buildValuesAreNotAvailableInABuildersName() {
    for (String text : List.of("a-{{ build_name }}", "a-{{ build_type }}", "a-{{ build `ID` }}")) {
      TemplateProblem p = problem(text, Scope.builderName());
      assertEquals(GoTemplateCode.NOT_AVAILABLE, p.code(), text);
      assertTrue(p.detail().contains("a builder's name"), p.detail());
    }
    assertEquals("web-westeurope", string("web-{{ user `region` | lower }}", Scope.builderName()));
  }

  /**
   * packer_version in variables and in a builder's name: Packer 1.6.6 refused it there
   * ("packer_version not available", hashicorp/packer#11052), Packer 1.7.5 and later (the 1.11
   * emulated here) render those with a context that holds the version (hashicorp/packer#11200).
   */
  @Test
  void packerVersionIsAvailableInVariablesAndBuilderNames() {
    assertEquals("v1.6.6", string("v{{ packer_version }}", Scope.variables()));
    assertEquals("img-1.6.6", string("img-{{ packer_version }}", Scope.builderName()));
  }

  @Test
  void buildNameIsUnknownWhenSeveralBuildersRunTheProvisioner() {
    Evaluation e =
        eval(
            "{{ build_name }}-{{ build_name }}",
            provisioner(new BuildTarget("a", "azure-arm"), new BuildTarget("b", "azure-arm")));
    assertEquals(Value.unknown(Type.STRING), e.value());
    assertEquals(1, e.problems().size());
    TemplateProblem note = e.problems().get(0);
    assertEquals(GoTemplateCode.BUILD_NAME_PER_BUILDER, note.code());
    assertEquals(new Span(3, 13), note.span());
    assertTrue(note.detail().contains("(a, b)"), note.detail());
  }

  @Test
  void envOnlyInVariables() {
    Evaluation home = eval("{{ env `HOME` }}", Scope.variables());
    assertEquals("/home/me", home.value().unmarked().asString());
    // Each read is noted by name (never by value), so the report can list what was read.
    assertEquals(1, home.problems().size());
    assertEquals(GoTemplateCode.ENVIRONMENT_READ, home.problems().get(0).code());
    assertEquals(new Span(3, 6), home.problems().get(0).span());
    assertFalse(home.problems().get(0).detail().contains("/home/me"));
    Evaluation unset = eval("{{ env `UNSET` }}", Scope.variables());
    assertEquals("", unset.value().unmarked().asString());
    assertTrue(unset.problems().get(0).detail().contains("UNSET is not set"));
    TemplateProblem p = problem("x {{ env `HOME` }}", azureBuilder());
    assertEquals(GoTemplateCode.ENV_NOT_ALLOWED, p.code());
    assertEquals(new Span(5, 15), p.span());
  }

  @Test
  void undefinedVariablesSuggestAName() {
    TemplateProblem p = problem("{{ user `regoin` }}", azureBuilder());
    assertEquals(GoTemplateCode.UNDEFINED_VARIABLE, p.code());
    assertEquals(new Span(8, 16), p.span());
    assertEquals(
        "There is no variable named \"regoin\". Did you mean \"region\"? Declare it in"
            + " \"variables\" or pass it with --var regoin=VALUE (Packer would read it as an empty"
            + " string, which is seldom what is meant, so the conversion stops here).",
        p.detail());
  }

  @Test
  void secretReadersAreUnknownSecretsInVariablesAndRefusedElsewhere() {
    for (String f :
        List.of(
            "consul_key `k`",
            "vault `p` `k`",
            "aws_secretsmanager `s`",
            "aws_secretsmanager_raw `s`")) {
      // Not called (no secrets, no network at conversion time): an unknown, sensitive string.
      Evaluation e = eval("x-{{ " + f + " }}", Scope.variables());
      assertEquals(List.of(), e.problems(), f);
      assertFalse(e.value().isKnown(), f);
      assertTrue(e.value().isSensitive(), f);
      // As in Packer, only the variables section may call them.
      TemplateProblem p = problem("{{ " + f + " }}", azureBuilder());
      assertEquals(GoTemplateCode.REFUSED_FUNCTION, p.code(), f);
      assertTrue(p.detail().contains("only be used in the default values of"), p.detail());
    }
    assertEquals(
        GoTemplateCode.DEPRECATED_FUNCTION,
        problem("{{ sed `s/a/b/` `a` }}", azureBuilder()).code());
    assertEquals(
        GoTemplateCode.UNSUPPORTED_BUILTIN,
        problem("{{ printf `%s` `a` }}", azureBuilder()).code());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "~",
      value = {
        "{{ user }}~WRONG_ARGUMENT_COUNT~3~7~The function user takes 1 argument, but 0 were given.",
        "{{ lower 1 }}~WRONG_ARGUMENT_TYPE~9~10~Argument 1 of lower must be a string, but the"
            + " number 1 was given. Quote it: \"1\".",
        // Single quotes (which spare a JSON template escaped double quotes) make a number.
        "{{ lower 'a' }}~WRONG_ARGUMENT_TYPE~9~12~Argument 1 of lower must be a string, but the"
            + " character constant 'a' was given. Single quotes make a character constant, which"
            + " Go's templates read as a number: write `a` for the string.",
        "{{ split `a` `,` `1` }}~WRONG_ARGUMENT_TYPE~17~20~Argument 3 of split must be an integer"
            + " written as a number, such as 0, but the string \"1\" was given.",
        "{{ split `a,b` `,` 5 }}~CALL_FAILED~19~20~Part 5 does not exist: splitting at \",\" gives"
            + " 2 parts (the first is 0).",
        "{{ split `a` `,` -1 }}~CALL_FAILED~17~19~The index -1 is negative; the first part is 0.",
        "{{ isotime `a` `b` }}~CALL_FAILED~15~18~isotime takes at most one layout, but 2 were"
            + " given.",
        "{{ nope }}~UNKNOWN_FUNCTION~3~7~",
        "{{ `a` | lower `b` }}~WRONG_ARGUMENT_COUNT~9~18~The function lower takes 1 argument, but 2"
            + " were given (the value piped in with | counts as the last argument).",
        "{{ `a` | replace `o` `0` }}~WRONG_ARGUMENT_COUNT~9~24~The function replace takes 4"
            + " arguments, but 3 were given (the value piped in with | counts as the last"
            + " argument).",
        "{{ user `a` `b` }}~WRONG_ARGUMENT_COUNT~3~15~The function user takes 1 argument, but 2"
            + " were given.",
        "{{ clean_resource_name `a` }}~NOT_AVAILABLE~3~26~clean_resource_name is defined by the"
            + " builders, so it can only be used in a builder's settings.",
      })
  void callErrorsPointAtTheArgumentOrCall(
      String text, GoTemplateCode code, int start, int end, String detail) {
    TemplateProblem p = problem(text, provisioner(new BuildTarget("web", "azure-arm")));
    assertEquals(code, p.code(), p.detail());
    assertEquals(new Span(start, end), p.span(), p.detail());
    if (detail != null) {
      assertEquals(detail, p.detail());
    }
  }

  @Test
  void cleanResourceNameFollowsTheBuilderFamily() {
    Scope google = Scope.builder(new BuildTarget("g", "googlecompute"));
    Scope amazon = Scope.builder(new BuildTarget("a", "amazon-ebs"));
    assertEquals("my-image-1-0", string("{{ clean_resource_name `My Image 1.0` }}", google));
    assertEquals("ok-name", string("{{ clean_resource_name `ok-name` }}", google));
    assertEquals("My Image (1.0)-", string("{{ clean_resource_name `My Image (1.0)!` }}", amazon));
    assertEquals("a-b", string("{{ clean_resource_name `a:b` }}", azureBuilder()));
  }

  @Test
  void uuidsAreTimeOrderedAndDeterministicPerRun() {
    TemplateEvaluator one = new TemplateEvaluator(TestTemplates.environment());
    String a =
        one.evaluate("{{ uuid }}", azureBuilder(), UserVariables.none())
            .value()
            .unmarked()
            .asString();
    String b =
        one.evaluate("{{ uuid }}", azureBuilder(), UserVariables.none())
            .value()
            .unmarked()
            .asString();
    assertTrue(a.matches("6553f100-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), a);
    assertFalse(a.equals(b));
    TemplateEvaluator again = new TemplateEvaluator(TestTemplates.environment());
    assertEquals(
        a,
        again
            .evaluate("{{ uuid }}", azureBuilder(), UserVariables.none())
            .value()
            .unmarked()
            .asString());
  }

  @Test
  void packerVersionIsUnknownWhenNotGiven() {
    TemplateEvaluator e =
        new TemplateEvaluator(
            new TemplateEnvironment(
                Clock.frozenAt(TestTemplates.NOW), Map.of(), "/t", "/w", Optional.empty()));
    assertEquals(
        Value.unknown(Type.STRING),
        e.evaluate("{{ packer_version }}", azureBuilder(), UserVariables.none()).value());
  }

  /** The one problem of {@code text}, checked not to quote the secret in any case. */
  private static TemplateProblem secretProblem(String text, Scope scope) {
    Evaluation e = eval(text, scope);
    assertEquals(1, e.problems().size(), () -> text + ": " + e.problems());
    TemplateProblem p = e.problems().get(0);
    assertFalse(p.detail().toLowerCase(java.util.Locale.ROOT).contains("s3cret"), p.detail());
    return p;
  }

  @Test
  void namesLookedUpFromASecretAreNotShown() {
    for (String text :
        List.of("{{ user (user `password`) }}", "{{ user (upper (user `password`)) }}")) {
      TemplateProblem p = secretProblem(text, provisioner());
      assertEquals(GoTemplateCode.UNDEFINED_VARIABLE, p.code());
      assertEquals(
          "The variable's name comes from a sensitive value, which is not shown, and no variable"
              + " has that name. Declare it in \"variables\" or pass it with --var NAME=VALUE, or"
              + " look up a variable whose name is not secret.",
          p.detail());
    }
    TemplateProblem env = secretProblem("{{ env (user `password`) }}", provisioner());
    assertEquals(GoTemplateCode.ENV_NOT_ALLOWED, env.code());
    assertEquals(
        "The env function can only be used in the default values of \"variables\"; Packer"
            + " refuses it elsewhere. Declare a variable whose default is {{ env `NAME` }} and"
            + " use {{ user `name` }} here (the name given comes from a sensitive value, which is"
            + " not shown).",
        env.detail());
    TemplateProblem read = secretProblem("{{ env (user `password`) }}", Scope.variables());
    assertEquals(GoTemplateCode.ENVIRONMENT_READ, read.code());
    assertEquals(
        "The environment variable named by a sensitive value (the name is not shown) is not set,"
            + " so it read as \"\" when this template was converted; the converted template holds"
            + " the result, so convert again in an environment like the build's, or give the value"
            + " itself instead of reading it from the environment (with --var NAME=VALUE for a"
            + " variable whose default reads it).",
        read.detail());
    TemplateProblem build = secretProblem("{{ build (user `password`) }}", Scope.variables());
    assertEquals(GoTemplateCode.NOT_AVAILABLE, build.code());
    assertEquals(
        "build values such as {{ build `ID` }} exist only while Packer builds, so variables"
            + " cannot use them (the name given comes from a sensitive value, which is not"
            + " shown).",
        build.detail());
    // Names that are not secret are still quoted.
    assertTrue(
        problem("{{ user (user `region`) }}", provisioner())
            .detail()
            .startsWith("There is no variable named \"westeurope\"."));
  }

  @Test
  void failingCallOnASecretDoesNotShowIt() {
    TemplateProblem p = problem("{{ split (user `password`) `,` 3 }}", provisioner());
    assertEquals("The call failed on a sensitive value, which is not shown.", p.detail());
  }
}
