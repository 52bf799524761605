package dev.grove.loader.modelio;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-8 that must be valid: a damaged byte is an error, never a silent replacement character. */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * The text in {@code bytes}.
     *
     * @param what names the bytes in the message, e.g. {@code model.yaml}
     * @throws FormatProblem if the bytes are not valid UTF-8
     */
    static String decode(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FormatProblem(what + " is not valid UTF-8 text", e);
        }
    }
}
