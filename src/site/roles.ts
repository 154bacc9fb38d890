import type { JourneyRole } from '../core/schema/partner-type.ts';

/** How each journey role earns, in a recruiter's words (Jay McBain's influence / transact / retain). */
export const ROLE_TEXT: Record<JourneyRole, { title: string; blurb: string }> = {
  influence: {
    title: 'Influence',
    blurb:
      'They shape what the customer buys and are paid for advice, content and referrals, not for moving product. Lead with what they earn and how you protect their clients and reputation.',
  },
  transact: {
    title: 'Transact',
    blurb:
      'They buy, bill and carry the customer relationship. Margin, rebates and cash flow matter, and so do the services they attach.',
  },
  retain: {
    title: 'Retain',
    blurb:
      'They run the product for the customer month after month. Recurring revenue, renewal rates and cost to serve drive their decision.',
  },
};
