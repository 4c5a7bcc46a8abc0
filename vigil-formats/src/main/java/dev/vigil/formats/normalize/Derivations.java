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

    private static final Field HOSTNAME = Field.of("Hostname");
    private static final Field TARGET_FILENAME_NAME = Field.of("TargetFilenameName");
    private static final Field IMAGE_LOADED_NAME = Field.of("ImageLoadedName");

    private Derivations() {}

    /** {@code lookup} gives the canonical-or-raw value of a field before it is written to the event. */
    static void apply(java.util.function.Function<String, String> lookup, CanonicalEvent ev) {
        String image = lookup.apply("Image");
        if (image != null) {
            ev.put(IMAGE_NAME, Basename.of(image));
        }
        String parent = lookup.apply("ParentImage");
        if (parent != null) {
            ev.put(PARENT_IMAGE_NAME, Basename.of(parent));
        }
        String computer = lookup.apply("Computer");
        if (computer != null) {
            int dot = computer.indexOf('.');
            ev.put(HOSTNAME, dot < 0 ? computer : computer.substring(0, dot));
        }
        String target = lookup.apply("TargetFilename");
        if (target != null) {
            ev.put(TARGET_FILENAME_NAME, Basename.of(target));
        }
        String loaded = lookup.apply("ImageLoaded");
        if (loaded != null) {
            ev.put(IMAGE_LOADED_NAME, Basename.of(loaded));
        }
        String hashes = lookup.apply("Hashes");
        if (hashes != null) {
            splitHashes(hashes, ev);
        }
        String user = lookup.apply("User");
        if (user != null) {
            int cut = user.indexOf('\\');
            if (cut >= 0) {
                ev.put(USER_DOMAIN, user.substring(0, cut));
                ev.put(USER_NAME, user.substring(cut + 1));
            } else {
                ev.put(USER_NAME, user);
            }
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
                    ev.put(f, hashes.substring(eq + 1, end).trim());
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
