package dev.bulletproof.daemon.media;

/** ffmpeg's "num/den" notation, as used for frame rates. */
final class Rational {

    private Rational() {}

    /** "30000/1001" gives 29.97; "25" gives 25; null, "0/0" or garbage give 0. */
    static double toDouble(String rational) {
        if (rational == null || rational.isBlank()) {
            return 0;
        }
        try {
            int slash = rational.indexOf('/');
            if (slash < 0) {
                return Double.parseDouble(rational.strip());
            }
            double num = Double.parseDouble(rational.substring(0, slash).strip());
            double den = Double.parseDouble(rational.substring(slash + 1).strip());
            return den == 0 ? 0 : num / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
