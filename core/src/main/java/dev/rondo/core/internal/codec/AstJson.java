package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/** The Jackson factory the AST writer and reader share: room for deep trees and long strings, safe text out. */
final class AstJson {

    /**
     * JSON nesting allowed: 1,000 AST levels of the deepest shape ({@code switch} in {@code switch}, 4 JSON
     * levels each) with room to spare, while bounding how deep the recursive writer and reader can go, so
     * absurd input ends in an error rather than a stack overflow. (The compiler stops near 500 AST levels.)
     */
    static final int MAX_DEPTH = 10_000;

    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .characterEscapes(new SurrogateEscapes())
            .build();

    private AstJson() {}

    /**
     * Jackson writes a lone surrogate as it is, which makes text no UTF-8 encoder (and so no PostgreSQL
     * column) can keep. Escaping every surrogate code unit, paired or not, keeps the output valid Unicode;
     * the reader turns the escapes back into the same code units.
     */
    private static final class SurrogateEscapes extends CharacterEscapes {

        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (!Character.isSurrogate((char) ch)) {
                return null;
            }
            return new SerializedString(String.format("\\u%04X", ch));
        }
    }
}
