package dev.grove.loader.modelio;

/** Writes JSON string literals. */
final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * {@code s} as a JSON string literal: quote, backslash and control characters escaped, everything
     * else (non-ASCII included) kept as is, since the header is UTF-8.
     *
     * @throws IllegalArgumentException if {@code s} holds an unpaired surrogate, which UTF-8 cannot encode
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("'" + s + "' holds an unpaired surrogate U+"
                            + String.format("%04X", (int) c) + ", which UTF-8 cannot encode");
                }
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
