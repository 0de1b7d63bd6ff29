package dev.kdpc.profile;

import dev.kdpc.profile.Units.Count;

/**
 * Korean users of a service.
 *
 * @param monthlyActiveKr monthly active users in Korea
 * @param dailyAverageKr average daily users in Korea (October to December of the prior year)
 * @param businessUsersKr Korean business users (sellers, merchants, advertisers)
 */
public record Users(@Count Long monthlyActiveKr, @Count Long dailyAverageKr, @Count Long businessUsersKr) {}
