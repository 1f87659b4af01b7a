// SQL scripting: a SQL notebook for every object of the example and no Python notebook
// (the Spark ITs run these notebooks: io.bfx.it.spark.SqlScriptingNotebookLoadIT).
def notebooks = new File(basedir, 'target/bfx/databricks/src/EXT_AWLT_DBR')
def objects = ['Address', 'Customer', 'CustomerAddress', 'Product', 'ProductCategory', 'ProductDescription',
               'ProductModel', 'ProductModelProductDescription', 'SalesOrderDetail', 'SalesOrderHeader']
objects.each { o ->
    def sql = new File(notebooks, "bfx_awlt_${o}.sql")
    assert sql.isFile() : "no SQL-scripting notebook for ${o}"
    assert sql.text.startsWith('-- Databricks notebook source') : "${sql.name} is not a SQL notebook"
    assert sql.text.contains('\nBEGIN\n') : "${sql.name} has no SQL script"
}
def py = notebooks.listFiles().findAll { it.name.endsWith('.py') }
assert py.isEmpty() : "no Python notebook expected, found ${py*.name}"
def log = new File(basedir, 'build.log').text
assert log.contains('bfx metadata is valid: ')
return true
