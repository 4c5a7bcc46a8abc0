package dev.vigil.core.ir;

import dev.vigil.core.diag.SourceSpan;

import java.util.List;

/**
 * The one intermediate representation every dialect compiles to: a boolean expression over the
 * fields of one event. Semantics, fixed for every dialect:
 * <ul>
 *   <li>a predicate on an absent field is false;</li>
 *   <li>{@link Not} is plain negation, so {@code Not(f=v)} is true when {@code f} is absent
 *       (SPL {@code NOT f=v}), and a dialect that means "present and different" (SPL {@code f!=v})
 *       writes {@code And(Exists f, Not(f=v))};</li>
 *   <li>a multi-valued field satisfies a predicate when any of its values does.</li>
 * </ul>
 * Leaves keep the {@link SourceSpan} of the author's text they came from. {@link #toString()} prints a
 * canonical s-expression (see {@link ExprPrinter}).
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Const, Expr.Match, Expr.Exists,
        Expr.Compare, Expr.Cidr, Expr.FieldCompare {

    /** All of the terms. An empty And is true. */
    record And(List<Expr> terms) implements Expr {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** Any of the terms. An empty Or is false. */
    record Or(List<Expr> terms) implements Expr {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    record Not(Expr term) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A constant. {@code why} says where a constant came from when it replaced the author's predicate
     * (for instance a field that does not exist in the dialect's data model), so {@code explain} and
     * {@code compare} can tell the user why a branch can never be true.
     */
    record Const(boolean value, String why, SourceSpan span) implements Expr {
        public static final Const TRUE = new Const(true, "", SourceSpan.NONE);
        public static final Const FALSE = new Const(false, "", SourceSpan.NONE);

        public Const {
            why = why == null ? "" : why;
            span = span == null ? SourceSpan.NONE : span;
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A string test on one field. {@code needle} is already unescaped by the dialect; for
     * {@link StringOp#GLOB} it is in Vigil's glob syntax (see {@link Glob}), for {@link StringOp#REGEX} in
     * RE2 syntax. Case-insensitive tests fold both sides with {@code Locale.ROOT}.
     */
    record Match(String field, StringOp op, String needle, boolean caseSensitive, SourceSpan span) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** True when the field is present (with any value, even empty). */
    record Exists(String field, SourceSpan span) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A numeric comparison; a value that does not parse as a number (decimal, or 0x hex) is false. */
    record Compare(String field, CompareOp op, double value, SourceSpan span) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** True when the field holds an IPv4 or IPv6 address inside the network {@code cidr}. */
    record Cidr(String field, String cidr, SourceSpan span) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** Compares two fields of the same event; false when either is absent. */
    record FieldCompare(String field, StringOp op, String other, boolean caseSensitive, SourceSpan span)
            implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    static Expr and(List<Expr> terms) {
        return terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    static Expr or(List<Expr> terms) {
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    static Expr not(Expr e) {
        return new Not(e);
    }
}
