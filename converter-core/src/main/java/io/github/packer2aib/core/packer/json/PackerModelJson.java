package io.github.packer2aib.core.packer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.packer.PackerSettings;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.SensitiveTexts;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Packer model as JSON, for people and tests ({@code packer2aib inspect}): variables with their
 * final values and where they were set, locals, sources with their evaluated settings, and builds
 * with their source usages, provisioners and post-processors as written. Deterministic: fields in a
 * fixed order, settings in source order, map keys sorted; two-space indentation and a final
 * newline.
 *
 * <p>Values never leak: a sensitive value (or anything marked sensitive inside a value) is written
 * as {@code "<sensitive>"}, and a value known only when Packer runs (data sources, {@code build.*})
 * as {@code "<unknown>"}. What the converter treats as a credential although no variable made it
 * secret is withheld too: the value of an environment variable named as one ({@code
 * environment_vars = ["ADMIN_PASSWORD=…"]}, {@code env = { SAS_TOKEN = … }}) is written as {@code
 * "<sensitive>"}, and every string is masked as a quoted source line is ({@link SecretScrubber}: a
 * SAS URL's {@code sig=}, {@code password=…} in a command). A string that holds the text of a
 * secret ({@link SensitiveTexts} of the template's sensitive variables and locals, {@link
 * CredentialTexts} of its credential settings) is written as {@code "<sensitive>"} as a whole,
 * wherever it stands: a value holds no mark when it was computed again from the source of a secret
 * ({@code "${env("SP_SECRET")}@login"} beside a sensitive variable whose default reads the same
 * variable) or given again with {@code --var}, and printed it showed the secret. Optional fields
 * are always present, {@code null} when absent, so every record has one shape.
 */
public final class PackerModelJson {
  /** Written instead of a sensitive value. */
  public static final String SENSITIVE = "<sensitive>";

  /**
   * Settings that give a step's environment variables, whose values the converter refuses to copy
   * when the variable is named as a credential ({@link Credentials#environmentHoldsSecret}).
   */
  private static final Set<String> ENVIRONMENT = Set.of("environment_vars", "env");

  /** Written instead of a value that is not known until Packer runs. */
  public static final String UNKNOWN = "<unknown>";

  /**
   * Values nested deeper than this are written as {@link #TOO_DEEP}: as deep as the JSON and YAML
   * readers accept, but HCL locals that each wrap the one before make values of any depth.
   */
  public static final int MAX_VALUE_DEPTH = 1000;

  /** Written instead of a value nested more than {@link #MAX_VALUE_DEPTH} levels deep. */
  public static final String TOO_DEEP = "<nested more than 1000 levels deep>";

  /**
   * Room for the levels the model puts around a value (template, build, source, setting) as well:
   * Jackson's default of 1000 levels failed on a value the readers had accepted (exit 70).
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamWriteConstraints(
              StreamWriteConstraints.builder().maxNestingDepth(MAX_VALUE_DEPTH + 100).build())
          .build();

  private PackerModelJson() {}

  /**
   * The most characters {@link #toJson} writes, as much as an input may hold. Indented, a value
   * nested n levels deep takes n² characters: a template of 1,000 locals, each a list of the one
   * before, printed 675 MB in 7 s, and 30,000 of them ran the JVM out of memory.
   */
  public static final int MAX_OUTPUT = 64 * 1024 * 1024;

  /** Thrown by {@link #toJson} for a model longer than {@link #MAX_OUTPUT} characters. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("the model is larger than " + MAX_OUTPUT + " characters", null, false, false);
    }
  }

  /**
   * The model as indented JSON.
   *
   * @throws TooLarge when it would be longer than {@link #MAX_OUTPUT} characters
   */
  public static String toJson(PackerTemplate template) {
    return toJson(template, List.of());
  }

  /**
   * The model as indented JSON, every string that holds one of {@code alsoSecret} (of any length:
   * the caller chooses them) written as {@code "<sensitive>"} too: the credentials of the
   * environment the template was read in ({@code EnvironmentCredentials.texts}), which a template
   * may hold by a path that no sensitive mark follows (a file a CI job wrote).
   *
   * @throws TooLarge when it would be longer than {@link #MAX_OUTPUT} characters
   */
  public static String toJson(PackerTemplate template, List<String> alsoSecret) {
    BoundedWriter out = new BoundedWriter(MAX_OUTPUT);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(TemplateWriter.prettyPrinter());
      new Writer(g).template(template, alsoSecret);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    return out + "\n";
  }

  /** A string writer that throws {@link TooLarge} past its limit, before it holds more. */
  private static final class BoundedWriter extends java.io.Writer {
    private final StringBuilder text = new StringBuilder();
    private final int max;

    BoundedWriter(int max) {
      this.max = max;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      if (length > max - text.length()) {
        throw new TooLarge();
      }
      text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      if (length > max - text.length()) {
        throw new TooLarge();
      }
      text.append(s, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** A single value as JSON, with the same redaction (for tests and messages). */
  public static String valueToJson(Value value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      new Writer(g).value(value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    return out.toString();
  }

  /** Writes one template; one instance per generator. */
  private static final class Writer {
    private final JsonGenerator g;

    /**
     * The texts of the template's secrets: its sensitive variables' and locals' and its credential
     * settings' values. A string holding one is a secret wherever it stands (a plain variable that
     * client_secret reads and the name built from it; a default that reads the same environment
     * variable as a sensitive one).
     */
    private List<String> secrets = List.of();

    /** The arrays and objects of the value being written that are open. */
    private int depth;

    Writer(JsonGenerator g) {
      this.g = g;
    }

    void template(PackerTemplate t, List<String> alsoSecret) throws IOException {
      LinkedHashSet<String> texts = new LinkedHashSet<>(SensitiveTexts.of(t));
      texts.addAll(CredentialTexts.texts(t));
      texts.addAll(alsoSecret);
      secrets = new ArrayList<>(texts);
      g.writeStartObject();
      g.writeStringField("syntax", t.syntax().name().toLowerCase(Locale.ROOT));
      text("root", t.root());
      optionalString("description", t.description());
      g.writeFieldName("packer");
      if (t.packer().isPresent()) {
        packer(t.packer().get());
      } else {
        g.writeNull();
      }
      g.writeArrayFieldStart("variables");
      for (Variable v : t.variables()) {
        variable(v);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("locals");
      for (Local l : t.locals()) {
        g.writeStartObject();
        g.writeStringField("name", l.name());
        g.writeFieldName("value");
        if (l.sensitive()) {
          g.writeString(SENSITIVE);
        } else {
          value(l.value());
        }
        g.writeBooleanField("sensitive", l.sensitive());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sources");
      for (Source s : t.sources()) {
        g.writeStartObject();
        g.writeStringField("type", s.type());
        g.writeStringField("name", s.name());
        config(s.config());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("builds");
      for (Build b : t.builds()) {
        build(b);
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private void packer(PackerSettings p) throws IOException {
      g.writeStartObject();
      optionalString("required_version", p.requiredVersion());
      g.writeArrayFieldStart("required_plugins");
      for (PackerSettings.RequiredPlugin plugin : p.requiredPlugins()) {
        g.writeStartObject();
        g.writeStringField("name", plugin.name());
        g.writeStringField("source", plugin.source());
        optionalString("version", plugin.version());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private void variable(Variable v) throws IOException {
      g.writeStartObject();
      g.writeStringField("name", v.name());
      optionalString("type", v.typeText());
      g.writeFieldName("value");
      if (v.sensitive()) {
        g.writeString(SENSITIVE);
      } else {
        value(v.value());
      }
      g.writeBooleanField("sensitive", v.sensitive());
      optionalString("description", v.description());
      g.writeStringField("set_by", v.setBy().name().toLowerCase(Locale.ROOT));
      optionalString("set_at", v.valueRange().map(Range::toString));
      g.writeEndObject();
    }

    private void build(Build b) throws IOException {
      g.writeStartObject();
      optionalString("name", b.name(), b.sensitiveTexts());
      optionalString("description", b.description(), b.sensitiveTexts());
      g.writeArrayFieldStart("sources");
      for (SourceUsage u : b.sources()) {
        g.writeStartObject();
        g.writeStringField("source", u.source().reference());
        // A build-level source block's name may come from a variable.
        text("name", u.name());
        config(u.config());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("provisioners");
      for (Provisioner p : b.provisioners()) {
        provisioner(p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("post_processors");
      for (List<PostProcessor> chain : b.postProcessors()) {
        g.writeStartArray();
        for (PostProcessor p : chain) {
          postProcessor(p);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeFieldName("error_cleanup_provisioner");
      if (b.errorCleanupProvisioner().isPresent()) {
        provisioner(b.errorCleanupProvisioner().get());
      } else {
        g.writeNull();
      }
      g.writeEndObject();
    }

    private void provisioner(Provisioner p) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", p.type());
      optionalString("name", p.name(), p.sensitiveTexts());
      strings("only", p.only(), p.sensitiveTexts());
      strings("except", p.except(), p.sensitiveTexts());
      writeOverride(p);
      optionalSetting("pause_before", p.pauseBefore());
      optionalSetting("max_retries", p.maxRetries());
      optionalSetting("timeout", p.timeout());
      if (p.continueOnError().isPresent()) {
        // Only where an HCL2 block sets it (newer Packer's), so other templates' output is as it
        // was, and a legacy template never shows a setting its Packer does not have.
        optionalSetting("continue_on_error", p.continueOnError());
      }
      config(p.config());
      if (!p.bySource().isEmpty()) {
        // Only where the body differs by source usage, so other templates' output is unchanged.
        configs("by_source", p.bySource());
      }
      g.writeEndObject();
    }

    private void postProcessor(PostProcessor p) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", p.type());
      optionalString("name", p.name(), p.sensitiveTexts());
      strings("only", p.only(), p.sensitiveTexts());
      strings("except", p.except(), p.sensitiveTexts());
      config(p.config());
      g.writeEndObject();
    }

    /**
     * A provisioner's {@code override}, by usage name; {@code "<sensitive>"} as a whole when a key
     * came from a sensitive value (a key cannot be written as one, and two would collide).
     */
    private void writeOverride(Provisioner p) throws IOException {
      for (String key : p.override().keySet()) {
        if (p.isSensitive(key)) {
          g.writeStringField("override", SENSITIVE);
          return;
        }
      }
      configs("override", p.override());
    }

    /** Bodies by name ({@code override}, {@code by_source}), in name order. */
    private void configs(String field, Map<String, Config> byName) throws IOException {
      if (anyHoldsSecret(byName.keySet())) {
        g.writeStringField(field, SENSITIVE);
        return;
      }
      g.writeObjectFieldStart(field);
      for (Map.Entry<String, Config> e : new TreeMap<>(byName).entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeStartObject();
        config(e.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    /** A body's fields: {@code "settings"} and {@code "blocks"}. */
    private void config(Config c) throws IOException {
      g.writeObjectFieldStart("settings");
      for (Setting s : c.settings()) {
        g.writeFieldName(s.name());
        if (ENVIRONMENT.contains(s.name())) {
          environment(s.value());
        } else {
          value(s.value());
        }
      }
      g.writeEndObject();
      g.writeArrayFieldStart("blocks");
      for (Config.NestedBlock b : c.blocks()) {
        g.writeStartObject();
        g.writeStringField("type", b.type());
        strings("labels", b.labels());
        config(b.body());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    /**
     * A step's environment ({@code ["NAME=VALUE", …]} or {@code {NAME = VALUE}}), the value of each
     * variable named as a credential withheld; any other shape as a plain value.
     */
    private void environment(Value v) throws IOException {
      Value u = v.unmarked();
      if (v.isSensitive() || !u.isKnown()) {
        value(v);
      } else if (u instanceof ListValue || u instanceof SetValue || u instanceof TupleValue) {
        g.writeStartArray();
        for (Value e : u.elements()) {
          Value entry = e.unmarked();
          int eq =
              entry instanceof StringValue && !e.isSensitive() ? entry.asString().indexOf('=') : -1;
          if (eq > 0
              && eq < entry.asString().length() - 1
              && Credentials.environmentHoldsSecret(entry.asString().substring(0, eq))) {
            g.writeString(entry.asString().substring(0, eq + 1) + SENSITIVE);
          } else {
            value(e);
          }
        }
        g.writeEndArray();
      } else if (u instanceof MapValue || u instanceof ObjectValue) {
        Map<String, Value> entries =
            u instanceof MapValue m ? m.entries() : ((ObjectValue) u).attributes();
        if (anyHoldsSecret(entries.keySet())) {
          g.writeString(SENSITIVE);
          return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Value> e : entries.entrySet()) {
          g.writeFieldName(e.getKey());
          if (Credentials.environmentHoldsSecret(e.getKey()) && !e.getValue().isNull()) {
            g.writeString(SENSITIVE);
          } else {
            value(e.getValue());
          }
        }
        g.writeEndObject();
      } else {
        value(v);
      }
    }

    /** Whether any of {@code keys} holds a secret's text: such a map is printed masked whole. */
    private boolean anyHoldsSecret(Collection<String> keys) {
      for (String key : keys) {
        if (holdsSecret(key)) {
          return true;
        }
      }
      return false;
    }

    private boolean holdsSecret(String s) {
      for (int i = 0; i < secrets.size(); i++) {
        if (s.contains(secrets.get(i))) {
          return true;
        }
      }
      return false;
    }

    /** A string field that is no value: {@code "<sensitive>"} when it holds a secret's text. */
    private void text(String field, String s) throws IOException {
      g.writeStringField(field, holdsSecret(s) ? SENSITIVE : s);
    }

    void value(Value v) throws IOException {
      if (v.isSensitive()) {
        g.writeString(SENSITIVE);
        return;
      }
      Value u = v.unmarked();
      if (!u.isKnown()) {
        g.writeString(UNKNOWN);
      } else if (u instanceof NullValue) {
        g.writeNull();
      } else if (u instanceof StringValue) {
        g.writeString(holdsSecret(u.asString()) ? SENSITIVE : SecretScrubber.scrub(u.asString()));
      } else if (u instanceof NumberValue) {
        BigFloat n = u.asNumber();
        String text = n.toString();
        if (holdsSecret(text)) {
          // A secret of digits (a PIN given again with --var as a number).
          g.writeString(SENSITIVE);
        } else if (n.isInfinite()) {
          g.writeString(text);
        } else {
          g.writeNumber(text);
        }
      } else if (u instanceof BoolValue) {
        g.writeBoolean(u.asBoolean());
      } else if (depth >= MAX_VALUE_DEPTH) {
        g.writeString(TOO_DEEP);
      } else if (u instanceof ListValue || u instanceof SetValue || u instanceof TupleValue) {
        depth++;
        g.writeStartArray();
        for (Value e : u.elements()) {
          value(e);
        }
        g.writeEndArray();
        depth--;
      } else if (u instanceof MapValue m) {
        depth++;
        mapping(m.entries());
        depth--;
      } else if (u instanceof ObjectValue o) {
        depth++;
        mapping(o.attributes());
        depth--;
      } else {
        throw new IllegalStateException("unexpected value " + u.getClass().getSimpleName());
      }
    }

    private void mapping(Map<String, Value> entries) throws IOException {
      if (anyHoldsSecret(entries.keySet())) {
        // As an override keyed by a secret: a key cannot be written as one, and two would collide.
        g.writeString(SENSITIVE);
        return;
      }
      g.writeStartObject();
      for (Map.Entry<String, Value> e : entries.entrySet()) {
        g.writeFieldName(e.getKey());
        value(e.getValue());
      }
      g.writeEndObject();
    }

    private void strings(String field, List<String> values) throws IOException {
      strings(field, values, Set.of());
    }

    /** The strings, each of {@code sensitive} written as {@code "<sensitive>"}. */
    private void strings(String field, List<String> values, Set<String> sensitive)
        throws IOException {
      g.writeArrayFieldStart(field);
      for (String s : values) {
        g.writeString(sensitive.contains(s) || holdsSecret(s) ? SENSITIVE : s);
      }
      g.writeEndArray();
    }

    private void optionalString(String field, Optional<String> value) throws IOException {
      optionalString(field, value, Set.of());
    }

    /** The string, or {@code "<sensitive>"} when it is one of {@code sensitive}. */
    private void optionalString(String field, Optional<String> value, Set<String> sensitive)
        throws IOException {
      if (value.isPresent()) {
        String s = value.get();
        g.writeStringField(field, sensitive.contains(s) || holdsSecret(s) ? SENSITIVE : s);
      } else {
        g.writeNullField(field);
      }
    }

    private void optionalSetting(String field, Optional<Setting> setting) throws IOException {
      g.writeFieldName(field);
      if (setting.isPresent()) {
        value(setting.get().value());
      } else {
        g.writeNull();
      }
    }
  }
}
