// A job cluster with the JDBC utils driver: python-tds, pyOpenSSL and certifi as PyPI libraries on every task, no init script.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['  AzureKeyVault: kv-bfx-dev', '  AzureKeyVault: kv-bfx-dev\\n  DatabricksUtilsDriver: JDBC']]])''')
return true
