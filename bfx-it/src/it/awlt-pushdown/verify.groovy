// The example as is: pushdown with a job cluster and the ODBC utils driver (the init script on the cluster).
def out = new File(basedir, 'target/bfx')
def job = new File(out, 'databricks/resources/ext_awlt_dbr.job.yml').text
assert job.contains('job_clusters:') && job.contains('destination: "${workspace.file_path}/bfx_init_odbc.sh"')
assert job.count('\n        - task_key: ') == 20 : 'a staging and a persistent staging task per object'
assert job.count('depends_on:') == 10
assert !job.contains('libraries:') && !job.contains('environment_key')
assert new File(out, '.bfx-manifest').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('bfx metadata is valid: 5 file(s), 1 project(s), 10 object(s).')
return true
