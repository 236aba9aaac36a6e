// What llama.cpp says it allocated, read from its own log lines:
// - llama_kv_cache (src/llama-kv-cache.cpp, constructor): "size = %7.2f MiB (%6u cells, %3d layers,
//   %2u/%u seqs), K (%s): %7.2f MiB, V (%s): %7.2f MiB", once per cache (one, or non-SWA then SWA);
// - llama_memory_recurrent (src/llama-memory-recurrent.cpp, constructor): "size = ... (%6u cells,
//   %3d layers, %2u seqs %2u rs_seq), R (%s): %7.2f MiB, S (%s): %7.2f MiB, P ...";
// - ~llama_context (src/llama-context.cpp): "%10s compute buffer size is %8.4f MiB, matches
//   expectation of ..." when the context is freed (sched_reserve prints the same to 2 decimals).

export interface KvCacheLine { mib: number; cells: number; layers: number; kMib: number; vMib: number }
export interface RecurrentLine { mib: number; cells: number; rMib: number; sMib: number }
export interface Allocation { kv: KvCacheLine[]; recurrent: RecurrentLine[]; computeMib: number }

const KV = /llama_kv_cache: size =\s*([\d.]+) MiB \(\s*(\d+) cells,\s*(\d+) layers.*K \(\w+\):\s*([\d.]+) MiB, V \(\w+\):\s*([\d.]+) MiB/;
const RS = /llama_memory_recurrent: size =\s*([\d.]+) MiB \(\s*(\d+) cells.*R \(\w+\):\s*([\d.]+) MiB, S \(\w+\):\s*([\d.]+) MiB/;
const COMPUTE = /CPU compute buffer size is\s*([\d.]+) MiB/;

export function parseAllocation(lines: string[]): Allocation {
  const kv: KvCacheLine[] = [];
  const recurrent: RecurrentLine[] = [];
  let computeMib = Number.NaN;
  for (const line of lines) {
    const k = KV.exec(line);
    if (k) kv.push({ mib: +k[1]!, cells: +k[2]!, layers: +k[3]!, kMib: +k[4]!, vMib: +k[5]! });
    const r = RS.exec(line);
    if (r) recurrent.push({ mib: +r[1]!, cells: +r[2]!, rMib: +r[3]!, sMib: +r[4]! });
    const c = COMPUTE.exec(line);
    if (c) computeMib = +c[1]!;
  }
  return { kv, recurrent, computeMib };
}

/** Bytes llama.cpp reports for KV and recurrent state together, to its 0.01 MiB print precision. */
export const stateMib = (a: Allocation) => a.kv.reduce((s, c) => s + c.kMib + c.vMib, 0) + a.recurrent.reduce((s, r) => s + r.rMib + r.sMib, 0);
