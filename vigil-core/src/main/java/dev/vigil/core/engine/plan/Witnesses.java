package dev.vigil.core.engine.plan;

import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.Glob;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives a query's witness literals from its IR: a set of (field, lower-cased literal) such that the
 * query can only hold on an event where one of those literals occurs in that field's value lower-cased.
 * An AND needs only one child's witnesses (the most selective-looking one), an OR the union of all its
 * children's; a query with no witnesses (a negation, an existence test, a regex without a required literal)
 * is a candidate for every event. A test that a field is absent has a witness of its own
 * ({@link Anchor#ABSENT}). Null means "no witness". A witness on {@link Field#ANY_NAME} (a keyword
 * search) is satisfied by the literal in any field.
 */
public final class Witnesses {

    /** One literal that must occur (case-folded) in one field, where its anchor says. */
    public record Witness(Field field, String literal, Anchor anchor) {
        public Witness(Field field, String literal) {
            this(field, literal, Anchor.ANYWHERE);
        }

        public AnchoredLiteral anchored() {
            return new AnchoredLiteral(literal, anchor);
        }

        /**
         * True when the literal sits in {@code value} (a String, or a String[] of which one element must do),
         * or, for {@link Anchor#ABSENT}, when there is no value (null, as {@code Event.get} gives).
         */
        public boolean holdsIn(Object value) {
            if (anchor == Anchor.ABSENT) {
                return value == null;
            }
            if (value instanceof String s) {
                return anchor.holds(s.toLowerCase(Locale.ROOT), literal);
            }
            if (value instanceof String[] values) {
                for (String s : values) {
                    if (s != null && anchor.holds(s.toLowerCase(Locale.ROOT), literal)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public String toString() {
            if (anchor == Anchor.ABSENT) {
                return anchor.symbol() + field.name();
            }
            return field.name() + anchor.symbol() + "\"" + literal + "\"";
        }
    }

    private Witnesses() {
    }

    /** At most this many clauses per query: each costs marking work, and the first few prune the most. */
    static final int MAX_CLAUSES = 4;

    /**
     * The witnesses of an optimised expression as clauses that must all hold: each clause is a set of
     * literals of which at least one must occur. An AND contributes one clause per child that has
     * witnesses, so {@code Image endswith cmd.exe AND CommandLine contains del} makes the query a
     * candidate only when both literals occur; a glob one per literal piece; an OR the union of its
     * children's best clauses, then of their second best, and so on. The first clause is the best-looking
     * guess; later ones catch what length cannot tell: {@code Image contains \windows\} looks selective
     * and holds for most processes, {@code |} looks weak and seldom occurs in a command line (SigmaHQ's
     * process-creation candidates per corpus event fell from 6.1 to 3.8). Null when every event is a candidate.
     */
    public static List<Set<Witness>> clauses(Expr e) {
        if (e instanceof Expr.And a) {
            List<Set<Witness>> out = new ArrayList<>();
            for (Expr t : a.terms()) {
                List<Set<Witness>> c = clauses(t);
                if (c != null) {
                    out.addAll(c);
                }
            }
            return out.isEmpty() ? null : best(out);
        }
        if (e instanceof Expr.Or o) {
            // Any clause of the child that holds holds, so a union of one clause per child is a clause of
            // the OR: the children's best clauses together, then their second best, and so on.
            List<List<Set<Witness>>> children = new ArrayList<>();
            int most = 0;
            for (Expr t : o.terms()) {
                List<Set<Witness>> c = clauses(t);
                if (c == null) {
                    return null;
                }
                children.add(c);
                most = Math.max(most, c.size());
            }
            List<Set<Witness>> out = new ArrayList<>();
            for (int j = 0; j < Math.min(most, MAX_CLAUSES); j++) {
                Set<Witness> union = new LinkedHashSet<>();
                for (List<Set<Witness>> c : children) {
                    union.addAll(c.get(Math.min(j, c.size() - 1)));
                }
                out.add(union);
            }
            return best(out);
        }
        if (e instanceof Expr.Match m && m.op() == StringOp.GLOB) {
            List<Set<Witness>> pieces = pieces(m);
            if (pieces != null) {
                return best(pieces);
            }
        }
        Set<Witness> one = of(e);
        return one == null ? null : List.of(one);
    }

    /** The distinct clauses, those that look the most selective first, at most {@link #MAX_CLAUSES}. */
    private static List<Set<Witness>> best(List<Set<Witness>> clauses) {
        List<Set<Witness>> distinct = new ArrayList<>(new LinkedHashSet<>(clauses));
        // The order better() gives (longer shortest literal, then fewer literals, ties as given), by keys
        // computed once: rank in the top bits, size, then the index in the low 32 bits. A comparator here
        // made the JIT compile the library sort with it inlined, over a second at rule load.
        int n = distinct.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            Set<Witness> c = distinct.get(i);
            int score = score(c);
            long rank = score == Integer.MAX_VALUE ? 0 : 13 - Math.min(score, 12);
            keys[i] = rank << 59 | (long) Math.min(c.size(), (1 << 27) - 1) << 32 | i;
        }
        java.util.Arrays.sort(keys);
        List<Set<Witness>> out = new ArrayList<>(Math.min(MAX_CLAUSES, n));
        for (int i = 0; i < Math.min(MAX_CLAUSES, n); i++) {
            out.add(distinct.get((int) keys[i]));
        }
        return List.copyOf(out);
    }

    /**
     * Every literal piece of a glob must occur, the first at the start and the last at the end unless a
     * wildcard stands there: one clause per piece ({@code *ipconfig*|*find*} needs {@code |} as well as
     * {@code ipconfig}). Null when the match gives no witness (see {@link #witness}).
     */
    private static List<Set<Witness>> pieces(Expr.Match m) {
        Witness longest = witness(m);
        if (longest == null) {
            return null;
        }
        Field field = Field.of(m.field());
        List<String> pieces = m.caseSensitive() ? folded(Glob.parse(m.needle()).literals())
                : Glob.parse(m.needle().toLowerCase(Locale.ROOT)).literals();
        List<Set<Witness>> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (piece.isEmpty()) {
                continue;
            }
            boolean first = i == 0;
            boolean last = i == pieces.size() - 1;
            Anchor anchor = field.isAny() ? Anchor.ANYWHERE
                    : first && last ? Anchor.WHOLE : first ? Anchor.START : last ? Anchor.END : Anchor.ANYWHERE;
            out.add(Set.of(new Witness(field, piece, anchor)));
        }
        return out.isEmpty() ? null : out;
    }

    /** The witnesses of an optimised expression as one clause, or null when every event is a candidate. */
    public static Set<Witness> of(Expr e) {
        if (e instanceof Expr.And a) {
            Set<Witness> best = null;
            for (Expr t : a.terms()) {
                Set<Witness> w = of(t);
                if (w != null && (best == null || better(w, best))) {
                    best = w;
                }
            }
            return best;
        }
        if (e instanceof Expr.Or o) {
            Set<Witness> all = new LinkedHashSet<>();
            for (Expr t : o.terms()) {
                Set<Witness> w = of(t);
                if (w == null) {
                    return null;
                }
                all.addAll(w);
            }
            return all;
        }
        if (e instanceof Expr.Const c) {
            return c.value() ? null : Set.of();
        }
        if (e instanceof Expr.Not n && n.term() instanceof Expr.Exists x && !Field.of(x.field()).isAny()) {
            // Holds only where the field is absent, which marking tells from the event's slot.
            return Set.of(new Witness(Field.of(x.field()), "", Anchor.ABSENT));
        }
        if (e instanceof Expr.Match m && m.op() == StringOp.REGEX) {
            Set<Witness> out = new LinkedHashSet<>();
            for (String l : RegexLiteral.anyOf(m.needle(), m.caseSensitive())) {
                out.add(new Witness(Field.of(m.field()), l));
            }
            return out.isEmpty() ? null : out;
        }
        if (e instanceof Expr.Match m) {
            Witness w = witness(m);
            return w == null ? null : Set.of(w);
        }
        return null;
    }

    /**
     * The longest literal the match implies, folded, and where it must sit. A case-insensitive test is
     * exactly "the folded needle occurs (at that place) in the folded value"; a case-sensitive one implies
     * that only when folding the needle cannot depend on context (capital sigma) or split a code point
     * (lone surrogates), so those get none. A keyword search (any field) keeps its literal unanchored: its
     * literals are scanned together with every field's unanchored ones.
     */
    private static Witness witness(Expr.Match m) {
        if (m.op() == StringOp.REGEX) {
            return null;
        }
        if (m.caseSensitive() && !contextFree(m.needle())) {
            return null;
        }
        Field field = Field.of(m.field());
        String folded = m.needle().toLowerCase(Locale.ROOT);
        Anchor anchor;
        String literal;
        if (m.op() == StringOp.GLOB) {
            List<String> pieces = m.caseSensitive() ? folded(Glob.parse(m.needle()).literals())
                    : Glob.parse(folded).literals();
            int best = 0;
            for (int i = 1; i < pieces.size(); i++) {
                if (pieces.get(i).length() > pieces.get(best).length()) {
                    best = i;
                }
            }
            literal = pieces.get(best);
            boolean first = best == 0;
            boolean last = best == pieces.size() - 1;
            anchor = first && last ? Anchor.WHOLE : first ? Anchor.START : last ? Anchor.END : Anchor.ANYWHERE;
        } else {
            literal = folded;
            anchor = switch (m.op()) {
                case EQUALS -> Anchor.WHOLE;
                case STARTS_WITH -> Anchor.START;
                case ENDS_WITH -> Anchor.END;
                default -> Anchor.ANYWHERE;
            };
        }
        if (literal.isEmpty()) {
            return null;
        }
        return new Witness(field, literal, field.isAny() ? Anchor.ANYWHERE : anchor);
    }

    private static List<String> folded(List<String> pieces) {
        List<String> out = new ArrayList<>(pieces.size());
        for (String p : pieces) {
            out.add(p.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean contextFree(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u03a3' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A guess at which AND child prunes more: longer shortest literal first (two-letter literals occur
     * everywhere), then fewer literals; fields every event has (EventID) lose ties.
     */
    private static boolean better(Set<Witness> a, Set<Witness> b) {
        int sa = score(a);
        int sb = score(b);
        if (sa != sb) {
            return sa > sb;
        }
        return a.size() < b.size();
    }

    /**
     * How selective an absent field looks, on the scale of literal lengths: as little as the fields every
     * event has. Rules test for fields that many sources never log ({@code OriginalFileName}: 1,258 of the
     * corpus's 1,533 process creations lack it), so absence is the witness of last resort, taken where a
     * branch has no literal at all.
     */
    private static final int ABSENT_SCORE = 1;

    private static int score(Set<Witness> w) {
        if (w.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int min = Integer.MAX_VALUE;
        for (Witness x : w) {
            int len = x.anchor() == Anchor.ABSENT ? ABSENT_SCORE : Math.min(x.literal().length(), 12);
            if (x.field().name().equals("EventID") || x.field().name().equals("Channel")
                    || x.field().name().equals("Provider_Name")) {
                len = 1;
            }
            min = Math.min(min, len);
        }
        return min;
    }
}
