// One partner type's calculator data: that type's slice (src/site/calculator-data.ts). Served
// from here by the dev server; a build's deck workers write the same JSON (src/node/deck-worker.ts),
// so a build generates no page from this route.
import type { APIRoute, GetStaticPaths } from 'astro';
import { decksFromBuild } from 'virtual:partnerkit/dataset';
import { caseDataResponse } from '../../../../site/calculator-data.ts';
import { getDataset } from '../../../../site/dataset.ts';

export const getStaticPaths: GetStaticPaths = () =>
  decksFromBuild ? [] : getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = ({ params }) => caseDataResponse(params.id);
