// Shared by the prebuild hooks: copies examples/<name> into the IT's folder, then applies text edits to files
// of the copy, so a case builds the real example with one change (a mode, a compute kind).
import java.nio.file.*

def copyExample(examplesDirectory, basedir, String name, Map edits) {
    def source = new File(examplesDirectory.toString(), name).toPath()
    Files.walk(source).filter { !source.relativize(it).startsWith('target') }.each { p ->
        def target = new File(basedir.toString()).toPath().resolve(source.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(target)
        } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
    edits.each { file, replacements ->
        def f = new File(basedir.toString(), file)
        def text = f.text
        replacements.each { r ->
            assert text.contains(r[0]) : "${file} of the example no longer contains '${r[0]}'"
            text = text.replace(r[0], r[1])
        }
        f.text = text
    }
}
