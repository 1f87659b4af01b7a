package io.bfx.model;

/**
 * A high-watermark parameter (BimlFlex "Parameter"): the source query reads rows where
 * {@code column operator LastValue} and, for a window, {@code column toOperator NextValue}. The values live in the
 * run catalog and move forward only after a successful load.
 *
 * @param name the catalog variable holding the last loaded value, for example {@code LastLoadDate}
 * @param defaultValue the value used on the first load, for example {@code 1900-01-01}
 * @param toName the variable for the upper bound of the window, for example {@code NextLoadDate}; may be null
 */
public record LoadParameter(
        String name,
        String column,
        String operator,
        String defaultValue,
        String toName,
        String toOperator,
        Origin origin) {}
