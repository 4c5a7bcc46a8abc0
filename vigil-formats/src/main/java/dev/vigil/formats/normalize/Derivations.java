package dev.vigil.formats.normalize;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Field;
import dev.vigil.formats.transform.Basename;

/**
 * Fields computed once per event so that rules never compute them: image basenames, the hashes split out
 * of Sysmon's {@code Hashes} ({@code SHA1=..,MD5=..,IMPHASH=..}), {@code User} split at the first
 * backslash, the host name without its domain ({@code Hostname}), and the file names of
 * {@code TargetFilename} and {@code ImageLoaded}. A derived field never replaces a value the source already gave under that name.
 */
final class Derivations {

    static final Field IMAGE = Field.of("Image");
    static final Field PARENT_IMAGE = Field.of("ParentImage");
    static final Field IMAGE_NAME = Field.of("ImageName");
    static final Field PARENT_IMAGE_NAME = Field.of("ParentImageName");
    static final Field HASHES = Field.of("Hashes");
    static final Field USER = Field.of("User");
    static final Field USER_DOMAIN = Field.of("UserDomain");
    static final Field USER_NAME = Field.of("UserName");
    private static final Field MD5 = Field.of("md5");
    private static final Field SHA1 = Field.of("sha1");
    private static final Field SHA256 = Field.of("sha256");
    private static final Field IMPHASH = Field.of("imphash");

    private static final Field COMPUTER = Field.of("Computer");
    private static final Field TARGET_FILENAME = Field.of("TargetFilename");
    private static final Field IMAGE_LOADED = Field.of("ImageLoaded");
    private static final Field HOSTNAME = Field.of("Hostname");
    private static final Field TARGET_FILENAME_NAME = Field.of("TargetFilenameName");
    private static final Field IMAGE_LOADED_NAME = Field.of("ImageLoadedName");

    private Derivations() {}

    /**
     * {@code lookup} gives the canonical-or-raw value of a field before it is written to the event. A
     * derived value is marked as an echo of its source ({@link CanonicalEvent#markEcho}): the source is in
     * the event as that very string (a canonical field, written before), or not yet, and then the lookup
     * gave the raw value that {@code EventNormalizer} copies after (a string, or an array holding it).
     */
    static void apply(java.util.function.Function<String, String> lookup, CanonicalEvent ev) {
        String image = lookup.apply("Image");
        if (image != null) {
            derive(ev, IMAGE_NAME, Basename.of(image), IMAGE, image);
        }
        String parent = lookup.apply("ParentImage");
        if (parent != null) {
            derive(ev, PARENT_IMAGE_NAME, Basename.of(parent), PARENT_IMAGE, parent);
        }
        String computer = lookup.apply("Computer");
        if (computer != null) {
            int dot = computer.indexOf('.');
            derive(ev, HOSTNAME, dot < 0 ? computer : computer.substring(0, dot), COMPUTER, computer);
        }
        String target = lookup.apply("TargetFilename");
        if (target != null) {
            derive(ev, TARGET_FILENAME_NAME, Basename.of(target), TARGET_FILENAME, target);
        }
        String loaded = lookup.apply("ImageLoaded");
        if (loaded != null) {
            derive(ev, IMAGE_LOADED_NAME, Basename.of(loaded), IMAGE_LOADED, loaded);
        }
        String hashes = lookup.apply("Hashes");
        if (hashes != null) {
            splitHashes(hashes, ev);
        }
        String user = lookup.apply("User");
        if (user != null) {
            int cut = user.indexOf('\\');
            if (cut >= 0) {
                derive(ev, USER_DOMAIN, user.substring(0, cut), USER, user);
                derive(ev, USER_NAME, user.substring(cut + 1), USER, user);
            } else {
                derive(ev, USER_NAME, user, USER, user);
            }
        }
    }

    /** Puts {@code value}, cut from {@code whole}, the value of {@code source} the event has or will have. */
    private static void derive(CanonicalEvent ev, Field field, String value, Field source, String whole) {
        ev.put(field, value);
        Object present = ev.get(source);
        if (present == whole || present == null) {
            ev.markEcho(field);
        }
    }

    private static void splitHashes(String hashes, CanonicalEvent ev) {
        int start = 0;
        int n = hashes.length();
        while (start < n) {
            int end = hashes.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            int eq = hashes.indexOf('=', start);
            if (eq > start && eq < end) {
                Field f = hashField(hashes, start, eq);
                if (f != null) {
                    derive(ev, f, hashes.substring(eq + 1, end).trim(), HASHES, hashes);
                }
            }
            start = end + 1;
        }
    }

    private static Field hashField(String s, int from, int to) {
        String alg = s.substring(from, to).trim();
        if (alg.equalsIgnoreCase("MD5")) {
            return MD5;
        }
        if (alg.equalsIgnoreCase("SHA1")) {
            return SHA1;
        }
        if (alg.equalsIgnoreCase("SHA256")) {
            return SHA256;
        }
        if (alg.equalsIgnoreCase("IMPHASH")) {
            return IMPHASH;
        }
        return null;
    }
}
