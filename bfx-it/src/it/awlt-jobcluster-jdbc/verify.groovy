// A job cluster with the JDBC utils driver: python-tds, pyOpenSSL and certifi as PyPI libraries on every task, no init script.
def job = new File(basedir, 'target/bfx/databricks/resources/ext_awlt_dbr.job.yml').text
assert job.contains('job_clusters:')
assert job.count('\n          job_cluster_key: "bfx_ext_awlt_dbr"') == job.count('\n        - task_key: ')
['python-tds', 'pyOpenSSL', 'certifi'].each { assert job.count("package: \"${it}\"") == job.count('\n        - task_key: ') }
assert !job.contains('init_scripts') && !job.contains('environment_key')
return true
