package dev.concertina.runtime.expand;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A primary-key value as text for the backfill checkpoint: each part is a type tag, its length and
 * its text ({@code L3:123T5:hello}). Keys of other types are not checkpointed; a resumed run then
 * starts from the beginning, which is still correct since filled rows are skipped.
 */
final class KeyCodec {

    private KeyCodec() {}

    static Optional<String> encode(List<Object> key) {
        StringBuilder out = new StringBuilder();
        for (Object v : key) {
            char tag;
            String text;
            if (v instanceof Integer) {
                tag = 'I';
                text = v.toString();
            } else if (v instanceof Long) {
                tag = 'L';
                text = v.toString();
            } else if (v instanceof Short) {
                tag = 'S';
                text = v.toString();
            } else if (v instanceof BigDecimal) {
                tag = 'N';
                text = ((BigDecimal) v).toPlainString();
            } else if (v instanceof BigInteger) {
                tag = 'B';
                text = v.toString();
            } else if (v instanceof String) {
                tag = 'T';
                text = (String) v;
            } else if (v instanceof UUID) {
                tag = 'U';
                text = v.toString();
            } else if (v instanceof Date) {
                tag = 'D';
                text = ((Date) v).toLocalDate().toString();
            } else if (v instanceof LocalDate) {
                tag = 'D';
                text = v.toString();
            } else if (v instanceof Timestamp) {
                tag = 'P';
                text = ((Timestamp) v).toLocalDateTime().toString();
            } else if (v instanceof LocalDateTime) {
                tag = 'P';
                text = v.toString();
            } else {
                return Optional.empty();
            }
            out.append(tag).append(text.length()).append(':').append(text);
        }
        return Optional.of(out.toString());
    }

    static Optional<List<Object>> decode(String encoded, int parts) {
        List<Object> key = new ArrayList<>();
        int i = 0;
        try {
            while (i < encoded.length()) {
                char tag = encoded.charAt(i);
                int colon = encoded.indexOf(':', i);
                int len = Integer.parseInt(encoded.substring(i + 1, colon));
                String text = encoded.substring(colon + 1, colon + 1 + len);
                i = colon + 1 + len;
                switch (tag) {
                    case 'I':
                        key.add(Integer.valueOf(text));
                        break;
                    case 'L':
                        key.add(Long.valueOf(text));
                        break;
                    case 'S':
                        key.add(Short.valueOf(text));
                        break;
                    case 'N':
                        key.add(new BigDecimal(text));
                        break;
                    case 'B':
                        key.add(new BigInteger(text));
                        break;
                    case 'T':
                        key.add(text);
                        break;
                    case 'U':
                        key.add(UUID.fromString(text));
                        break;
                    case 'D':
                        key.add(Date.valueOf(LocalDate.parse(text)));
                        break;
                    case 'P':
                        key.add(Timestamp.valueOf(LocalDateTime.parse(text)));
                        break;
                    default:
                        return Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return key.size() == parts ? Optional.of(key) : Optional.empty();
    }
}
