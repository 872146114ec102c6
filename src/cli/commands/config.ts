import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { openConfig } from '../shared.ts';

export function registerConfig(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const config = program.command('config').description('Work with the trainyard config file.');
  config
    .command('check')
    .description('Validate the config file; errors name the line, column and key.')
    .option('-c, --config <file>', 'the trainyard config', '.github/trainyard.yml')
    .action(async (options: { config?: string }) => {
      const loaded = await openConfig(io, options.config);
      const names = Object.keys(loaded.config.models);
      io.stdout(`${loaded.file}: valid, ${names.length} model${names.length === 1 ? '' : 's'} (${names.join(', ')})\n`);
      setExit(0);
    });
}
