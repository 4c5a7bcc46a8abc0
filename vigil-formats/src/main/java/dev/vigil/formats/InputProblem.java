package dev.vigil.formats;

/**
 * One input that could not be read as events: a whole file (unsupported, truncated) or one record in it.
 * {@code line} is the 1-based line for line-oriented text, else 0; {@code record} is the 1-based ordinal
 * of the record in the file, or 0 when the problem concerns the file as a whole. {@code kind} is a stable
 * code such as {@code input/malformed-json}.
 */
public record InputProblem(String path, long line, long record, String kind, String message) {

    /** e.g. {@code data/x.jsonl:17: error[input/malformed-json]: Unexpected character ... — expected a JSON object per line}. */
    public String render() {
        StringBuilder sb = new StringBuilder(path);
        if (line > 0) {
            sb.append(':').append(line);
        } else if (record > 0) {
            sb.append(" (record ").append(record).append(')');
        }
        return sb.append(": error[").append(kind).append("]: ").append(message).toString();
    }
}
