package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProbeJsonTest {

    private static final String ANSWER = """
            {
                "streams": [
                    {
                        "index": 0,
                        "codec_name": "h264",
                        "width": 640,
                        "r_frame_rate": "25/1",
                        "nb_frames": "125",
                        "duration": "5.000000",
                        "disposition": { "default": 1, "attached_pic": 0 },
                        "tags": { "language": "und", "handler_name": "VideoHandler" }
                    },
                    "not an object",
                    { "codec_type": "audio", "channels": 2, "bit_rate": "N/A" }
                ],
                "format": { "format_name": "mov,mp4", "duration": "5.013000", "bit_rate": "1196232", "probe_score": 100 }
            }
            """;

    @Test
    void readsNumbersWhetherFfprobePrintsThemAsNumbersOrAsText() throws IOException {
        ProbeJson root = ProbeJson.parse(ANSWER);
        ProbeJson video = root.objects("streams").getFirst();

        assertThat(video.longValue("width", -1)).isEqualTo(640);
        assertThat(video.longValue("nb_frames", -1)).isEqualTo(125);
        assertThat(video.doubleValue("duration", -1)).isEqualTo(5.0);
        assertThat(video.text("r_frame_rate", "0/0")).isEqualTo("25/1");
        assertThat(video.text("width", null)).isEqualTo("640");
        assertThat(video.object("disposition").longValue("attached_pic", -1)).isZero();
        assertThat(root.object("format").longValue("bit_rate", -1)).isEqualTo(1_196_232);
        assertThat(root.object("format").doubleValue("duration", -1)).isEqualTo(5.013);
    }

    @Test
    void unknownValuesAndMissingFieldsGiveTheFallback() throws IOException {
        ProbeJson root = ProbeJson.parse(ANSWER);
        ProbeJson audio = root.objects("streams").get(1);

        assertThat(root.objects("streams"))
                .as("the string in the array is skipped")
                .hasSize(2);
        assertThat(audio.longValue("bit_rate", -1)).isEqualTo(-1);
        assertThat(audio.doubleValue("bit_rate", -1)).isEqualTo(-1);
        assertThat(audio.text("codec_name", null)).isNull();
        assertThat(audio.has("sample_rate")).isFalse();
        assertThat(audio.object("disposition").longValue("attached_pic", 7)).isEqualTo(7);
        assertThat(root.objects("programs")).isEmpty();
        assertThat(audio.text("channels", "?")).isEqualTo("2");
    }

    @Test
    void anAnswerThatIsNotOneWholeJsonObjectIsRefused() {
        assertThatThrownBy(() -> ProbeJson.parse("[1, 2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ProbeJson.parse("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ProbeJson.parse("{\"streams\": [ {\"index\": 0"))
                .isInstanceOf(IOException.class);
    }
}
