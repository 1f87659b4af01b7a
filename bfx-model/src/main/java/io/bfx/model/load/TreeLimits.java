package io.bfx.model.load;

/**
 * Safety limits for reading metadata. They exist because metadata may come from anywhere (a pull request, a
 * generated file) and a reader must not be made to exhaust memory: the "billion laughs" YAML alias bomb expands a
 * few hundred bytes into billions of nodes.
 */
public record TreeLimits(int maxAliasesForCollections, int maxNestingDepth, int maxNodes, int maxCodePoints) {

    public static final TreeLimits DEFAULT = new TreeLimits(100, 64, 5_000_000, 64 * 1024 * 1024);
}
