package dev.vigil.core.engine.plan;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What a literal search must report, found the slow way: the indices of the literals a text contains. */
public final class LiteralOracle {

    private LiteralOracle() {
    }

    /** The literals that occur in {@code text} as given. */
    public static TreeSet<Integer> in(List<String> literals, CharSequence text) {
        String t = text.toString();
        TreeSet<Integer> found = new TreeSet<>();
        for (int i = 0; i < literals.size(); i++) {
            if (t.contains(literals.get(i))) {
                found.add(i);
            }
        }
        return found;
    }

    /** The literals that occur in {@code value.toLowerCase(Locale.ROOT)}, what every search promises to find. */
    public static TreeSet<Integer> inFolded(List<String> literals, String value) {
        return in(literals, value.toLowerCase(Locale.ROOT));
    }

    /** {@code n} characters drawn from {@code alphabet}. */
    public static String random(java.util.Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** What {@code search} reports for {@code value}, each literal once. */
    public static TreeSet<Integer> reported(LiteralSearch search, String value) {
        TreeSet<Integer> got = new TreeSet<>();
        search.scan(value, got::add);
        return got;
    }
}
