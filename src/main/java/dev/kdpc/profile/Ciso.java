package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

/**
 * The chief information-security officer (CISO) of an ICT-service provider (Network Act Art. 45-3).
 *
 * @param designated a CISO is designated
 * @param officer the CISO is an officer (임원: a director, an executive officer, or one who directs the
 *     business as such under Commercial Act Arts. 401-2(1) item 3 and 408-2), as Art. 45-3(1) requires from
 *     2026-10-01
 * @param notified the designation is reported to the Minister of Science and ICT
 * @param fullTime the CISO works full-time (상근, Enforcement Decree Art. 36-7(6))
 * @param soleDuty the CISO holds no duties beyond those of Art. 45-3(4) (which include the roles item 2
 *     allows, e.g. the PIPA privacy officer), as Art. 45-3(3) requires of the providers of Decree Art. 36-7(5)
 */
public record Ciso(@Doc(value = "a CISO is designated", example = "true") Boolean designated, @Doc(value = "the CISO is an officer (임원: a director, an executive officer, or one who directs the business as such under Commercial Act Arts. 401-2(1) item 3 and 408-2), as Art. 45-3(1) requires from 2026-10-01", example = "true") Boolean officer, @Doc(value = "the designation is reported to the Minister of Science and ICT", example = "true") Boolean notified, @Doc(value = "the CISO works full-time (상근, Enforcement Decree Art. 36-7(6))", example = "true") Boolean fullTime, @Doc(value = "the CISO holds no duties beyond those of Art. 45-3(4) (which include the roles item 2 allows, e.g. the PIPA privacy officer), as Art. 45-3(3) requires of the providers of Decree Art. 36-7(5)", example = "false") Boolean soleDuty) {}
