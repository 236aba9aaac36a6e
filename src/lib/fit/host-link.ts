// The host-to-GPU link: how fast weights kept in system RAM can reach the card. With
// weights in RAM, llama.cpp copies them to the GPU for every micro-batch of 32 or more
// tokens (ggml-backend's op offload: the whole tensor, all experts of a MoE layer), so
// prefill can go no faster than those bytes over this link allow.
// Per-lane rates after line encoding, GB/s: PCIe 3.0 0.985 (8 GT/s, 128b/130b), 4.0 1.969,
// 5.0 3.938, 6.0 7.563 (PAM4 with FLIT), 1.0 0.25, 2.0 0.5 (8b/10b) (PCI-SIG
// specifications, as tabulated at en.wikipedia.org/wiki/PCI_Express#Comparison_table).
import type { GpuData } from '../schema/index.ts';
import { GB } from '../units.ts';

const PER_LANE_GB_PER_SECOND: Record<number, number> = { 1: 0.25, 2: 0.5, 3: 0.985, 4: 1.969, 5: 3.938, 6: 7.563, 7: 15.125 };

/** When the data does not say: PCIe 4.0 x16, the link of most cards and boards in use since 2020. */
export const DEFAULT_LINK = { generation: 4, lanes: 16 } as const;

export function hostLinkBytesPerSecond(gpu: Pick<GpuData, 'pcie'>): number {
  const link = gpu.pcie ?? DEFAULT_LINK;
  return PER_LANE_GB_PER_SECOND[link.generation]! * link.lanes * GB;
}
