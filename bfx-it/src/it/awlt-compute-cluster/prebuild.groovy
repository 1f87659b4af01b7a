// An existing compute cluster: every task runs on existing_cluster_id from the bundle variable cluster_id.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['  AzureKeyVault: kv-bfx-dev', '  AzureKeyVault: kv-bfx-dev\\n  DatabricksJobCluster: ComputeCluster\\n  DatabricksExistingClusterId: 0101-120000-abcdefgh']]])''')
return true
