package io.github.packer2aib.core.mapping.packer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code shell} provisioner's {@code env_var_format}, which decides what the values of {@code
 * environment_vars} and {@code env} mean on the VM. Packer replaces each {@code '} of a value with
 * {@code '"'"'} and writes {@code fmt.Sprintf(env_var_format, name, value)} for each variable
 * before the script's path on its command line (or into the file it sources, with {@code
 * use_env_var_file}). Its default {@code %s='%s' } sets the values as they are written; {@code
 * %s="%s" } and {@code %s=%s } let the VM's shell expand them ({@code PATH=$HOME/bin:$PATH}). The
 * step's export lines do the same for these forms; any other format is dropped with a warning and
 * the values are set as written.
 */
final class ShellEnvFormat {
  private ShellEnvFormat() {}

  /**
   * The forms imitated: {@code [export ]%s=<q>%s<q>} with the quote {@code q} single, double or
   * none, and what ends it (a space or line break; nothing is said separately).
   */
  private static final Pattern FORM =
      Pattern.compile("[ \\t]*(?:export[ \\t]+)?%s=(['\"]?)%s\\1([ \\t\\n]*)");

  private enum Quoting {
    /** {@code '%s'}: the value as written. */
    SINGLE,
    /** {@code "%s"}: expanded in double quotes. */
    DOUBLE,
    /** {@code %s}: expanded as an unquoted word. */
    BARE
  }

  /**
   * The step's environment from {@code entries} (sorted by name, a later entry of a name winning),
   * with each value in the form {@link ShellText#exportValue} writes as env_var_format makes Packer
   * set it; says what became of env_var_format and of values that cannot be set that way.
   */
  static Map<String, String> environment(Prov pr, List<EnvVars.Entry> entries) {
    Quoting quoting = quoting(pr, !entries.isEmpty());
    if (quoting == Quoting.SINGLE || entries.isEmpty()) {
      return EnvVars.map(entries);
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) { // by index: no iterator (C1 code)
      EnvVars.Entry e = entries.get(i);
      out.put(e.name(), expanding(pr, e, quoting));
    }
    return out;
  }

  /** The value of {@code e} as the format's quotes make Packer's shell read it, or as written. */
  private static String expanding(Prov pr, EnvVars.Entry e, Quoting quoting) {
    boolean doubleQuoted = quoting == Quoting.DOUBLE;
    String marked = ShellText.markExpansions(e.value(), doubleQuoted);
    if (marked == null) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              e.at(),
              doubleQuoted
                  ? Words.concat(
                      "The value of ",
                      e.name(),
                      " does not make one shell word between the double quotes env_var_format"
                          + " puts it in, as Packer puts it: a \" in it ends them, or a $( … ),"
                          + " ${ … } or ` … ` in it is not closed or holds quotes or a backslash,"
                          + " which the converter does not rewrite. The step sets the value as"
                          + " written (export ",
                      e.name(),
                      "='…'), where nothing in it expands; write a \" in it as \\\" if the rest"
                          + " should expand on the VM.")
                  : Words.concat(
                      "The value of ",
                      e.name(),
                      " does not make one shell word where env_var_format puts it without quotes,"
                          + " as Packer does: it holds a blank, a quote, one of ; & | < > ( ), a ~"
                          + " the shell would expand, or a $( … ), ${ … } or ` … ` that is not"
                          + " closed or holds quotes or a backslash, which the converter does not"
                          + " rewrite. The step sets the value as written (export ",
                      e.name(),
                      "='…'), where nothing in it expands; to have it expand on the VM, write"
                          + " env_var_format as %s=\"%s\" and the value as it goes between"
                          + " double quotes."));
      return e.value();
    }
    if (doubleQuoted && e.value().indexOf('\'') >= 0) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              e.at(),
              Words.concat(
                  "The value of ",
                  e.name(),
                  " holds ', which Packer writes as '\"'\"' for the single quotes of its default"
                      + " env_var_format. Between the double quotes of this format that does not"
                      + " give the ' back: the text between two of them ends up outside the"
                      + " quotes, and an odd number leaves a quote open, which fails Packer's"
                      + " command. The step keeps each ' as written, and the rest of the value"
                      + " expands as between double quotes; check that this is the value the"
                      + " commands need."));
    }
    return marked;
  }

  /**
   * How env_var_format quotes the values: {@link Quoting#SINGLE} when it is not set, is Packer's
   * default, or is dropped (said so: a warning when {@code variables} are set, whose values then
   * stay as written, else a note).
   */
  private static Quoting quoting(Prov pr, boolean variables) {
    if (!pr.f.has("env_var_format")) {
      return Quoting.SINGLE;
    }
    Optional<String> format = pr.f.inspect("env_var_format");
    if (format.isEmpty()) {
      return Quoting.SINGLE; // not known, or refused: said where it was read
    }
    Matcher m = FORM.matcher(format.get());
    if (!m.matches()) {
      if (!variables) {
        pr.dropNote("env_var_format", "the step sets no environment variables of the template.");
      } else {
        pr.dropWarning(
            "env_var_format",
            "the converter imitates only the forms %s='%s' , %s=\"%s\" and %s=%s (with export"
                + " before them, or a line break after them), so the step sets each value as"
                + " written (export NAME='value'), as Packer's default format does, and nothing in"
                + " the values expands on the VM. If a value must expand there ($HOME, $( … )),"
                + " write env_var_format as %s=\"%s\" , or set the variable with a command of the"
                + " step.");
      }
      return Quoting.SINGLE;
    }
    if (m.group(2).isEmpty() && variables) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("env_var_format"),
              "env_var_format ends without a space or line break, so on Packer's command line"
                  + " the variables run together into one word (A='1'B='2' sets A to 1B=2, and"
                  + " not B), with Packer's own PACKER_BUILD_NAME and PACKER_BUILDER_TYPE among"
                  + " them. The step sets each variable on its own, as was most likely meant; end"
                  + " the format with a space to say so.");
    }
    String quote = m.group(1);
    return quote.equals("'") ? Quoting.SINGLE : quote.isEmpty() ? Quoting.BARE : Quoting.DOUBLE;
  }
}
