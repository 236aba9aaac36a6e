// /api/fit/<rig>.json: every model's engine result on one rig, each exactly what
// `npm run fit -- <model> --rig <rig> --json` prints (same defaults: 32K context or the
// model's maximum, f16 KV, as of the newest date in the data).
import type { APIRoute, GetStaticPaths } from 'astro';
import { verdictLevers } from '../../../lib/fit/levers.ts';
import { fitJson } from '../../../node/fit-json.ts';
import { siteData } from '../../../node/site-data.ts';
import { jsonResponse } from '../../_share/json-response.ts';

export const getStaticPaths = (() => siteData().catalogue.rigs.map((r) => ({ params: { rig: r.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const site = siteData();
  const rig = site.rig(params.rig!);
  return jsonResponse(site.catalogue.models.map((m) => {
    const result = site.result(m.id, rig.id);
    // The same levers the CLI prints: the engine re-run with one thing changed.
    const levers = verdictLevers(m, rig, site.context, { asOf: result.asOf, contextTokens: result.contextTokens, kvPrecision: result.kvPrecision }, result);
    return fitJson(result, levers);
  }));
};
