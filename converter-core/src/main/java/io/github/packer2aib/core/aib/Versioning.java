package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** How AIB numbers new gallery image versions (API 2022-07-01 and later), by {@code scheme}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "scheme")
@JsonSubTypes({
  @JsonSubTypes.Type(Versioning.Latest.class),
  @JsonSubTypes.Type(Versioning.Source.class)
})
public sealed interface Versioning {

  String scheme();

  /** Next version after the latest one, within {@code major} (-1: the highest major). */
  @JsonTypeName("Latest")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Latest(IntValue major) implements Versioning {
    @Override
    public String scheme() {
      return "Latest";
    }
  }

  /** The version number of the source image. */
  @JsonTypeName("Source")
  record Source() implements Versioning {
    @Override
    public String scheme() {
      return "Source";
    }
  }
}
