package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * The chief privacy officer's governance under PIPA Art. 31(3) (from 2026-09-11).
 *
 * @param boardResolution the CPO's designation, change or removal was resolved by the board of directors
 * @param notificationOverdue the period for notifying the designation, change or removal to the PIPC has run
 *     out without a notification (six months from the event, extendable up to a year, Enforcement Decree
 *     Art. 32(4); for a CPO designated before 2026-09-11, by 2027-03-10 under the decree's addenda)
 */
public record Cpo(@Doc(value = "the CPO's designation, change or removal was resolved by the board of directors", example = "true") Boolean boardResolution, @Doc(value = "the period for notifying the designation, change or removal to the PIPC has run out without a notification (six months from the event, extendable up to a year, Enforcement Decree Art. 32(4); for a CPO designated before 2026-09-11, by 2027-03-10 under the decree's addenda)", example = "false") Boolean notificationOverdue) {}
