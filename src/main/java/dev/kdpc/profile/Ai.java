package dev.kdpc.profile;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Krw;
import dev.kdpc.profile.Units.Quantity;
import dev.kdpc.profile.Units.Word;

/**
 * The AI in a service (Framework Act on AI).
 *
 * @param generative the service offers generative AI
 * @param outputsLabelled generated outputs are labelled as AI-generated
 * @param usersNotified users are told in advance that the service runs on AI
 * @param deepfakesMarked outputs hard to tell from reality are clearly marked
 * @param realisticOutputs the service produces virtual sound, images or video hard to tell from real
 *     ones (the case the deepfake-marking duty covers)
 * @param highImpactArea the area the AI is used in ({@code none} if none of the listed kinds)
 * @param humanFinalDecision a human takes the final decision (not a criterion of the Act; findings
 *     may mention it)
 * @param trainingComputeFlops cumulative training compute, in floating-point operations
 * @param stateOfTheArt the model is at the state of the art
 * @param broadSeriousRisk the model risks broad and serious impact on life, safety or rights
 * @param highImpactMeasures the high-impact duties (risk management, explanation, oversight, records) are in place
 * @param safetyMeasures risk identification, mitigation and incident response are in place
 * @param impactAssessed the effect on fundamental rights was assessed before the service was offered
 * @param revenueKrwKorea AI-service revenue in Korea
 * @param dailyUsersKr average daily users in Korea
 * @param significantRisk the AI system may significantly affect, or endanger, life, physical safety
 *     or fundamental rights (the first element of the high-impact definition, Art. 2(4))
 */
public record Ai(
    Boolean generative,
    Boolean outputsLabelled,
    Boolean usersNotified,
    Boolean deepfakesMarked,
    @Word(Vocabulary.AI_AREA) String highImpactArea,
    Boolean humanFinalDecision,
    @Quantity Double trainingComputeFlops,
    Boolean stateOfTheArt,
    Boolean broadSeriousRisk,
    Boolean highImpactMeasures,
    Boolean safetyMeasures,
    @Krw Long revenueKrwKorea,
    @Count Long dailyUsersKr,
    Boolean realisticOutputs,
    Boolean impactAssessed,
    Boolean significantRisk) {}
