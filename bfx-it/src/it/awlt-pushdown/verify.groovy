def out = new File(basedir, 'target/bfx')
assert new File(out, 'databricks/databricks.yml').isFile()
assert new File(out, 'databricks/resources/ext_awlt_dbr.job.yml').isFile()
assert new File(out, '.bfx-manifest').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('bfx metadata is valid: 4 file(s), 1 project(s), 10 object(s).')
return true
