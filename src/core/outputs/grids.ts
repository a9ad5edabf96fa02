/** What the units function answers about grids (网格): their households, and who leads and serves them. */
import type { GridSize } from '../grids';
import type { UnitRef } from '../views';

export interface GridPersonRef {
  id: string;
  name: string;
}

/** One grid: its households counted (a building and a door, once however many live there), its lead and steward. */
export interface GridRow {
  grid: UnitRef;
  /** "幸福里小区 一网格" */
  trail: string;
  buildings: number;
  households: number;
  /** Residents bound without a door (imported before doors were asked): not counted as households. */
  residentsWithoutDoor: number;
  size: GridSize;
  /** What the management page shows beside a grid outside 50–80 households; null within. */
  warning: string | null;
  leads: GridPersonRef[];
  stewards: GridPersonRef[];
}

export interface GridHouseholds {
  unit: UnitRef;
  trail: string;
  /** The size a grid is meant to have. */
  range: { min: number; max: number };
  /** Live grids under the unit (the unit itself if it is one), by compound then name. */
  grids: GridRow[];
  /** Households in buildings that sit directly under a compound, in no grid. */
  outsideGrids: { buildings: number; households: number };
}

/** One door of a grid lead's grid, with who lives there (names only: phones stay with the community staff). */
export interface MyGridDoor {
  door: string;
  residents: string[];
}

export interface MyGridBuilding {
  building: UnitRef;
  doors: MyGridDoor[];
  /** Residents bound without a door on record. */
  withoutDoor: string[];
}

/** The grid lead's (家长) or steward's (管家) page: their grid's households, members and volunteers. */
export interface MyGrid {
  grid: UnitRef;
  trail: string;
  buildings: MyGridBuilding[];
  /** Approved party members bound on the grid or its buildings: name and 在职/退休/流动/直管 only. */
  members: { id: string; name: string; memberType: string | null }[];
  volunteers: GridPersonRef[];
  counts: { buildings: number; households: number; residents: number; members: number; volunteers: number };
}
