package dev.vigil.formats.transform;

/** The file name after the last {@code \} or {@code /}: {@code C:\Windows\cmd.exe} → {@code cmd.exe}. */
public final class Basename implements Transform {
    @Override
    public String apply(String[] sources) {
        return of(sources[0]);
    }

    public static String of(String path) {
        if (path == null) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return cut < 0 ? path : path.substring(cut + 1);
    }
}
