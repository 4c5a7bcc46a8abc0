package dev.vigil.cli;

import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.RuleCache;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every command that loads analytics shares. */
public final class AnalyticsOptions {

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", arity = "1",
            description = "an analytic file or directory (CAR pages and YAML, ...); repeat for more")
    List<String> rules = new ArrayList<>();

    @Option(names = "--no-builtin", description = "do not load the built-in analytics")
    boolean noBuiltin;

    @Option(names = "--rule-cache", paramLabel = "DIR",
            description = "where rules compiled in earlier runs are kept, so unchanged ones load at once "
                    + "(default: $VIGIL_RULE_CACHE, else $XDG_CACHE_HOME/vigil, else ~/.cache/vigil; "
                    + "VIGIL_RULE_CACHE=off turns it off)")
    Path ruleCache;

    @Option(names = "--no-rule-cache", description = "compile every rule from its text and keep nothing")
    boolean noRuleCache;

    @picocli.CommandLine.Mixin
    DialectOptions dialects;

    public Catalog load() {
        return load(1);
    }

    /** {@code VIGIL_RULE_CACHE}: a directory, or {@code off}; unset or empty, the default directory. */
    private static Path cacheFromEnvironment() {
        String env = System.getenv("VIGIL_RULE_CACHE");
        if (env == null || env.isBlank()) {
            return RuleCache.defaultDirectory();
        }
        return env.equals("off") ? null : Path.of(env);
    }

    /** Loads the analytics, reading and compiling up to {@code threads} documents at once. */
    public Catalog load(int threads) {
        Catalog c = dialects.newCatalog();
        Path cache = noRuleCache ? null : ruleCache != null ? ruleCache : cacheFromEnvironment();
        if (cache != null) {
            RuleCache.buildOf(Catalog.class, Expr.class).ifPresent(build -> c.withRuleCache(cache, build));
        }
        if (!noBuiltin) {
            c.loadBuiltin(AnalyticsOptions.class.getClassLoader());
        }
        return c.loadPaths(rules, threads);
    }
}
