package dev.bulletproof.daemon;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for a misspelt key, wherever a name is checked against the names we know. */
public final class Spelling {

    private Spelling() {}

    /**
     * The known name closest to {@code word} (ties broken alphabetically, so the answer is stable), if it is
     * at most {@code maxEdits} insertions, deletions or substitutions away.
     */
    public static Optional<String> closest(String word, Collection<String> known, int maxEdits) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> editDistance(k, word))
                        .thenComparing(k -> k))
                .filter(k -> editDistance(k, word) <= maxEdits);
    }

    /** Levenshtein distance, in two rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
