package io.bfx.generate;

/** Generation cannot go on: an unsafe path, an unknown template override, a template error. */
public class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
