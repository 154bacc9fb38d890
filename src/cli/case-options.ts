// The case options `case` and `deck` share (--type, --mix, --vertical, --segment, --product,
// --set), and how they become one engine request: one parser, so both commands agree.
import { parseMix, parseOverrides } from '../core/business-case/request.ts';
import type { CaseRequest } from '../core/business-case/types.ts';

export const CASE_OPTIONS = {
  type: { type: 'string' },
  mix: { type: 'string' },
  vertical: { type: 'string' },
  segment: { type: 'string' },
  product: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const;

export interface CaseOptionValues {
  type?: string | undefined;
  mix?: string | undefined;
  vertical?: string | undefined;
  segment?: string | undefined;
  product?: string | undefined;
  set?: string[] | undefined;
}

/** The request the options describe (a mix wins over --type), with every problem found. */
export function requestFromOptions(
  values: CaseOptionValues,
  extraSettings: readonly string[] = [],
): { request: CaseRequest; problems: string[] } {
  const problems: string[] = [];
  let mix: CaseRequest['mix'] = [];
  if (values.mix) {
    const parsed = parseMix(values.mix);
    mix = parsed.mix;
    problems.push(...parsed.problems.map((p) => p.message));
  } else if (values.type) mix = [{ type: values.type, weight: 1 }];
  const { overrides, problems: setProblems } = parseOverrides([
    ...(values.set ?? []),
    ...extraSettings,
  ]);
  problems.push(...setProblems.map((p) => p.message));
  return {
    request: {
      mix,
      vertical: values.vertical,
      segment: values.segment,
      product: values.product,
      overrides,
    },
    problems,
  };
}
