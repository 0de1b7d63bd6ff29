package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Share;

/** One leading firm of a relevant market. {@code self} marks the company of the profile. */
public record Leader(
    @Doc(value = "the firm's name", example = "Hanbit Portal") String name,
    @Doc(value = "the firm's share of the market (a fraction 0..1 or a percent); required for every leading firm", example = "0.582") @Share @Units.Required Double share,
    @Doc(value = "the firm's monthly users in Korea (persons)", example = "\"41,000,000\"") @Count Long monthlyUsersKr,
    @Doc(value = "true for the company of the profile (at most one firm per list)", example = "true") Boolean self) {}
