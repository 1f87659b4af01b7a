package io.bfx.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real python3 and bash on rendered code, to prove escaping by round trip. The code is handed over on
 * standard input as UTF-8 bytes rather than as a command-line argument, because the JVM encodes arguments in the
 * platform charset, which is ASCII on a machine without a locale and would turn the very characters under test
 * into '?'.
 */
final class Interpreters {

    private Interpreters() {}

    record Result(int exitCode, byte[] stdout, String stderr) {}

    static Result run(byte[] stdin, String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Executes Python source (bytes, decoded by Python as a source file is: UTF-8) and returns, for each variable
     * named, the code points of its value.
     */
    static List<List<Integer>> python(String source, String... variables) {
        String bootstrap = "import sys\n"
                + "ns = {}\n"
                + "exec(compile(sys.stdin.buffer.read(), '<rendered>', 'exec'), ns)\n"
                + "for name in sys.argv[1:]:\n"
                + "    sys.stdout.write(' '.join(str(ord(c)) for c in ns[name]) + '\\n')\n";
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", bootstrap));
        cmd.addAll(List.of(variables));
        Result r = run(source.getBytes(StandardCharsets.UTF_8), cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "python3 failed on:\n" + source + "\n" + r.stderr());
        List<List<Integer>> out = new ArrayList<>();
        for (String line : new String(r.stdout(), StandardCharsets.US_ASCII).split("\n", -1)) {
            if (out.size() == variables.length) {
                break;
            }
            out.add(line.isEmpty() ? List.of()
                    : List.of(line.split(" ")).stream().map(Integer::valueOf).collect(Collectors.toList()));
        }
        return out;
    }

    static List<Integer> codePoints(String s) {
        return s.codePoints().boxed().collect(Collectors.toList());
    }

    /** Runs a shell script (bytes on standard input) with {@code shell -c 'eval "$(cat)"'} and returns stdout. */
    static byte[] shell(String shell, String script) {
        Result r = run(script.getBytes(StandardCharsets.UTF_8), shell, "-c", "eval \"$(cat)\"");
        assertEquals(0, r.exitCode(), () -> shell + " failed on:\n" + script + "\n" + r.stderr());
        return r.stdout();
    }
}
