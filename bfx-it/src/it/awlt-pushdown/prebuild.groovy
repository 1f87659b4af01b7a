// The AdventureWorksLT example exactly as a newcomer builds it (pushdown, job cluster, ODBC).
import java.nio.file.*

def source = new File(examplesDirectory, 'awlt-databricks').toPath()
Files.walk(source).filter { !source.relativize(it).startsWith('target') }.each { p ->
    def target = basedir.toPath().resolve(source.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
