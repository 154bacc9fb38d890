/**
 * Route to market per product: at the product's maturity stage, which partner types lead,
 * assist or wait, the incentives that fit, and what moves it to the next stage. Also the
 * reverse view a recruiter needs in front of one partner: which product to lead with.
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { Partner } from '../schema/coverage.ts';
import type { ExitCriterion, Incentive, Route, StagePlaybook } from '../schema/routes.ts';
import { MATURITY_STAGES, type MaturityStage, type Product } from '../schema/vendor.ts';

export const STAGE_LABELS: Record<MaturityStage, string> = {
  emerging: 'Emerging',
  growth: 'Growth',
  mature: 'Mature',
  sunset: 'Sunset',
};

export const POSITIONS = ['lead', 'assist', 'wait'] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABELS: Record<Position, string> = {
  lead: 'Lead',
  assist: 'Assist',
  wait: 'Wait',
};

/** The stage after this one; null for sunset (the product's last stage). */
export const nextStage = (s: MaturityStage): MaturityStage | null =>
  MATURITY_STAGES[MATURITY_STAGES.indexOf(s) + 1] ?? null;

export interface RouteEntry {
  type: string;
  name: string;
  position: Position;
  /** Why it leads or assists; for a type that waits, until when. */
  reason: string;
}

export interface ProductRoute {
  product: Product;
  stage?: StagePlaybook | undefined;
  route?: Route | undefined;
  entries: RouteEntry[];
  incentives: Incentive[];
  exitCriteria: ExitCriterion[];
  nextStage: MaturityStage | null;
  /** Active partners that sell or deliver the product today (data/partners.yaml). */
  activePartners: Partner[];
}

export function productRoute(d: Dataset, product: Product): ProductRoute {
  const stage = d.routes?.stages.find((s) => s.stage === product.maturity);
  const route = d.routes?.routes.find((r) => r.product === product.id);
  const name = (id: string) => partnerTypeById(d, id)?.name ?? id;
  const entries: RouteEntry[] = route
    ? [
        ...route.lead.map((e) => ({
          type: e.type,
          name: name(e.type),
          position: 'lead' as const,
          reason: e.why,
        })),
        ...route.assist.map((e) => ({
          type: e.type,
          name: name(e.type),
          position: 'assist' as const,
          reason: e.why,
        })),
        ...route.wait.map((e) => ({
          type: e.type,
          name: name(e.type),
          position: 'wait' as const,
          reason: e.until,
        })),
      ]
    : [];
  const incentives = stage
    ? route?.incentives
      ? stage.incentives.filter((i) => route.incentives!.includes(i.id))
      : stage.incentives
    : [];
  return {
    product,
    stage,
    route,
    entries,
    incentives,
    exitCriteria: route?.exitCriteria ?? stage?.exitCriteria ?? [],
    nextStage: nextStage(product.maturity),
    activePartners: (d.partners?.partners ?? []).filter(
      (p) => p.status === 'active' && p.products?.includes(product.id),
    ),
  };
}

export interface TypeRoute {
  product: Product;
  position: Position;
  reason: string;
}

/**
 * The products a type is routed to, leads first, then assists, then waits (each in the
 * vendor's product order), and the product to lead with: the first it leads, else the first
 * it assists; none when it only waits.
 */
export function routesForType(
  d: Dataset,
  typeId: string,
): { routes: TypeRoute[]; leadWith?: TypeRoute | undefined } {
  const routes: TypeRoute[] = [];
  for (const position of POSITIONS)
    for (const product of d.vendor.products) {
      const e = productRoute(d, product).entries.find(
        (x) => x.type === typeId && x.position === position,
      );
      if (e) routes.push({ product, position, reason: e.reason });
    }
  return { routes, leadWith: routes.find((r) => r.position !== 'wait') };
}
