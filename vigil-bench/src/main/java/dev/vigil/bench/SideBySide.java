package dev.vigil.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Two or more builds of the matching engine in one JVM, timed in turns: each benchmark jar is loaded by a
 * class loader of its own, compiles the same rules and decodes the same corpus events as
 * {@link MatchBenchmark} does, then every build matches events for a second at a time, in rotating order,
 * for the given number of rounds. Drift of the machine's speed, which between two JVMs run one after the
 * other reaches ±20 % here, falls on every build alike. What stays is each copy's own compilation: the
 * JIT compiles each build's classes separately, and two copies of the same build differ by up to about 10 %.
 *
 * <p>{@code java -Dvigil.corpus=../shared/corpus -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.SideBySide
 * RULES EVENTS ROUNDS JAR...}: RULES {@code seed} or {@code sigma}, EVENTS {@code process}, {@code sysmon} or {@code all}.
 * Prints, per jar, the median, mean, lowest and highest events per second over the rounds, and for each jar
 * after the first its ratio to the first: the median and quartiles of the ratios of the two within each
 * round, measured one right after the other. The machine's speed drifts over seconds; a ratio within a
 * round is spared most of the drift that the medians of the two jars' own rates still carry.
 * {@code -Dvigil.round.ms=N} sets the length of a round (default 1000).
 *
 * <p>A JAR may carry switches of {@code Optimisations} to turn off, after a {@code #}: {@code new.jar#foldOnce}
 * runs that build folding a value again for each test that reads it, next to {@code new.jar} with every
 * optimisation. The variants of one jar share its class loader, so they run the same compiled code: what
 * differs is the switch alone, where two copies of one build, each compiled on its own, differ by up to
 * about 10 % here. The code is compiled for both at once, though, so a switch's effect there can differ from its
 * effect in a build compiled for one setting alone (see docs/benchmark-history.md, ninth round).
 *
 * <p>EVENTS {@code plans} times the building of class plans instead, what a hunt waits for on the first
 * event of each class: a round compiles the rules afresh, then builds the plan of every class the corpus
 * events have (timed), as often as a second allows; the rates are plan sets (all classes) per second.
 */
public final class SideBySide {

    /** Set from {@code -Dvigil.round.ms} before the first round. */
    private static long roundNanos = 1_000_000_000L;
    private static final int WARM_ROUNDS = 5;

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SideBySide RULES EVENTS ROUNDS JAR...");
            System.exit(2);
        }
        int rounds = positive("ROUNDS", args[2]);
        roundNanos = positive("-Dvigil.round.ms", System.getProperty("vigil.round.ms", "1000")) * 1_000_000L;
        List<Build> builds = new ArrayList<>();
        java.util.Map<Path, URLClassLoader> loaders = new java.util.HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split("#", 2);
            Path jar = Path.of(spec[0]);
            if (!Files.isRegularFile(jar)) {
                System.err.println("SideBySide: " + jar + ": no such file (expected a vigil-bench benchmarks jar)");
                System.exit(2);
            }
            try {
                URLClassLoader loader = loaders.computeIfAbsent(jar.toAbsolutePath().normalize(), SideBySide::loader);
                builds.add(new Build(args[i], loader, spec.length > 1 ? List.of(spec[1].split(",")) : List.of(), args[0], args[1]));
            } catch (NoSuchFieldException e) {
                System.err.println("SideBySide: " + args[i] + ": " + e.getMessage());
                System.exit(2);
            } catch (ReflectiveOperationException e) {
                System.err.println("SideBySide: " + jar + ": not a vigil-bench benchmarks jar (" + e + ")");
                System.exit(2);
            }
        }
        for (int w = 0; w < WARM_ROUNDS; w++) {
            for (Build b : builds) {
                b.round();
            }
        }
        double[][] rates = new double[builds.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < builds.size(); k++) {
                int i = (k + r) % builds.size();
                rates[i][r] = builds.get(i).round();
            }
        }
        for (int i = 0; i < builds.size(); i++) {
            double[] s = rates[i].clone();
            Arrays.sort(s);
            String format = "plans".equals(args[1]) ? "%s: median %.3f mean %.3f min %.3f max %.3f plan sets/s%n"
                    : "%s: median %.0f mean %.0f min %.0f max %.0f events/s%n";
            System.out.printf(format, builds.get(i).jar, s[s.length / 2], Arrays.stream(s).average().orElse(0), s[0],
                    s[s.length - 1]);
        }
        for (int i = 1; i < builds.size(); i++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = rates[i][r] / rates[0][r];
            }
            Arrays.sort(ratios);
            System.out.printf("%s / %s, per round: median %.3f, quartiles %.3f and %.3f%n", builds.get(i).jar, builds.get(0).jar,
                    ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4]);
        }
    }

    /** {@code text} as a whole number above zero; otherwise exits with a message naming {@code what}. */
    static int positive(String what, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println(what + ": expected a whole number above zero, got '" + text + "'");
        System.exit(2);
        return 0;
    }

    private static URLClassLoader loader(Path jar) {
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": " + e.getMessage(), e);
        }
    }

    /** One build: its rule set and events, reached through its jar's class loader. */
    private static final class Build {
        /** As given, with its switches. */
        final String jar;
        private final Object ruleSet;
        private final Object[] events;
        private final Method match;
        /** For plan rounds (null otherwise): how to compile the rules again, and the classes to plan. */
        private final Runnable plans;
        private final Consumer<Object> sink = hit -> { };
        private int next;

        Build(String name, URLClassLoader loader, List<String> off, String rules, String events) throws Exception {
            this.jar = name;
            // Readers and dialects are found through the context loader.
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> inputs = loader.loadClass("dev.vigil.bench.BenchInputs");
            Class<?> catalogClass = loader.loadClass("dev.vigil.dialects.catalog.Catalog");
            Class<?> optimisations = loader.loadClass("dev.vigil.core.engine.Optimisations");
            Object catalog = declared(inputs, "catalog", String.class).invoke(null, rules);
            Object all = without(optimisations, off);
            ruleSet = declared(inputs, "compile", catalogClass, optimisations).invoke(null, catalog, all);
            List<?> list = (List<?>) declared(inputs, "events", String.class, catalogClass)
                    .invoke(null, "plans".equals(events) ? "all" : events, catalog);
            Class<?> event = loader.loadClass("dev.vigil.core.event.Event");
            this.events = list.toArray((Object[]) java.lang.reflect.Array.newInstance(event, 0));
            match = ruleSet.getClass().getMethod("match", this.events.getClass(), int.class, int.class, Consumer.class);
            if ("plans".equals(events)) {
                Method compile = declared(inputs, "compile", catalogClass, optimisations);
                Method describe = ruleSet.getClass().getMethod("describePlan", loader.loadClass("dev.vigil.core.event.EventClass"));
                Method eventClass = event.getMethod("eventClass");
                java.util.Set<Object> classes = new java.util.LinkedHashSet<>();
                for (Object e : list) {
                    classes.add(eventClass.invoke(e));
                }
                plans = () -> {
                    try {
                        Object fresh = compile.invoke(null, catalog, all);
                        long start = System.nanoTime();
                        for (Object c : classes) {
                            describe.invoke(fresh, c);
                        }
                        planNanos += System.nanoTime() - start;
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                };
            } else {
                plans = null;
            }
        }

        private long planNanos;

        /** {@code Optimisations.all()} with the named switches off. */
        private static Object without(Class<?> optimisations, List<String> off) throws ReflectiveOperationException {
            Object all = optimisations.getMethod("all").invoke(null);
            if (off.isEmpty()) {
                return all;
            }
            java.lang.reflect.RecordComponent[] parts = optimisations.getRecordComponents();
            Object[] values = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            List<String> unknown = new ArrayList<>(off);
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = unknown.remove(parts[i].getName()) ? Boolean.FALSE : parts[i].getAccessor().invoke(all);
            }
            if (!unknown.isEmpty()) {
                throw new NoSuchFieldException("no optimisation named " + unknown + " in this build (it has "
                        + Arrays.stream(parts).map(java.lang.reflect.RecordComponent::getName).toList() + ")");
            }
            return optimisations.getDeclaredConstructor(types).newInstance(values);
        }

        private static Method declared(Class<?> c, String name, Class<?>... types) throws NoSuchMethodException {
            Method m = c.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m;
        }

        /** Matches events, {@link MatchBenchmark#BATCH} at a time, for a second; events per second. */
        double round() throws Exception {
            if (plans != null) {
                return planRound();
            }
            long start = System.nanoTime();
            long end = start + roundNanos;
            long matched = 0;
            while (System.nanoTime() < end) {
                int n = Math.min(MatchBenchmark.BATCH, events.length - next);
                match.invoke(ruleSet, events, next, next + n, sink);
                matched += n;
                next = next + n == events.length ? 0 : next + n;
            }
            return matched / ((System.nanoTime() - start) / 1e9);
        }

        /** Builds every class's plan over freshly compiled rules, at least once and for about a second. */
        private double planRound() {
            long end = System.nanoTime() + roundNanos;
            planNanos = 0;
            int sets = 0;
            do {
                plans.run();
                sets++;
            } while (System.nanoTime() < end);
            return sets / (planNanos / 1e9);
        }
    }
}
