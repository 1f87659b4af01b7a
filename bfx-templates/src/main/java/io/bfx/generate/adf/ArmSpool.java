package io.bfx.generate.adf;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file holding the ARM form of every resource's properties from the moment the resource is rendered
 * until the ARM template is assembled, so that memory holds only where each one is: the ARM template of 10,000
 * objects is hundreds of megabytes. Deleted when closed. Thread-safe.
 */
final class ArmSpool implements Closeable {

    /** Where one text is: its offset and its length in bytes (UTF-8). */
    record Slot(long offset, int length) {}

    private final Path file;
    private final FileChannel channel;
    private long size;

    ArmSpool() {
        try {
            file = Files.createTempFile("bfx-arm-", ".spool");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the ARM template", e);
        }
    }

    /** Appends {@code text} and tells where it is. */
    Slot append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long at;
        synchronized (this) {
            at = size;
            size += bytes.length;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, at + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the temporary file of the ARM template", e);
        }
        return new Slot(at, bytes.length);
    }

    /** The text at {@code slot}. */
    String read(Slot slot) {
        ByteBuffer buffer = ByteBuffer.allocate(slot.length());
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, slot.offset() + buffer.position()) < 0) {
                    throw new EOFException("The temporary file of the ARM template ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the temporary file of the ARM template", e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary file of the ARM template", e);
        }
    }
}
