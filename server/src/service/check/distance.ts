import type { Relation } from '../kb/types';

/** Affinities are compared in log space: published values for one pair legitimately differ several-fold. */

/** Within this factor of the reference range a value is consistent (0.5 log units ≈ 3×). */
export const CONSISTENT_FACTOR = 3;
/** Beyond this factor a value is a likely misquote; between the two it is within the spread of assays. */
export const MISQUOTE_FACTOR = 10;
/**
 * With a single source behind the references, a range cannot show the spread between laboratories, so a value
 * that no slip explains is called a mismatch only beyond this factor (1.5 log units).
 */
export const SINGLE_SOURCE_MISQUOTE_FACTOR = 30;

/**
 * How many times a value (or a value range) lies outside [lowNm, highNm]; 1 when it overlaps the range. A bound
 * (`> 10 µM`, `< 1 nM`) is met by any reference value beyond it.
 */
export function foldOutside(valueNm: number, valueHighNm: number | undefined, lowNm: number, highNm: number, relation: Relation = '='): number {
  const high = valueHighNm ?? valueNm;
  const lowerBound = relation === '>' || relation === '>=';
  const upperBound = relation === '<' || relation === '<=';
  if (high < lowNm) return lowerBound ? 1 : lowNm / high;
  if (valueNm > highNm) return upperBound ? 1 : valueNm / highNm;
  return 1;
}

export function isConsistent(fold: number): boolean {
  return fold <= CONSISTENT_FACTOR * (1 + 1e-9);
}

/**
 * A slip (unit, decimal point, another measure, another target) explains a misquote only when the corrected value
 * matches closely: the ×10, ×100 and ×1000 windows at the consistency tolerance would together cover most of log space.
 */
export const EXPLANATION_FACTOR = 1.5;

/**
 * A unit slip puts a value about 1000× off. Against a single published value it still counts when the value is this far
 * off; one only 10× beyond a wide single-source range that lands inside it once divided by 1000 (79.5 µM against
 * 40 nM–7.9 µM) may be a difference between assays.
 */
export const UNIT_SLIP_MIN_FOLD = 100;

export function explains(fold: number): boolean {
  return fold <= EXPLANATION_FACTOR * (1 + 1e-9);
}

/**
 * Where a legitimate difference between assays could also explain a value, a slip is claimed only when the corrected
 * value is the reference's very number (rounding aside): a value quoted as Ki with only an IC50 on record (a Ki is
 * often within 2–3× of an IC50), or another target's value of the same family.
 */
export const SAME_NUMBER_FACTOR = 1.1;

export function isSameNumber(fold: number): boolean {
  return fold <= SAME_NUMBER_FACTOR * (1 + 1e-9);
}

/**
 * A ×10 decimal slip keeps the digits: 0.44 for 4.4, 3.45 for 34.5. Two published values 9× apart with close digits
 * (82 and 8.9 nM, venlafaxine at SERT) are not a slip; the corrected value must be the reference's within rounding.
 */
export const SAME_DIGITS_FACTOR = 1.05;

export function isSameDigits(fold: number): boolean {
  return fold <= SAME_DIGITS_FACTOR * (1 + 1e-9);
}
