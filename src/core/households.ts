/**
 * Households (户): a building and a door. A door is the entrance (单元 — never `unit`: Unit is the
 * tree), the floor and the room (门牌). Later counts (one vote per household, members paired with
 * households) count households by `householdKey`, so two ways of writing the same door ("2单元"
 * and "2", "502室" and "502") are one household.
 */
export interface Door {
  /** 单元, as written on the entrance: "2" or "东"; empty for a building with one entrance. */
  entrance: string;
  /** 楼层; null when not given (a bungalow, or a room number that says it). */
  floor: number | null;
  /** 门牌 / 室: "502". */
  room: string;
}

export interface Household {
  buildingId: string;
  door: Door;
}

const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** A door part as compared: full-width digits and letters made half-width, case, spaces and the words 单元/室/号/层/楼 dropped. */
export function normaliseDoorPart(s: string): string {
  return s
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(单元|室|号|层|楼)$/u, '')
    .replace(/^0+(?=\d)/, '');
}

/** One string per household: the building, the entrance and the room as compared. */
export function householdKey(h: Household): string {
  return `${h.buildingId}|${normaliseDoorPart(h.door.entrance)}|${normaliseDoorPart(h.door.room)}`;
}

/** How a door is written for people: "2单元 5层 502室" (parts left out when empty). */
export function doorLabel(d: Door): string {
  const entrance = normaliseDoorPart(d.entrance);
  const room = normaliseDoorPart(d.room);
  return [entrance ? `${entrance}单元` : '', d.floor !== null ? `${d.floor}层` : '', room ? `${room}室` : ''].filter(Boolean).join(' ');
}
