// The project's override of databricks/job.yml.mustache is used, with the engine's escaping, and logged.
def job = new File(basedir, 'target/bfx/databricks/resources/nightly.job.yml').text
assert job.contains('cost_center: "NIGHTLY-finance"')
def log = new File(basedir, 'build.log').text
assert log.contains('Template databricks/job.yml.mustache overridden by ')
assert log.contains('src/main/bfx-templates/databricks/job.yml.mustache')
assert new File(basedir, 'target/bfx/databricks/databricks.yml').isFile()
return true
