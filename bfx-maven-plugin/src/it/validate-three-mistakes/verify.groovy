// All three mistakes are printed the way a compiler prints errors, and no stack trace is shown.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/bfx/environment.yml:31:5 BFX004 Unknown key \'targetConection\'')
assert log.contains('hint: Did you mean \'targetConnection\'?')
assert log.contains('[ERROR] src/main/bfx/environment.yml:32:12 BFX009 Project \'EXT_SRC\' names batch \'NIGHTLY_RUN\'')
assert log.contains('[ERROR] src/main/bfx/objects.yml:7:33 BFX012 Data type \'Strng(50)\'')
assert log.contains('bfx metadata has 3 errors')
assert !log.contains('at io.bfx.') && !log.contains('Caused by') : 'no stack trace of bfx'
assert !log.contains('Exception:') || log.contains('MojoFailureException') : 'no exception text besides the Maven help link'
return true
