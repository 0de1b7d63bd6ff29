package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Count;

/**
 * Korean users of a service.
 *
 * @param monthlyActiveKr monthly active users in Korea
 * @param dailyAverageKr average daily users in Korea (October to December of the prior year)
 * @param businessUsersKr Korean business users (sellers, merchants, advertisers)
 */
public record Users(
    @Doc(value = "monthly active users in Korea (persons)", example = "\"41,000,000\"") @Count Long monthlyActiveKr,
    @Doc(value = "average daily users in Korea, October to December of the prior year (persons)", example = "\"19,500,000\"") @Count Long dailyAverageKr,
    @Doc(value = "Korean business users: sellers, merchants, advertisers (businesses)", example = "\"420,000\"") @Count Long businessUsersKr) {}
