package io.github.packer2aib.core.doc;

/** RFC 6901 JSON pointers, the path notation of our diagnostics ({@code /properties/customize/0}). */
public final class JsonPointer {
  private JsonPointer() {}

  public static final String ROOT = "";

  public static String append(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  public static String append(String base, int index) {
    return base + "/" + index;
  }

  /** The node at a pointer, or null when there is none. */
  public static DocNode resolve(DocNode root, String pointer) {
    if (pointer.isEmpty()) {
      return root;
    }
    DocNode node = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof DocObject o) {
        node = o.get(token).orElse(null);
      } else if (node instanceof DocArray a) {
        int i;
        try {
          i = Integer.parseInt(token);
        } catch (NumberFormatException e) {
          return null;
        }
        node = i >= 0 && i < a.items().size() ? a.items().get(i) : null;
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
