// /api/rigs.json: every rig as validated (memory in bytes, bandwidth in bytes per second), with its id.
import type { APIRoute } from 'astro';
import { siteData } from '../../node/site-data.ts';
import { jsonResponse } from '../_share/json-response.ts';

export const GET: APIRoute = () => jsonResponse(siteData().catalogue.rigs.map((r) => ({ id: r.id, ...r.data })));
