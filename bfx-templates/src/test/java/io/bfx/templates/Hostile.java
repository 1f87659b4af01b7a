package io.bfx.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Hostile string values shared by the escaping tests. */
final class Hostile {

    private Hostile() {}

    /** Every C0 control character, DEL and every C1 control character. */
    static String allControls() {
        StringBuilder b = new StringBuilder();
        IntStream.range(0, 0x20).forEach(c -> b.append((char) c));
        IntStream.rangeClosed(0x7F, 0x9F).forEach(c -> b.append((char) c));
        return b.toString();
    }

    /** Values without control characters (C0 or DEL): they must pass through every format. */
    static List<String> printable() {
        return List.of(
                "plain",
                "",
                "it's",
                "say \"hi\"",
                "back\\slash\\",
                "\\'",
                "\\\"",
                "'\\''",
                "\"\"\"triple\"\"\"",
                "'''triple'''",
                "`backtick` $(rm -rf /) ${HOME} $HOME !! %PATH% ;|&><*?",
                "typographic \u2018single\u2019 \u201Alow\u201B \u201Cdouble\u201D \u201Elow\u201F",
                "line\u2028separator\u2029paragraph",
                "nel\u0085bom\uFEFFend",
                "nonchar\uFFFE\uFFFF end",
                "tab\there",
                "emoji \uD83D\uDE00 and \u00E9\u00E8 \u4E2D\u6587",
                "</script><!-- -->",
                "{{v}} {{{v}}} #{x} {x} %s %(x)s",
                "trailing backslash \\");
    }

    /** Values with control characters: escaped by JSON, YAML and Python, refused by the shells and text. */
    static List<String> withControls() {
        List<String> out = new ArrayList<>();
        out.add("new\nline");
        out.add("carriage\rreturn");
        out.add("crlf\r\nend");
        out.add("nul\0byte");
        out.add("escape\u001B[31mred");
        out.add("bell\u0007 backspace\b formfeed\f vtab\u000B");
        out.add("del\u007F");
        out.add(allControls());
        return out;
    }

    static List<String> all() {
        List<String> out = new ArrayList<>(printable());
        out.addAll(withControls());
        out.add(String.join("|", printable()) + allControls());
        return out;
    }
}
