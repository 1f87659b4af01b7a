// Normal form: one Silver notebook per object that loads a normal-form table, and no Data Vault notebook
// (the Spark ITs run them: io.bfx.it.spark.NormalFormLoadIT).
def notebooks = new File(basedir, 'target/bfx/databricks/src/EXT_AWLT_DBR')
def objects = ['Address', 'Customer', 'CustomerAddress', 'Product', 'ProductCategory', 'ProductDescription',
               'ProductModel', 'ProductModelProductDescription', 'SalesOrderDetail', 'SalesOrderHeader']
objects.each { o ->
    def nf = new File(notebooks, "bfx_nf_awlt_${o}.py")
    assert nf.isFile() : "no normal-form notebook for ${o}"
    assert nf.text.contains('with bfx_step("nf") as run:') : "${nf.name} has no nf step"
}
def dv = notebooks.listFiles().findAll { it.name.startsWith('bfx_dv_') }
assert dv.isEmpty() : "no Data Vault notebook expected, found ${dv*.name}"
def job = new File(basedir, 'target/bfx/databricks/resources/ext_awlt_dbr.job.yml').text
assert job.contains('- task_key: "nf_awlt_Customer"\n          depends_on:\n            - task_key: "psa_awlt_Customer"')
assert !job.contains('task_key: "hub_') && !job.contains('task_key: "sat_')
def log = new File(basedir, 'build.log').text
assert log.contains('bfx metadata is valid: ')
return true
