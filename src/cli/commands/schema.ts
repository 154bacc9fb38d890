import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, jsonSchemaText } from '../../core/json-schema.ts';
import { projectRoot } from '../../node/project-root.ts';

/** Write the JSON Schemas, or with --check report any that are out of step with the zod source. */
export function runSchema(args: string[]): number {
  const dir = join(projectRoot(), 'public', 'schema');
  const check = args.includes('--check');
  let stale = 0;
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries(JSON_SCHEMAS)) {
    const path = join(dir, name);
    const text = jsonSchemaText(schema);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      stale++;
      process.stderr.write(`public/schema/${name} is out of date: run \`npm run schema\`\n`);
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote public/schema/${name}\n`);
    }
  }
  return stale ? 1 : 0;
}
