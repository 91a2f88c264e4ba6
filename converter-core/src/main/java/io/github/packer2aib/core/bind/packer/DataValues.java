package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.GetAttr;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.Traverser;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.SecretData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Values of data source attributes given with {@code --data data.TYPE.NAME.ATTRIBUTE=VALUE}
 * (mapping.md D.8): Packer's plugins compute a data source when Packer builds, packer2aib cannot,
 * so a template whose result depends on one converts only when the user gives the values it is used
 * with (an HCP Packer image id, an HTTP body). A data source with given values becomes an object of
 * them, each a string; any other attribute the template reads of it stays unknown, as the whole
 * data source was. Values given for {@code azure-keyvaultsecret} hold a secret, so they are
 * sensitive (and refused in the output, as every secret).
 */
final class DataValues {
  private final Map<String, String> given;
  private final List<Diagnostic> out;

  /** What {@link #supply} gave data sources that read secrets. */
  private final List<SecretData> secrets = new ArrayList<>();

  /**
   * @param given values by {@code data.TYPE.NAME.ATTRIBUTE}
   * @param out where problems and notes go
   */
  DataValues(Map<String, String> given, List<Diagnostic> out) {
    this.given = given;
    this.out = out;
  }

  /** Whether {@code given} has a value for an attribute of {@code ref} ({@code data.TYPE.NAME}). */
  static boolean givenFor(Map<String, String> given, String ref) {
    String prefix = ref + ".";
    for (String key : given.keySet()) {
      if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives each declared data source ({@code declared}, by {@code data.TYPE.NAME}) with given values
   * its object in {@code scope}; a value for a data source the template does not declare is
   * reported as unused.
   */
  void supply(List<PackerHclLoader.ParsedFile> files, Map<String, Block> declared, Scope scope) {
    Map<String, Map<String, String>> bySource = new TreeMap<>(Strings.CODE_POINT_ORDER);
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey();
      boolean named = PackerOptions.isDataKey(key);
      String ref = named ? key.substring(0, key.lastIndexOf('.')) : null;
      if (!named || !declared.containsKey(ref)) {
        out.add(
            Diagnostic.of(
                PackerCode.DATA_VALUE_UNUSED,
                null,
                "--data gives "
                    + key
                    + ", but "
                    + (!named
                        ? "that is not of the form data.TYPE.NAME.ATTRIBUTE"
                        : "the template declares no data source " + ref + declaredList(declared))
                    + ", so the value is not used. Check the name."));
        continue;
      }
      bySource
          .computeIfAbsent(ref, r -> new TreeMap<>(Strings.CODE_POINT_ORDER))
          .put(key.substring(ref.length() + 1), e.getValue());
    }
    if (bySource.isEmpty()) {
      return;
    }
    Map<String, Set<String>> read = attributesRead(files);
    for (Map.Entry<String, Map<String, String>> e : bySource.entrySet()) {
      String ref = e.getKey();
      Block block = declared.get(ref);
      String type = block.labels().get(0).value();
      String name = block.labels().get(1).value();
      Map<String, Value> attributes = new TreeMap<>(Strings.CODE_POINT_ORDER);
      Set<String> unknown = new TreeSet<>(read.getOrDefault(ref, Set.of()));
      unknown.removeAll(e.getValue().keySet());
      for (String attribute : unknown) {
        attributes.put(attribute, Value.unknown(Type.DYNAMIC));
      }
      boolean secret = SecretData.readsSecrets(type);
      for (Map.Entry<String, String> a : e.getValue().entrySet()) {
        Value v = Value.string(a.getValue());
        attributes.put(a.getKey(), secret ? v.mark(Mark.SENSITIVE) : v);
      }
      Value object = Value.object(attributes);
      scope.supplyData(type, name, object);
      if (secret) {
        secrets.add(new SecretData(ref, object));
      }
      out.add(
          Diagnostic.of(
              PackerCode.DATA_SOURCE_GIVEN,
              BodyContent.headerRange(block),
              ref
                  + " is not computed here (Packer runs its plugin when it builds); its "
                  + String.join(", ", e.getValue().keySet())
                  + (e.getValue().size() == 1 ? " is" : " are")
                  + " the value given with --data"
                  + (secret ? " (sensitive, as a Key Vault secret)" : "")
                  + (unknown.isEmpty()
                      ? "."
                      : ", and "
                          + String.join(", ", unknown)
                          + (unknown.size() == 1 ? " stays" : " stay")
                          + " unknown.")
                  + " Check that the values are what the plugin would give."));
    }
  }

  /** The values {@link #supply} gave data sources that read secrets, in order of reference. */
  List<SecretData> secrets() {
    return List.copyOf(secrets);
  }

  private static String declaredList(Map<String, Block> declared) {
    return declared.isEmpty()
        ? " (it declares none)"
        : " (it declares " + String.join(", ", new TreeSet<>(declared.keySet())) + ")";
  }

  /** The attributes the template reads of each data source, by {@code data.TYPE.NAME}. */
  private static Map<String, Set<String>> attributesRead(List<PackerHclLoader.ParsedFile> files) {
    Map<String, Set<String>> read = new TreeMap<>();
    for (PackerHclLoader.ParsedFile f : files) {
      collect(f.body().items(), read);
    }
    return read;
  }

  private static void collect(List<BodyItem> items, Map<String, Set<String>> read) {
    for (BodyItem item : items) {
      if (item instanceof Attribute a) {
        for (ScopeTraversal t : Evaluator.references(a.expression())) {
          if (!t.root().equals("data")) {
            continue;
          }
          List<Traverser> steps = t.traversers();
          if (steps.size() >= 3
              && steps.get(0) instanceof GetAttr type
              && steps.get(1) instanceof GetAttr name
              && steps.get(2) instanceof GetAttr attribute) {
            read.computeIfAbsent("data." + type.name() + "." + name.name(), r -> new TreeSet<>())
                .add(attribute.name());
          }
        }
      } else if (item instanceof Block b) {
        collect(b.body().items(), read);
      }
    }
  }
}
