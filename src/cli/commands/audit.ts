// `partnerkit audit`: the program audit (src/core/ecosystem/audit.ts) as text or JSON: the same
// findings, tier reach and benefit use as /program/.
import {
  lowerFirst,
  programAudit,
  reachState,
  type ReachState,
} from '../../core/ecosystem/audit.ts';
import { BENEFIT_LABELS } from '../../core/ecosystem/program-standing.ts';
import { horizonWords, resultWords } from '../../core/wording.ts';
import { commandFlags, validDataset } from '../command-io.ts';

export const AUDIT_USAGE = `Usage: partnerkit audit [--json]

Audits the partner program in data/vendor.yaml: for every partner type x tier, whether the type
can reach it, the month its default business case does, and the gates that lock it out or that it
does not meet in time; for every type x benefit, whether it can use it and why; findings in words,
each with the change that fixes it, and a score for the program.

Options:
  --json   one JSON object: horizonMonths, tiers (type, tier, reachable, month, eligibleMonth,
           declined, pays: false when the tier raises nothing the type's case earns on, lockedBy,
           unmetBy; each gate as metric, text, why), benefits (type, benefit, usable, reason), findings
           (kind, types, tier, text, fix, sources) and score

Exit status: 0 done, 1 data/ is invalid, 2 bad arguments.
`;

const REACH_WORDS: Record<Exclude<ReachState, 'reached'>, string> = {
  locked: 'locked out',
  declined: 'not worth it',
  late: 'not in time',
};

export function runAudit(args: string[]): number {
  const values = commandFlags('audit', AUDIT_USAGE, args, {
    json: { type: 'boolean', default: false },
  });
  if (typeof values === 'number') return values;
  const dataset = validDataset();
  if (!dataset) return 1;
  const audit = programAudit(dataset);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
    return 0;
  }
  const words = resultWords({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
  const name = (id: string) => dataset.partnerTypes.find((t) => t.id === id)?.name ?? id;
  const tiers = dataset.vendor.tiers;
  const width = Math.max(...dataset.partnerTypes.map((t) => t.name.length));
  const lines = [
    `Program audit: score ${audit.score.value} out of 100`,
    `  ${audit.score.canReachTop} of ${audit.score.types} partner types can reach ${tiers.at(-1)!.name}; ${audit.score.reachTopInHorizon} reach it within ${horizonWords(audit.horizonMonths)} at their default case.`,
    '',
    'Findings:',
    ...audit.findings.flatMap((f, i) => [
      `  ${i + 1}. ${f.text}`,
      `     Fix: ${f.fix}`,
      ...f.sources.map((x) => `     Source: ${x.title} <${x.url}>`),
    ]),
    '',
    `Tier reached (month, at each type's default case):`,
    `  ${''.padEnd(width)}  ${tiers.map((t) => t.name.padEnd(16)).join('')}`,
    ...dataset.partnerTypes.map(
      (t) =>
        `  ${t.name.padEnd(width)}  ${tiers
          .map((tier) => {
            const c = audit.tiers.find((x) => x.type === t.id && x.tier === tier.id)!;
            const state = reachState(c);
            const v =
              state === 'reached'
                ? words.tierReached(c.month, audit.horizonMonths).value
                : REACH_WORDS[state];
            return v.padEnd(16);
          })
          .join('')}`,
    ),
    '',
    'Benefits a type cannot use:',
    ...dataset.partnerTypes.flatMap((t) => {
      const no = audit.benefits.filter(
        (b) => b.type === t.id && !b.usable && audit.score.offeredBenefits.includes(b.benefit),
      );
      return no.length
        ? [`  ${name(t.id)}: ${no.map((b) => lowerFirst(BENEFIT_LABELS[b.benefit])).join(', ')}`]
        : [];
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
