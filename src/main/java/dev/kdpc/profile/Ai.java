package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

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
    @Doc(value = "the service offers generative AI", example = "true") Boolean generative,
    @Doc(value = "generated outputs are labelled as AI-generated", example = "false") Boolean outputsLabelled,
    @Doc(value = "users are told in advance that the service runs on AI", example = "true") Boolean usersNotified,
    @Doc(value = "outputs hard to tell from reality are clearly marked", example = "true") Boolean deepfakesMarked,
    @Doc(value = "the area the AI is used in, for the high-impact AI duties (none if none of the listed kinds)", example = "none") @Word(Vocabulary.AI_AREA) String highImpactArea,
    @Doc(value = "a human takes the final decision (not a criterion of AI Basic Act Art. 2(4); a note may mention it)", example = "true") Boolean humanFinalDecision,
    @Doc(value = "cumulative training compute, in floating-point operations (write an exponent with a sign, 3.0e+26, so YAML 1.1 tools read a number)", example = "3.0e+26") @Quantity Double trainingComputeFlops,
    @Doc(value = "the model is at the state of the art", example = "false") Boolean stateOfTheArt,
    @Doc(value = "the model risks broad and serious impact on life, safety or fundamental rights", example = "false") Boolean broadSeriousRisk,
    @Doc(value = "the high-impact duties (risk management, explanation, oversight, records) are in place", example = "true") Boolean highImpactMeasures,
    @Doc(value = "risk identification, mitigation and incident response are in place", example = "true") Boolean safetyMeasures,
    @Doc(value = "AI-service revenue in Korea for the fiscal year, in won", example = "\"1,800억원\"") @Krw Long revenueKrwKorea,
    @Doc(value = "average daily users of the AI service in Korea (persons)", example = "\"1,500,000\"") @Count Long dailyUsersKr,
    @Doc(value = "the service produces virtual sound, images or video hard to tell from real ones", example = "true") Boolean realisticOutputs,
    @Doc(value = "the effect on fundamental rights was assessed before the service was offered", example = "false") Boolean impactAssessed,
    @Doc(value = "the AI may significantly affect, or put at risk, life, physical safety or fundamental rights (AI Basic Act Art. 2(4): with a listed area, high-impact AI)", example = "false") Boolean significantRisk) {}
