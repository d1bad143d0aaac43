package dev.concertina.engine.diff;

/** The stable snake-case kind names that changes and plan steps print in machine output. */
public final class KindNames {

    private KindNames() {}

    /** {@code AddColumn} → {@code add_column}, {@code InstallSync} → {@code install_sync}. */
    public static String of(Class<?> type) {
        String simple = type.getSimpleName();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                s.append('_');
            }
            s.append(Character.toLowerCase(c));
        }
        return s.toString();
    }
}
