// Serverless compute with the JDBC utils driver: no cluster on the tasks, the bfx_jdbc environment, auto optimization off.
def job = new File(basedir, 'target/bfx/databricks/resources/ext_awlt_dbr.job.yml').text
assert !job.contains('job_clusters:') && !job.contains('job_cluster_key') && !job.contains('existing_cluster_id')
assert job.contains('environment_key: "bfx_jdbc"')
['python-tds', 'pyOpenSSL', 'certifi'].each { assert job.contains("- \"${it}\"") }
assert job.count('disable_auto_optimization: true') == job.count('\n        - task_key: ')
assert !job.contains('init_scripts')
def nb = new File(basedir, 'target/bfx/databricks/src/EXT_AWLT_DBR/bfx_awlt_Customer.py').text
assert nb.contains('"JDBC"') && nb.contains('%pip install python-tds pyOpenSSL certifi')
return true
