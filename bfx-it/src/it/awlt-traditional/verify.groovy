// Traditional mode: ADF runs one notebook per object; the bundle deploys the notebooks and no job.
def out = new File(basedir, 'target/bfx/databricks')
assert !new File(out, 'resources/ext_awlt_dbr.job.yml').exists()
assert new File(out, 'src/EXT_AWLT_DBR/bfx_awlt_Customer.py').isFile()
return true
