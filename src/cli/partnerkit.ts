#!/usr/bin/env node
// partnerkit: validate data, print business cases, write decks. Runs on the pinned Node 24.
import { runBuild } from './commands/build.ts';
import { runValidate } from './commands/validate.ts';
import { runSchema } from './commands/schema.ts';
import { runCaseCommand } from './commands/case.ts';
import { runDeck } from './commands/deck.ts';
import { runDecks } from './commands/decks.ts';
import { runCoverage } from './commands/coverage.ts';
import { runAudit } from './commands/audit.ts';

const USAGE = `Usage: partnerkit <command> [options]

Commands:
  validate            check every YAML file in data/ and every content file
  build               validate, build the site beside the live one, publish it to dist/ when complete
  schema [--check]    write (or check) the JSON Schemas in public/schema/
  case --type <id>    print a business case: streams, NPV, IRR, payback, tiers (case --help)
  deck --type <id> --prospect "<name>" --out <file.pptx>
                      write a recruiting deck tailored to one prospect (deck --help)
  decks --out <dir>   write the ready deck of every partner type
  coverage [--json | --csv]
                      the coverage map: every type x vertical x segment cell, gaps to fill
  audit [--json]      the program audit: which types reach which tiers, use which benefits
`;

const commands: Record<string, (args: string[]) => Promise<number> | number> = {
  validate: runValidate,
  build: runBuild,
  schema: runSchema,
  case: runCaseCommand,
  deck: runDeck,
  decks: runDecks,
  coverage: runCoverage,
  audit: runAudit,
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(
    name && name !== '--help' ? `Unknown command "${name}".\n\n${USAGE}` : USAGE,
  );
  process.exit(name && name !== '--help' ? 2 : 0);
}
process.exitCode = await command(args);
