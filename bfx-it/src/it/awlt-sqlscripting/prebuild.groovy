// The AdventureWorksLT example with SQL-scripting notebooks: the same metadata, sqlScripting switched on.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['    sqlScripting: false', '    sqlScripting: true']]])''')
return true
