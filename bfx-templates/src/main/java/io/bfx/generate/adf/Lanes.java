package io.bfx.generate.adf;

import java.util.ArrayList;
import java.util.List;

/**
 * How a batch's work is spread: slices of at most {@code limit} activities (one sub-batch pipeline each, because
 * ADF limits the activities of a pipeline), and inside a slice {@code threads} parallel lanes, each activity
 * waiting for the previous one of its lane.
 */
public final class Lanes {

    private Lanes() {}

    /** Consecutive slices of at most {@code size} items, in order. */
    public static <T> List<List<T>> slices(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("slice size must be at least 1");
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    /**
     * For each position, the index of the item it waits for: the previous item of its lane (item {@code i} runs in
     * lane {@code i % threads}), or -1 for the first item of a lane.
     */
    public static List<Integer> predecessors(int count, int threads) {
        int lanes = Math.max(1, threads);
        List<Integer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(i >= lanes ? i - lanes : -1);
        }
        return out;
    }
}
