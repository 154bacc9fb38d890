// One partner type's calculator data: that type's slice (src/site/calculator-data.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { caseDataResponse } from '../../../../site/calculator-data.ts';
import { getDataset } from '../../../../site/dataset.ts';

export const getStaticPaths: GetStaticPaths = () =>
  getDataset().partnerTypes.map((t) => ({ params: { id: t.id } }));

export const GET: APIRoute = ({ params }) => caseDataResponse(params.id);
