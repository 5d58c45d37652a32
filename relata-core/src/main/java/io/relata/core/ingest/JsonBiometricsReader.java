package io.relata.core.ingest;

import static io.relata.core.ingest.JsonValueReader.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.relata.core.model.Biometrics;
import io.relata.core.model.Fingerprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code "biometrics": {"fingerprints": [{"finger", "image"}], "photos": [path]}}. */
final class JsonBiometricsReader {
    private JsonBiometricsReader() {}

    static Biometrics read(JsonParser p) throws IOException, RecordRejectedException {
        if (!startObject(p, null, 0, "biometrics")) return Biometrics.NONE;
        List<Fingerprint> fingerprints = new ArrayList<>(0);
        List<String> photos = new ArrayList<>(0);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            switch (k) {
                case "fingerprints": fingerprints(p, fingerprints); break;
                case "photos": strings(p, "biometrics.photos", photos); break;
                default: throw unknownKey("biometrics", -1, k, "fingerprints, photos");
            }
        }
        return new Biometrics(fingerprints, photos);
    }

    private static void fingerprints(JsonParser p, List<Fingerprint> out) throws IOException, RecordRejectedException {
        String array = "biometrics.fingerprints";
        if (!startArrayOfObjects(p, array)) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, array, i, null)) continue;
            String finger = null, image = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "finger": finger = text(p, array, i, k); break;
                    case "image": image = text(p, array, i, k); break;
                    default: throw unknownKey(array, i, k, "finger, image");
                }
            }
            out.add(new Fingerprint(finger, image));
        }
    }
}
