// /api/models.json: every model as validated (units converted: sizes in bytes), with its id.
import type { APIRoute } from 'astro';
import { siteData } from '../../node/site-data.ts';
import { jsonResponse } from '../_share/json-response.ts';

export const GET: APIRoute = () => jsonResponse(siteData().catalogue.models.map((m) => ({ id: m.id, ...m.data })));
