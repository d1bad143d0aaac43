package dev.concertina.codegen;

import dev.concertina.runtime.Branch;
import java.util.Locale;

/**
 * Class names of generated revisions: the branch letter, the revision's number in its branch
 * (four digits), and the message in UpperCamelCase: {@code E0002AddDisplayName},
 * {@code C0003DropPersonFullname}. Only ASCII letters and digits survive, so any message gives a
 * valid, portable Java identifier; an empty result becomes {@code Revision}.
 */
public final class ClassNames {

    /** Characters of the message part kept at most. */
    public static final int MAX_WORDS_LENGTH = 60;

    private ClassNames() {}

    public static String of(Branch branch, int number, String message) {
        StringBuilder words = new StringBuilder();
        boolean upper = true;
        for (char c : message.toCharArray()) {
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ascii) {
                upper = true;
                continue;
            }
            words.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        String w = words.length() == 0 ? "Revision" : words.toString();
        if (w.length() > MAX_WORDS_LENGTH) {
            w = w.substring(0, MAX_WORDS_LENGTH);
        }
        String letter = branch == Branch.EXPAND ? "E" : "C";
        return letter + String.format(Locale.ROOT, "%04d", number) + w;
    }
}
