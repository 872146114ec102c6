import path from 'node:path';
import type { Command } from 'commander';
import { DataEngine } from '../../data/engine.ts';
import { resolveSource } from '../../data/format.ts';
import { loadDataSchema } from '../../validate/load-schema.ts';
import { renderAnnotations, renderMarkdown, renderText } from '../../validate/render.ts';
import { validateData } from '../../validate/validate-data.ts';
import { checkOutputFolder, writeWhole } from '../../validate/write-output.ts';
import { UsageError } from '../../errors.ts';
import type { CliIo } from '../io.ts';

interface ValidateOptions {
  data: string;
  schema: string;
  json?: boolean;
  report?: string;
  annotations?: boolean;
  role: string;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('Check data against a schema; exit 0 when valid, 1 when a check fails, 2 on bad input.')
    .requiredOption('-d, --data <file|glob>', 'the data: a file, a directory or a glob of shards (CSV, TSV, Parquet, JSON, JSON Lines)')
    .requiredOption('-s, --schema <file>', 'the data schema (YAML)')
    .option('--json', 'print the result as JSON')
    .option('-r, --report <file.md>', 'also write a Markdown report to this file')
    .option('--annotations', 'print GitHub annotations on the schema line of each failed check')
    .option('--role <train|production>', 'production data is not checked for the schema\'s training_only columns', 'train')
    .action(async (options: ValidateOptions) => {
      if (options.role !== 'train' && options.role !== 'production') throw new UsageError(`--role ${options.role}: expected train or production`);
      const report = options.report ? path.resolve(io.cwd, options.report) : undefined;
      if (report) await checkOutputFolder(report, options.report!);
      const schema = await loadDataSchema(path.resolve(io.cwd, options.schema), options.schema);
      const source = await resolveSource(options.data, io.cwd);
      const engine = await DataEngine.open();
      try {
        const result = await validateData({ engine, source, schema, root: io.cwd, role: options.role });
        if (report) await writeWhole(report, renderMarkdown(result));
        io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
        if (options.annotations) io.stdout(renderAnnotations(result));
        setExit(result.valid ? 0 : 1);
      } finally {
        engine.close();
      }
    });
}
