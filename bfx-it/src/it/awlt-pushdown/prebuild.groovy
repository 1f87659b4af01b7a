// The AdventureWorksLT example exactly as a newcomer builds it (pushdown, job cluster, ODBC).
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '\ncopyExample(examplesDirectory, basedir, "awlt-databricks", [:])')
return true
