// The example as is: pushdown with a job cluster and the ODBC utils driver (the init script on the cluster).
def out = new File(basedir, 'target/bfx')
def job = new File(out, 'databricks/resources/ext_awlt_dbr.job.yml').text
assert job.contains('job_clusters:') && job.contains('destination: "${workspace.file_path}/bfx_init_odbc.sh"')
// Bronze: stg and psa per object (20); Silver: 9 hubs, 11 links, 9 satellites, 1 link satellite (30);
// Gold: 3 dimensions and 2 facts (5).
assert job.count('\n        - task_key: ') == 55 : 'tasks of the three layers'
assert job.contains('- task_key: "sat_awlt_Customer"\n          depends_on:\n            - task_key: "hub_awlt_Customer"')
assert job.contains('- task_key: "fact_FactSalesOrder"\n          depends_on:\n            - task_key: "psa_awlt_SalesOrderHeader"\n            - task_key: "dim_DimCustomer"\n            - task_key: "dim_DimAddress"')
assert !job.contains('libraries:') && !job.contains('environment_key')
assert new File(out, '.bfx-manifest').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('bfx metadata is valid: 5 file(s), 1 project(s), 10 object(s).')
return true
