// Serverless compute with the JDBC utils driver: no cluster on the tasks, the bfx_jdbc environment, auto optimization off.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['  AzureKeyVault: kv-bfx-dev', '  AzureKeyVault: kv-bfx-dev\\n  DatabricksJobCluster: Serverless\\n  DatabricksUtilsDriver: JDBC']]])''')
return true
