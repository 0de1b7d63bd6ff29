package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Date;
import java.time.LocalDate;

/**
 * The company's domestic agent (representative) in Korea.
 *
 * @param designated whether an agent is designated
 * @param entity the agent's name
 * @param isKoreanSubsidiary whether the agent is a Korean corporation the company set up or controls
 * @param inWriting whether the appointment was made in writing
 * @param designatedOn the date of the appointment
 * @param reportedToMsit whether the appointment was reported to the Ministry of Science and ICT
 */
public record DomesticAgent(
    @Doc(value = "whether a domestic agent is designated", example = "true") Boolean designated,
    @Doc(value = "the agent's name", example = "StreamWorld Korea Ltd.") String entity,
    @Doc(value = "whether the agent is a Korean corporation the company set up or controls", example = "true") Boolean isKoreanSubsidiary,
    @Doc(value = "whether the appointment was made in writing", example = "true") Boolean inWriting,
    @Doc(value = "the date of the appointment, YYYY-MM-DD (quote it, so YAML 1.1 tools read text)", example = "\"2024-02-01\"") @Date LocalDate designatedOn,
    @Doc(value = "whether the appointment was reported to the Ministry of Science and ICT", example = "false") Boolean reportedToMsit) {}
