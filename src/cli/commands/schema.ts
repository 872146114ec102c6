import path from 'node:path';
import type { Command } from 'commander';
import { DataEngine } from '../../data/engine.ts';
import { resolveSource } from '../../data/format.ts';
import { inferSchema } from '../../validate/infer.ts';
import { renderSchemaYaml } from '../../validate/infer-yaml.ts';
import { checkOutputFolder, writeWhole } from '../../validate/write-output.ts';
import type { CliIo } from '../io.ts';

export function registerSchema(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const schema = program.command('schema').description('Work with data schemas.');
  schema
    .command('infer')
    .description('Infer a data schema (types, nullability, ranges, small domains, uniqueness) from data.')
    .requiredOption('-d, --data <file|glob>', 'the data to learn from')
    .option('-o, --out <schema.yml>', 'write the schema to this file instead of printing it')
    .action(async (options: { data: string; out?: string }) => {
      const out = options.out ? path.resolve(io.cwd, options.out) : undefined;
      if (out) await checkOutputFolder(out, options.out!);
      const source = await resolveSource(options.data, io.cwd);
      const engine = await DataEngine.open();
      try {
        const yaml = renderSchemaYaml(await inferSchema(engine, source), source.display);
        if (out) {
          await writeWhole(out, yaml);
          io.stdout(`Schema written to ${options.out}\n`);
        } else io.stdout(yaml);
        setExit(0);
      } finally {
        engine.close();
      }
    });
}
