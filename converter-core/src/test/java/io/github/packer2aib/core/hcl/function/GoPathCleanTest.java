package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link GoPath#clean}'s shortcut for clean paths gives what the full cleaning gives. */
class GoPathCleanTest {
  /** Go's path.Clean by splitting and joining, the way GoPath did it before its shortcut. */
  private static String reference(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(s);
    }
    String joined = String.join("/", parts);
    return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  @Test
  void examples() {
    assertEquals("/", GoPath.clean("/"));
    assertEquals("/a/b", GoPath.clean("/a/b"));
    assertEquals("/a/b", GoPath.clean("/a/b/"));
    assertEquals("a", GoPath.clean("./a"));
    assertEquals("../a", GoPath.clean("../a"));
    assertEquals(".", GoPath.clean(""));
    assertEquals("/b", GoPath.clean("/a/../b"));
    assertEquals("a/.b/..c", GoPath.clean("a/.b/..c"));
    assertEquals("/bench/t1", GoPath.clean("/bench/t1/."));
    assertEquals("/", GoPath.clean("//."));
    assertEquals("a", GoPath.clean("a/."));
    assertEquals("..", GoPath.clean("../."));
  }

  @Test
  void agreesWithTheFullCleaningOnRandomPaths() {
    String alphabet = "/./a.b";
    Random random = new Random(7);
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String p = b.toString();
      assertEquals(reference(p), GoPath.clean(p), p);
    }
  }
}
