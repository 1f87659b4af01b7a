// A misspelt override (jobs.yml instead of job.yml) would be silently ignored; bfx fails the build instead.
def log = new File(basedir, 'build.log').text
assert log.contains('Template overrides with unknown names')
assert log.contains('databricks/jobs.yml.mustache')
assert !new File(basedir, 'target/bfx/databricks').exists() : 'nothing generated'
assert !log.contains('at io.bfx.') && !log.contains('Caused by') : 'no stack trace of bfx'
return true
