/** Why a version-order fact holds when no read shows it, stored in the aux of the ww edges built from it. */
export const BY_REALTIME = -3;
export const BY_PROCESS = -4;
/** Not known: one order a completion assumed (only in the edges of a completion attempt). */
export const BY_COMPLETION = -5;
