package io.bfx.templates;

/** A template could not be found, compiled or rendered. Always a template or engine problem, never user data. */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
