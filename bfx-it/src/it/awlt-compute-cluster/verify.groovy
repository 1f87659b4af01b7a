// An existing compute cluster: every task runs on existing_cluster_id from the bundle variable cluster_id.
def job = new File(basedir, 'target/bfx/databricks/resources/ext_awlt_dbr.job.yml').text
assert !job.contains('job_clusters:') && !job.contains('environment_key')
assert job.count('existing_cluster_id: "${var.cluster_id}"') == job.count('\n        - task_key: ')
def root = new File(basedir, 'target/bfx/databricks/databricks.yml').text
assert root.contains('cluster_id:') && root.contains('default: "0101-120000-abcdefgh"')
return true
