package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.hcl.value.BigFloat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fixed-shape parts of a legacy template (names, lists of builder names), reporting a
 * node of the wrong kind as Packer's decoder would refuse it.
 */
final class Shapes {
  private final Reporter reporter;

  Shapes(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Whether the node is {@code null}: Packer's decoder takes a null as the field not being there,
   * so tools that write every field (Python's None) produce templates Packer reads.
   */
  static boolean isNull(DocNode node) {
    return node instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
  }

  /** A string, or (as YAML may write it) an untyped scalar read as a string. */
  Optional<String> string(DocNode node, String pointer, String what) {
    Optional<String> s = DocScalar.stringValue(node);
    if (s.isEmpty()) {
      wrongType(node, pointer, what + " must be a string");
    }
    return s;
  }

  /**
   * {@link #string}, but a number is the text of the float64 Packer reads and a boolean "1" or "0",
   * as Packer's weak decoding reads one where a string goes (a builder named 5 is the build "5",
   * 20.10 the build "20.1").
   */
  Optional<String> weakString(DocNode node, String pointer, String what, boolean yaml) {
    if (node instanceof DocScalar s && s.type() == DocScalar.Type.BOOLEAN && !yaml) {
      // mapstructure's weak decoding writes a JSON boolean as "1" or "0" ("name": true is the
      // build "1", Packer 1.6.6); YAML, which Packer never reads, keeps the text, as for numbers.
      return Optional.of(s.asBoolean().orElse(false) ? "1" : "0");
    }
    if (node instanceof DocScalar s && s.type() == DocScalar.Type.NUMBER && !yaml) {
      // strconv.FormatFloat(f, 'f', -1, 64) of the float64 JSON gave (1e3 is the build "1000").
      Optional<BigFloat> n = PackerNumbers.decode(s);
      if (n.isEmpty()) {
        reporter.add(LegacyCode.INVALID_NUMBER, s.range(), pointer, PackerNumbers.refusal(s));
        return Optional.empty();
      }
      return Optional.of(n.get().toString());
    }
    if (node instanceof DocScalar s
        && (s.type() == DocScalar.Type.NUMBER || s.type() == DocScalar.Type.BOOLEAN)) {
      return Optional.of(s.text());
    }
    return string(node, pointer, what);
  }

  Optional<DocObject> object(DocNode node, String pointer, String what) {
    if (node instanceof DocObject o) {
      return Optional.of(o);
    }
    wrongType(node, pointer, what + " must be an object");
    return Optional.empty();
  }

  Optional<DocArray> array(DocNode node, String pointer, String what) {
    if (node instanceof DocArray a) {
      return Optional.of(a);
    }
    wrongType(node, pointer, what + " must be an array");
    return Optional.empty();
  }

  /** {@link #string} for a field's value, where a null is the field not set ({@link #isNull}). */
  Optional<String> fieldString(DocNode node, String pointer, String what) {
    return isNull(node) ? Optional.empty() : string(node, pointer, what);
  }

  /** {@link #object} for a field's value, where a null is the field not set. */
  Optional<DocObject> fieldObject(DocNode node, String pointer, String what) {
    return isNull(node) ? Optional.empty() : object(node, pointer, what);
  }

  /** {@link #array} for a field's value, where a null is the field not set. */
  Optional<DocArray> fieldArray(DocNode node, String pointer, String what) {
    return isNull(node) ? Optional.empty() : array(node, pointer, what);
  }

  /**
   * A list of strings; a single string counts as a list of one where Packer's weak decoding allows
   * it ({@code only}/{@code except} of provisioners).
   */
  List<Named> strings(DocNode node, String pointer, String what, boolean singleAllowed) {
    List<Named> out = new ArrayList<>();
    if (isNull(node)) {
      return out; // a field set to null is not set
    }
    if (singleAllowed && node instanceof DocScalar s && s.asString().isPresent()) {
      out.add(new Named(s.asString().get(), s, pointer));
      return out;
    }
    Optional<DocArray> a = array(node, pointer, what);
    if (a.isEmpty()) {
      return out;
    }
    for (int i = 0; i < a.get().items().size(); i++) {
      DocNode item = a.get().items().get(i);
      String p = JsonPointer.append(pointer, i);
      string(item, p, "Each entry of " + what).ifPresent(v -> out.add(new Named(v, item, p)));
    }
    return out;
  }

  /** A string read from a node, with where it stands. */
  record Named(String value, DocNode node, String pointer) {}

  void wrongType(DocNode node, String pointer, String expectation) {
    reporter.add(
        LegacyCode.WRONG_TYPE,
        node.range(),
        pointer,
        expectation + ", but it is " + node.kindName() + ".");
  }
}
