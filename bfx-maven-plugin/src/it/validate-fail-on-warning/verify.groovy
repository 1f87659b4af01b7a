// The project has no objects: BFX024 is a warning, printed in both builds; only the second build fails on it.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/bfx/environment.yml:28:5 BFX024 Project \'EXT_SRC\' loads no objects')
assert log.contains('bfx metadata has 1 warning (failOnWarning is set)')
return true
