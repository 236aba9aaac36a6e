// Efficiency factors fitted to the measurements in data/measurements/ by
// `npm run calibrate -- --write` (scripts/calibrate.ts). Never edited by hand.
import fitted from './calibration.json' with { type: 'json' };

export interface Calibration {
  /** Share of a GPU's peak bandwidth decode achieves, by backend. */
  gpuBandwidthEfficiency: Record<string, number>;
  /** Share of system RAM peak bandwidth the CPU side achieves. */
  ramBandwidthEfficiency: number;
  /** Fixed cost per layer per token (kernel launches, synchronisation), seconds, by backend. */
  perLayerSeconds: Record<string, number>;
  /** Share of peak FP16 throughput prompt processing of a dense model achieves, by backend. */
  prefillEfficiency: Record<string, number>;
  /** Further factor for MoE prompt processing: each expert sees only a slice of the batch. */
  moePrefillFactor: number;
  /** Share of the PCIe link's rate at which llama.cpp copies RAM-resident weights to the GPU during prefill. */
  hostLinkEfficiency: number;
  /** How many measurement rows the fit used. */
  rows: number;
  /**
   * Rows each constant rests on, by name ("gpuBandwidthEfficiency.cuda"); a backend with
   * fewer than 4 of its own borrows the pooled fit, and says 0 here.
   */
  support?: Record<string, number>;
}

export const CALIBRATION: Calibration = fitted;
