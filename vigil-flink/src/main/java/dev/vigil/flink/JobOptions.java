package dev.vigil.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line ({@code flink run vigil-flink-job.jar [OPTIONS]}):
 * <pre>
 *   --rules PATH             analytic file or directory (repeat); the built-in pack is loaded too unless --no-builtin
 *   --no-builtin
 *   --input-files PATH       event files or directories, read as the CLI reads them (repeat); bounded
 *   --kafka-bootstrap HOSTS  Kafka brokers, for --input-topic and --output-topic
 *   --input-topic NAME       JSON events, one per record (any shape the JSONL reader knows)
 *   --bounded                stop reading the input topic at the offsets current when the job starts
 *   --group-id NAME          consumer group (default vigil)
 *   --output-topic NAME      detections as JSONL records, written exactly once (needs checkpointing)
 *   --output-dir PATH        detections as JSONL files instead
 *   --out-of-orderness MS    how far behind the newest event an event may arrive (watermark delay; default 5000
 *                            for a topic; files are decided once all are read, as the CLI does, unless this is given)
 *   --allowed-lateness MS    extra wait before a correlation window decides (default 0); later events are counted as late
 *   --checkpoint-interval MS (default 10000; 0 = off)
 *   --parallelism N
 * </pre>
 */
final class JobOptions {

    final List<String> rules = new ArrayList<>();
    boolean builtin = true;
    final List<String> inputFiles = new ArrayList<>();
    String bootstrap;
    String inputTopic;
    boolean bounded;
    String groupId = "vigil";
    String outputTopic;
    String outputDir;
    Duration outOfOrderness = Duration.ofSeconds(5);
    boolean outOfOrdernessGiven;
    long allowedLateness;
    long checkpointInterval = 10_000;
    int parallelism = -1;

    static JobOptions parse(String[] args) {
        JobOptions o = new JobOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rules" -> o.rules.add(value(args, ++i, a));
                case "--no-builtin" -> o.builtin = false;
                case "--input-files" -> o.inputFiles.add(value(args, ++i, a));
                case "--kafka-bootstrap" -> o.bootstrap = value(args, ++i, a);
                case "--input-topic" -> o.inputTopic = value(args, ++i, a);
                case "--bounded" -> o.bounded = true;
                case "--group-id" -> o.groupId = value(args, ++i, a);
                case "--output-topic" -> o.outputTopic = value(args, ++i, a);
                case "--output-dir" -> o.outputDir = value(args, ++i, a);
                case "--out-of-orderness" -> {
                    o.outOfOrderness = Duration.ofMillis(number(args, ++i, a));
                    o.outOfOrdernessGiven = true;
                }
                case "--allowed-lateness" -> o.allowedLateness = number(args, ++i, a);
                case "--checkpoint-interval" -> o.checkpointInterval = number(args, ++i, a);
                case "--parallelism" -> o.parallelism = (int) number(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (see the README's Flink section)");
            }
        }
        if (o.inputFiles.isEmpty() == (o.inputTopic == null)) {
            throw new IllegalArgumentException("give either --input-files or --input-topic");
        }
        if ((o.inputTopic != null || o.outputTopic != null) && o.bootstrap == null) {
            throw new IllegalArgumentException("--input-topic and --output-topic need --kafka-bootstrap");
        }
        if (o.outputTopic == null && o.outputDir == null) {
            throw new IllegalArgumentException("give --output-topic or --output-dir");
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String[] args, int i, String option) {
        try {
            return Long.parseLong(value(args, i, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + args[i] + "'");
        }
    }
}
