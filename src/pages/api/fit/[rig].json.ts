// /api/fit/<rig>.json: every model's engine result on one rig, each exactly what
// `npm run fit -- <model> --rig <rig> --json` prints (same defaults: 32K context or the
// model's maximum, f16 KV, as of the newest date in the data).
import type { APIRoute, GetStaticPaths } from 'astro';
import { fitJson } from '../../../node/fit-json.ts';
import { siteData } from '../../../node/site-data.ts';
import { jsonResponse } from '../../_share/json-response.ts';

export const getStaticPaths = (() => siteData().catalogue.rigs.map((r) => ({ params: { rig: r.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const site = siteData();
  return jsonResponse(site.catalogue.models.map((m) => fitJson(site.result(m.id, params.rig!))));
};
