package dev.vigil.bench;

import dev.vigil.cli.Vigil;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hunt and decode-only of the same input, alternated several times in one JVM: the first round pays for
 * class loading and JIT compilation as {@code e2e.sh} runs do, the later ones show what hunting costs against
 * decoding once the code is compiled (the share of a long hunt that a bigger input converges to).
 * Usage: {@code WarmEndToEnd INPUT RULES THREADS ROUNDS}; prints one line per round and the last round's ratio.
 */
public final class WarmEndToEnd {

    private WarmEndToEnd() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: WarmEndToEnd INPUT RULES THREADS ROUNDS");
            System.exit(2);
        }
        String input = args[0];
        String threads = args[2];
        int rounds = Integer.parseInt(args[3]);
        List<String> hunt = new ArrayList<>(List.of("hunt", "--no-progress", "--no-builtin", "-r", args[1], "-f", "jsonl",
                "--threads", threads, input));
        List<String> decode = List.of("hunt", "--no-progress", "--decode-only", "--threads", threads, input);
        PrintStream devNull = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        double h = 0;
        double d = 0;
        for (int r = 1; r <= rounds; r++) {
            h = seconds(devNull, hunt);
            d = seconds(devNull, decode);
            System.out.printf("round %d: hunt %.2f s, decode-only %.2f s, hunt / decode %.2fx%n", r, h, d, h / d);
        }
        System.out.printf("last round: hunt / decode-only %.2fx%n", h / d);
    }

    private static double seconds(PrintStream out, List<String> args) {
        long start = System.nanoTime();
        int code = Vigil.run(out, out, args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("vigil " + String.join(" ", args) + " exited with " + code);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
