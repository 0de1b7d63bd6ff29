package dev.kdpc.profile;

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
    Boolean designated,
    String entity,
    Boolean isKoreanSubsidiary,
    Boolean inWriting,
    @Date LocalDate designatedOn,
    Boolean reportedToMsit) {}
