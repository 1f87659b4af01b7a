package io.bfx.model;

import java.util.Objects;

/**
 * Where something was written: a metadata file (as the user would type its path) and a 1-based line and column.
 * Line and column are 0 when only the file is known (for example an unreadable file).
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The compiler-style form {@code file:line:col}, or only the file when no position is known. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
