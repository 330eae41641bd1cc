package io.mlconnector.chargebee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.http.RemoteError;
import org.junit.jupiter.api.Test;

/** Chargebee's error JSON, current and legacy fields. */
class CbErrorDecoderTest {
  @Test
  void currentFieldsWithParam() {
    RemoteError e = CbErrorDecoder.INSTANCE.decode(null, "{\"message\":\"id : already exists\",\"type\":\"invalid_request\","
        + "\"api_error_code\":\"duplicate_entry\",\"param\":\"id\",\"error_code\":\"param_not_unique\","
        + "\"error_msg\":\"old text\",\"http_status_code\":400}");
    assertThat(e.code()).isEqualTo("duplicate_entry");
    assertThat(e.message()).isEqualTo("id : already exists (param id)");
  }

  @Test
  void legacyFieldsWhenTheCurrentOnesAreAbsent() {
    RemoteError e = CbErrorDecoder.INSTANCE.decode(null, "{\"error_code\":\"param_not_unique\","
        + "\"error_msg\":\"The value is already present\",\"http_status_code\":400}");
    assertThat(e.code()).isEqualTo("param_not_unique");
    assertThat(e.message()).isEqualTo("The value is already present");
  }

  @Test
  void aBodyThatIsNotJsonGivesNoRemoteError() {
    assertThat(CbErrorDecoder.INSTANCE.decode(null, "<html>bad gateway</html>")).isEqualTo(RemoteError.NONE);
    assertThat(CbErrorDecoder.INSTANCE.decode(null, "")).isEqualTo(RemoteError.NONE);
  }
}
