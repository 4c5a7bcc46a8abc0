package dev.vigil.dialects.spl;

/**
 * One SPL command Vigil implements, registered by name in {@link SplCommands}. It reads its arguments
 * and adds to the pipeline: a condition on events, or a row stage.
 */
interface SplCommand {

    /**
     * @param args the command's argument text (after its name), macro-expanded
     * @param base the offset of {@code args} in the expanded text
     */
    void apply(String name, String args, int base, SplPipeline pipeline);
}
