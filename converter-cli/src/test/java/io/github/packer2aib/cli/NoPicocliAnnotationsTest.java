package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI's classes carry no picocli annotation: every command's model is built by code, because
 * picocli reads annotations by reflection, which costs a cold run dearly (see {@link
 * Packer2AibCommand}). An annotation added by habit would still work, silently slower; this test
 * says where it is.
 */
class NoPicocliAnnotationsTest {

  @Test
  void noClassOfTheCliHasAPicocliAnnotation() throws IOException, ReflectiveOperationException {
    List<String> annotated = new ArrayList<>();
    List<Class<?>> classes = cliClasses();
    for (Class<?> c : classes) {
      List<AnnotatedElement> elements = new ArrayList<>();
      elements.add(c);
      elements.addAll(List.of(c.getDeclaredFields()));
      elements.addAll(List.of(c.getDeclaredMethods()));
      for (AnnotatedElement e : elements) {
        for (Annotation a : e.getDeclaredAnnotations()) {
          if (a.annotationType().getName().startsWith("picocli.")) {
            annotated.add(e + ": @" + a.annotationType().getSimpleName());
          }
        }
      }
    }

    assertTrue(classes.contains(ConvertCommand.class), "the scan found the CLI's classes");
    assertEquals(List.of(), annotated);
  }

  /** Every class compiled from the CLI's main sources (nested classes too). */
  private static List<Class<?>> cliClasses() throws IOException, ReflectiveOperationException {
    Path dir;
    try {
      dir =
          Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve("io/github/packer2aib/cli");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class")) {
          classes.add(
              Class.forName(
                  "io.github.packer2aib.cli." + name.substring(0, name.length() - 6),
                  false,
                  Main.class.getClassLoader()));
        }
      }
    }
    return classes;
  }
}
