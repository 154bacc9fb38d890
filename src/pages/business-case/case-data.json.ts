// The mix calculator's data: every partner type's slice (src/site/calculator-data.ts).
import type { APIRoute } from 'astro';
import { caseDataResponse } from '../../site/calculator-data.ts';

export const GET: APIRoute = () => caseDataResponse();
