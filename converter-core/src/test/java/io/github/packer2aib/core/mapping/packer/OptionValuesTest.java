package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.mapping.packer.OptionValues.BaseUriProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionValuesTest {
  private static final String BASE = "https://st.blob.core.windows.net/build/";

  @Test
  void aSignatureIsFoundWithItsNamePercentEncoded() {
    // Only sig= itself was refused: %73ig= or sig%253D went into every script URI (leak review).
    for (String query :
        new String[] {
          "?sv=1&sig=S", "?sv=1&%73ig=S", "?sv=1&si%67=S", "?sig%253DS", "?sv=1&amp%3Bsig=S"
        }) {
      assertEquals(
          Optional.of(BaseUriProblem.SAS_SIGNATURE),
          OptionValues.baseUriProblem(BASE + query),
          query);
    }
  }

  @Test
  void otherQueriesAndStrayPercentSignsAreNoSignature() {
    for (String query : new String[] {"?design=1&signal=2", "?a=50%&b=%zz", "?x=%2573ignore"}) {
      assertEquals(Optional.empty(), OptionValues.baseUriProblem(BASE + query), query);
    }
  }
}
