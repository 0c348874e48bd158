package corelab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile as async-profiler's collapsed text: one line per distinct stack, frames root first
 * separated by {@code ;}, then a space and its sample count. What the report's tables and
 * thumbnails are drawn from.
 */
record CollapsedStacks(Map<List<String>, Long> samplesByStack, long total) {
    /** One frame's share of the samples where it is the leaf (its "self" time). */
    record SelfFrame(String frame, long samples, double share, FrameGroup group) {
    }

    static CollapsedStacks read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static CollapsedStacks parse(List<String> lines) {
        Map<List<String>, Long> stacks = new LinkedHashMap<>();
        long total = 0;
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                continue; // not a collapsed line: skipped, as async-profiler's converter does
            }
            stacks.merge(List.of(line.substring(0, space).split(";")), count, Long::sum);
            total += count;
        }
        return new CollapsedStacks(stacks, total);
    }

    /** The frames with the most self samples, most first; each with the group its samples fall in most. */
    List<SelfFrame> topSelfFrames(int limit) {
        Map<String, Map<FrameGroup, Long>> byLeaf = new LinkedHashMap<>();
        samplesByStack.forEach((stack, count) -> byLeaf
                .computeIfAbsent(stack.get(stack.size() - 1), k -> new EnumMap<>(FrameGroup.class))
                .merge(FrameGroup.of(stack), count, Long::sum));
        return byLeaf.entrySet().stream().map(e -> {
            long samples = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            FrameGroup group = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return new SelfFrame(e.getKey(), samples, total == 0 ? 0 : (double) samples / total, group);
        }).sorted(Comparator.comparingLong(SelfFrame::samples).reversed()).limit(limit).toList();
    }

    /** Each group's share of all samples, every group present (0 where none). */
    Map<FrameGroup, Double> groupShares() {
        Map<FrameGroup, Long> counts = new EnumMap<>(FrameGroup.class);
        Arrays.stream(FrameGroup.values()).forEach(g -> counts.put(g, 0L));
        samplesByStack.forEach((stack, count) -> counts.merge(FrameGroup.of(stack), count, Long::sum));
        Map<FrameGroup, Double> shares = new EnumMap<>(FrameGroup.class);
        counts.forEach((g, c) -> shares.put(g, total == 0 ? 0 : (double) c / total));
        return shares;
    }
}
