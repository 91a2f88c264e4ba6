package io.github.packer2aib.core.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * ARM property iteration: a {@code "copy"} member whose value is an array of {@code {name, count,
 * input}} loops, inside a resource's {@code properties} or an object within them. ARM builds the
 * array property {@code name} from each loop at deployment and takes the {@code copy} member away,
 * so the service never sees it; {@code az bicep build} writes one for each {@code [for x in xs:
 * {...}]} of a Bicep file. (A resource's own {@code "copy"}, an object, is resource iteration.)
 */
public final class ArmPropertyLoop {
  private ArmPropertyLoop() {}

  /** Whether {@code m}, a member of an object below the resource, is a property loop. */
  public static boolean is(DocMember m) {
    // ARM reads its own keywords ignoring case, as it reads property names.
    return m.value() instanceof DocArray && m.key().equalsIgnoreCase("copy");
  }

  /** The array properties the loops of {@code loop} (a member that {@link #is}) build. */
  public static List<String> names(DocMember loop) {
    List<String> names = new ArrayList<>();
    if (loop.value() instanceof DocArray loops) {
      for (DocNode item : loops.items()) {
        if (item instanceof DocObject o) {
          o.memberAnyCase("name")
              .flatMap(n -> DocScalar.stringValue(n.value()))
              .ifPresent(names::add);
        }
      }
    }
    return names;
  }

  /**
   * Whether a property loop among the members of {@code object} builds the property {@code key}.
   */
  public static boolean builds(DocObject object, String key) {
    for (DocMember m : object.members()) {
      if (is(m) && names(m).stream().anyMatch(key::equalsIgnoreCase)) {
        return true;
      }
    }
    return false;
  }
}
