/**
 * "What you earn with <vendor>": the offer to a partner that does not resell, as data, from the
 * vendor's tiers and the type's business-case defaults (resolved as the engine resolves them).
 * The playbook opens with it; a deck's earnings slide can show the same figures.
 *
 * Figures are the program's terms, not the case's results: the fee and its cap at the entry
 * tier and at the top one open to the type, what that fee is on the type's example deal, when it
 * is paid, what the partner's own services, training or software add per customer, and what the
 * entry tier gives for free. Texts are finished sentences in the vendor's currency and locale.
 */
import { programOf, tiersOpenTo } from './business-case/program.ts';
import { resolveAssumptions } from './business-case/resolve.ts';
import { referralFee } from './business-case/simulate.ts';
import type { StreamKind } from './business-case/types.ts';
import type { Dataset } from './dataset.ts';
import { resultWords } from './wording.ts';
import type { PartnerType } from './schema/partner-type.ts';

export interface OfferFigure {
  /** What the figure is: `fee`, `example`, `cap`, `paid`, `services`, `managed`, `training`, `ip`. */
  id: string;
  /** The stream it belongs to, for its icon and colour. */
  stream?: StreamKind;
  label: string;
  value: string;
  note: string;
}

export interface EarningsOffer {
  title: string;
  /** Headline figures, most important first (at most four). */
  figures: OfferFigure[];
  /** Further terms, one sentence each. */
  terms: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The offer to one partner type, or undefined for a type whose case earns nothing from the vendor. */
export function earningsOffer(dataset: Dataset, type: PartnerType): EarningsOffer | undefined {
  const { vendor } = dataset;
  const lane = resolveAssumptions(dataset, { mix: [{ type: type.id, weight: 1 }] }).lanes[0];
  if (!lane) return undefined;
  const a = lane.assumptions;
  // the results' one wording and rounding (src/core/wording.ts)
  const words = resultWords({ currency: vendor.currency, locale: vendor.locale });
  const money = words.money;
  const pct = words.percent;
  // Only the tiers open to the type: the offer quotes no term the partner could never have.
  const tiers = tiersOpenTo(programOf(vendor), vendor.tiers, type.id);
  const entry = tiers[0];
  const top = tiers[tiers.length - 1];
  const figures: OfferFigure[] = [];
  const terms: string[] = [];

  let capFigure: OfferFigure | undefined;
  if (lane.streams.includes('referral')) {
    const rate = a.referralFeeRate;
    const cap = a.referralFeeCap;
    const fee = referralFee(rate, a.dealValue, cap);
    const higher = top && top !== entry ? top : undefined;
    const topRate = higher && higher.benefits.referralFee > rate ? higher.benefits.referralFee : 0;
    const topCap =
      higher && cap > 0 && higher.benefits.referralFeeCap > cap
        ? higher.benefits.referralFeeCap
        : 0;
    figures.push(
      {
        id: 'fee',
        stream: 'referral',
        label: 'Referral fee',
        value: pct(rate),
        note: `of a referred customer's first-year value${topRate ? `, rising to ${pct(topRate)} at ${higher!.name}` : ''}.`,
      },
      {
        id: 'example',
        stream: 'referral',
        label: `On a ${money(a.dealValue)} deal`,
        value: money(fee),
        note:
          lane.provenance.dealValue.from === 'product'
            ? `for one referred customer (a typical first year of ${lane.productName}).`
            : 'for one referred customer (the example deal in the business case).',
      },
      {
        id: 'paid',
        label: 'When it is paid',
        value: a.referralLagMonths === 0 ? 'At the sale' : words.months(a.referralLagMonths),
        note:
          a.referralLagMonths === 0
            ? 'the fee is paid when the customer buys.'
            : 'after the sale, as the business case assumes.',
      },
    );
    capFigure = {
      id: 'cap',
      stream: 'referral',
      label: 'Cap per referral',
      value: cap > 0 ? money(cap) : 'No cap',
      note:
        cap > 0
          ? `${topCap ? `rising to ${money(topCap)} at ${higher!.name}` : 'the most one referral pays'}.`
          : 'every referral pays its full fee.',
    };
    terms.push(
      `You never take title, carry credit risk or hold stock: ${vendor.name} sells, bills and supports the customer, and you are paid for the introduction.`,
    );
  }
  if (lane.streams.includes('services'))
    figures.push({
      id: 'services',
      stream: 'services',
      label: 'Your own services',
      value: money(a.servicesAttachRatio * a.dealValue),
      note: `of project work per customer, priced and delivered by you, at a ${pct(a.servicesMargin)} margin.`,
    });
  if (lane.streams.includes('managed'))
    figures.push({
      id: 'managed',
      stream: 'managed',
      // In the type's words where it names the stream (a consultancy's retained advisory).
      label: lane.streamNames.managed ?? 'Your managed service',
      value: `${money(a.managedFeeMonthly)} a month`,
      note: `per customer, billed and delivered by you, at a ${pct(a.managedMargin)} margin.`,
    });
  if (lane.streams.includes('training'))
    figures.push({
      id: 'training',
      stream: 'training',
      label: 'Training per customer',
      value: money(a.trainingRevenuePerCustomer),
      note: `of courses for each new ${vendor.name} customer, at a ${pct(a.trainingMargin)} margin.`,
    });
  if (lane.streams.includes('ip'))
    figures.push({
      id: 'ip',
      stream: 'ip',
      label: 'Your software per customer',
      value: money(a.ipRevenuePerCustomerAnnual),
      note: `a year for your own product sold alongside ${vendor.name}, at a ${pct(a.ipMargin)} margin.`,
    });
  // The cap gets its own tile when there is room; otherwise it is a term.
  if (capFigure) {
    if (figures.length < 4) figures.splice(2, 0, capFigure);
    else terms.unshift(`${capFigure.label}: ${capFigure.value}, ${capFigure.note}`);
  }
  if (figures.length === 0) return undefined;

  if (entry) {
    const b = entry.benefits;
    const gifts = [
      b.nfrLicences > 0 ? `${plural(b.nfrLicences, 'NFR licence')} for a demo tenant` : '',
      b.trainingVouchers > 0 ? `${plural(b.trainingVouchers, 'exam voucher')}` : '',
    ].filter(Boolean);
    terms.push(
      `${entry.name}, the entry tier, costs ${b.programFeeAnnual > 0 ? `${money(b.programFeeAnnual)} a year` : 'nothing to join'}${gifts.length ? ` and includes ${gifts.join(' and ')}` : ''}.`,
    );
    const coSell = tiers.find((t) => t.benefits.coSell);
    if (coSell && !b.coSell)
      terms.push(`From ${coSell.name}, ${vendor.name}'s account teams co-sell with you.`);
  }
  return { title: `What you earn with ${vendor.name}`, figures, terms };
}
