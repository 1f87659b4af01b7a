// Traditional mode: ADF runs one notebook per object; the bundle deploys the notebooks and no job.
evaluate(new File(basedir, '../../../src/it/shared/CopyExample.groovy').text + '''
copyExample(examplesDirectory, basedir, "awlt-databricks", ['src/main/bfx/environment.yml': [['    pushdownProcessing: true', '    pushdownProcessing: false']]])''')
return true
