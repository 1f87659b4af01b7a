// The AdventureWorksLT example with a normal-form Silver layer: the same metadata, silverModel: NormalForm.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['    targetConnection: BFX_DV_DBR\\n', '    targetConnection: BFX_DV_DBR\\n    silverModel: NormalForm\\n']]])''')
return true
