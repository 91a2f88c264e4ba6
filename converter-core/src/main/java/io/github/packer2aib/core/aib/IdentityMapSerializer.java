package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/** Writes a list of identity resource ids as the ARM map form {@code {"<id>": {}}}. */
final class IdentityMapSerializer extends StdSerializer<List<String>> {
  @SuppressWarnings({"unchecked", "rawtypes"})
  IdentityMapSerializer() {
    super((Class<List<String>>) (Class) List.class);
  }

  @Override
  public void serialize(List<String> ids, JsonGenerator g, SerializerProvider provider)
      throws IOException {
    g.writeStartObject();
    for (String id : ids) {
      g.writeFieldName(id);
      g.writeStartObject();
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
