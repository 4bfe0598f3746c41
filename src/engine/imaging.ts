/**
 * Running costs of imaging equipment (LCC-METHOD §2.7 [I]): consumables and paper per page, duplex
 * halving the paper of the duplexed share, a service contract per year. Energy comes from TEC kWh/week.
 */
export interface ImagingUsage {
  readonly monoPagesPerYear: number;
  readonly colourPagesPerYear: number;
  readonly monoCostPerPage: number;
  readonly colourCostPerPage: number;
  readonly paperCostPerPage: number;
  /** Share of pages printed duplex, 0..1: each duplexed page uses half a sheet. */
  readonly duplexShare: number;
  readonly serviceContractPerYear: number;
}

/** Consumables + paper + service, EUR per year (energy is costed separately from kWh). */
export function imagingAnnualRunningCost(u: ImagingUsage): number {
  const pages = u.monoPagesPerYear + u.colourPagesPerYear;
  const consumables = u.monoPagesPerYear * u.monoCostPerPage + u.colourPagesPerYear * u.colourCostPerPage;
  return consumables + pages * u.paperCostPerPage * (1 - u.duplexShare / 2) + u.serviceContractPerYear;
}
